import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { describeForLog, isConnectionFailure, toApiError } from '../../server/utils/errors'

describe('toApiError', () => {
  it('turns zod issues into { path, message } with one issue per unknown field', () => {
    const result = z.strictObject({ email: z.email(), nested: z.strictObject({ n: z.number() }) }).safeParse({ email: 'x', nested: { n: 'a' }, extra: 1, more: 2 })
    const answer = toApiError({ statusCode: 400, message: 'Validation Error', data: result.error })
    expect(answer.statusCode).toBe(400)
    expect(answer.data).toEqual({
      issues: expect.arrayContaining([
        { path: 'email', message: expect.any(String) },
        { path: 'nested.n', message: expect.any(String) },
        { path: 'extra', message: 'Unknown field' },
        { path: 'more', message: 'Unknown field' },
      ]),
    })
  })

  it('gives every 400 data.issues', () => {
    expect(toApiError({ statusCode: 400, message: 'Invalid JSON body' }).data).toEqual({ issues: [{ path: '', message: 'Invalid JSON body' }] })
  })

  it('maps Prisma unique and not-found errors', () => {
    expect(toApiError({ statusCode: 500, unhandled: true, cause: { code: 'P2002' } }).statusCode).toBe(409)
    expect(toApiError({ statusCode: 500, unhandled: true, cause: { code: 'P2025' } }).statusCode).toBe(404)
    expect(toApiError({ statusCode: 500, unhandled: true, cause: { code: 'P2003' } })).toEqual({ statusCode: 409, message: expect.stringMatching(/deleted at the same moment/) })
  })

  it('turns connection failures into 503 and anything unexpected into a bare 500', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432 postgres://u:pw@h/db'), { code: 'ECONNREFUSED' })
    expect(toApiError({ statusCode: 500, unhandled: true, cause: refused })).toEqual({ statusCode: 503, message: expect.stringMatching(/try again/i) })
    const unexpected = toApiError({ statusCode: 500, unhandled: true, message: 'select * from "User" failed at db.internal', cause: new TypeError('x is undefined') })
    expect(unexpected).toEqual({ statusCode: 500, message: 'Something went wrong on our side. Please try again.' })
  })

  it('answers write contention (deadlock, serialization, transaction timeout) with 503, not 500', () => {
    for (const code of ['40P01', '40001', 'P2028', 'P2034']) {
      expect(toApiError({ statusCode: 500, unhandled: true, cause: { code } })).toEqual({ statusCode: 503, message: expect.stringMatching(/try again/i) })
    }
  })

  it('passes a domain rule\'s own issues and message through as raised (string paths)', () => {
    const rule = { statusCode: 400, message: 'The file has 2 bad rows; nothing was imported.', data: { issues: [{ path: 'line 4', message: 'Bad date' }, { path: 'line 9', message: 'Bad amount' }] } }
    expect(toApiError(rule)).toEqual(rule)
    const date = { statusCode: 400, message: 'Invalid request: date: Must be a day of 2026-05', data: { issues: [{ path: 'date', message: 'Must be a day of 2026-05' }] } }
    expect(toApiError(date)).toEqual(date)
  })

  it('never throws: an error it cannot read becomes the bare 500', () => {
    const hostile = { get statusCode(): number {
      throw new Error('boom')
    } }
    expect(toApiError(hostile)).toEqual({ statusCode: 500, message: 'Something went wrong on our side. Please try again.' })
    expect(toApiError(null)).toEqual({ statusCode: 500, message: 'Something went wrong on our side. Please try again.' })
  })

  it('passes deliberate 4xx errors through', () => {
    expect(toApiError({ statusCode: 429, message: 'Too many' })).toEqual({ statusCode: 429, message: 'Too many' })
  })
})

describe('isConnectionFailure', () => {
  it('finds connection failures anywhere in the cause chain', () => {
    expect(isConnectionFailure(new Error('outer', { cause: new Error('Connection terminated unexpectedly') }))).toBe(true)
    expect(isConnectionFailure({ code: '57P01' })).toBe(true)
    // What workerd's sockets say when nothing listens.
    expect(isConnectionFailure(new Error('x', { cause: new Error('connection attempt failed') }))).toBe(true)
    expect(isConnectionFailure(new Error('proxy request failed, cannot connect to the specified address'))).toBe(true)
    // A primary shutting down under an open connection.
    expect(isConnectionFailure(new Error('terminating connection due to administrator command'))).toBe(true)
    expect(isConnectionFailure(new Error('Client has encountered a connection error and is not queryable'))).toBe(true)
    expect(isConnectionFailure({ code: 'P2002' })).toBe(false)
    expect(isConnectionFailure(new Error('duplicate key'))).toBe(false)
  })
})

describe('describeForLog', () => {
  it('names the failure but never repeats its message', () => {
    const error = new Error('password authentication failed for postgres://app:pw@db.internal/x', { cause: Object.assign(new Error('inner secret'), { code: '28P01' }) })
    const line = describeForLog(error)
    expect(line).toBe('Error <- Error:28P01')
    expect(line).not.toMatch(/pw|internal|secret/)
  })
})
