// With the database unreachable, the worker answers 503 quickly with a message a
// person can act on, and neither the answer nor the log shows where the database is.
// Run in each tier: a server of that tier's build on a database nobody listens on.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { freePort } from '../../scripts/postgres.ts'
import { startNodeServer, startWorkerd, type RunningServer } from '../../scripts/servers.ts'
import { Client, PASSWORD, expectError, uniqueEmail } from '../helpers/api'

let server: RunningServer
let deadPort: number

beforeAll(async () => {
  deadPort = await freePort()
  const start = inject('tier') === 'node' ? startNodeServer : startWorkerd
  server = await start({ databaseUrl: `postgresql://app:s3cret-pw@127.0.0.1:${deadPort}/budgeting`, port: await freePort() })
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
    expect(expectError(answer, 503)).toEqual({ statusCode: 503, message: expect.stringMatching(/try again/i) })
    expect(server.output()).not.toMatch(/s3cret|postgresql:\/\//)
  })

  it('a request that needs no database is unaffected', async () => {
    expectError(await new Client(server.url).get('/api/auth/me'), 401)
  })
})
