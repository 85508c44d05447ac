// With the database unreachable, the worker answers 503 quickly with a message a
// person can act on, and neither the answer nor the log shows where the database is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort } from '../../scripts/postgres.ts'
import { startWorkerd, type RunningServer } from '../../scripts/servers.ts'
import { Client, PASSWORD, uniqueEmail } from '../helpers/api'

let server: RunningServer
let deadPort: number

beforeAll(async () => {
  deadPort = await freePort()
  server = await startWorkerd({ databaseUrl: `postgresql://app:s3cret-pw@127.0.0.1:${deadPort}/budgeting`, port: await freePort() })
})
afterAll(() => server?.stop())

describe('database unreachable', () => {
  it('health answers 503 db: unreachable, naming no host, user or password', async () => {
    const answer = await new Client(server.url).get('/api/health')
    expect(answer.status).toBe(503)
    expect(answer.body).toMatchObject({ db: 'unreachable' })
    expect(JSON.stringify(answer.body)).not.toMatch(new RegExp(`${deadPort}|127\\.0\\.0\\.1|s3cret|app:`))
  })

  it('a route that needs the database answers 503 with a clear message, and logs no secret', async () => {
    const answer = await new Client(server.url).post('/api/auth/register', { email: uniqueEmail(), password: PASSWORD })
    expect(answer.status).toBe(503)
    expect(answer.body).toEqual({ statusCode: 503, message: expect.stringMatching(/try again/i) })
    expect(server.output()).not.toMatch(/s3cret|postgresql:\/\//)
  })

  it('a request that needs no database is unaffected', async () => {
    expect((await new Client(server.url).get('/api/auth/me')).status).toBe(401)
  })
})
