// The core design rule, checked in the real Workers runtime: every request gets
// its own database client and gives its connection back. A client cached across
// requests passes the first request and then hangs or fails on later ones that
// run several queries (PATCH /api/auth/me runs two: the session, the update).
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { applyMigrations } from '../../scripts/migrate-engine.ts'
import { freePort } from '../../scripts/postgres.ts'
import { startWorkerd, type RunningServer } from '../../scripts/servers.ts'
import { signedInClient, sql, uniqueEmail } from '../helpers/api'

// Its own database and worker, so that the connections counted are this
// file's alone, whatever other test files run at the same time.
const database = `per_request_${randomUUID().replaceAll('-', '')}`
let server: RunningServer

beforeAll(async () => {
  await sql(`CREATE DATABASE "${database}"`)
  const url = new URL(inject('databaseUrl'))
  url.pathname = `/${database}`
  await applyMigrations(url.toString())
  server = await startWorkerd({ databaseUrl: url.toString(), port: await freePort() })
})

afterAll(async () => {
  await server?.stop()
  await sql(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)
})

const signedIn = (label: string) => signedInClient(label, server.url)

async function appConnections() {
  const [row] = await sql<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [database])
  return row!.n
}

async function settledConnections() {
  // Connections end in waitUntil after the response: give them a moment.
  for (let i = 0; i < 50; i++) {
    const n = await appConnections()
    if (n === 0) return 0
    await new Promise(resolve => setTimeout(resolve, 100))
  }
  return appConnections()
}

describe('per-request database client in workerd', () => {
  // 300 round trips while other test files load the same 2 cores: the timeout
  // gives room to finish and measures nothing.
  it('serves 300 sequential authenticated requests that touch the database', async () => {
    const { client } = await signedIn('sequential')
    const statuses: number[] = []
    for (let i = 0; i < 300; i++) {
      const answer = i % 2 === 0
        ? await client.patch('/api/auth/me', { name: `Sequential ${i}` })
        : await client.get('/api/auth/me')
      statuses.push(answer.status)
    }
    expect(statuses.filter(status => status !== 200)).toEqual([])
    expect((await client.get('/api/auth/me')).body.user.name).toBe('Sequential 298')
    expect(await settledConnections()).toBe(0)
  }, 300_000)

  it('serves 50 concurrent authenticated requests, then holds no connection', async () => {
    const { client } = await signedIn('concurrent')
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) =>
      i % 2 === 0 ? client.patch('/api/auth/me', { name: `Concurrent ${i}` }) : client.get('/api/auth/me'),
    ))
    expect(answers.map(answer => answer.status).filter(status => status !== 200)).toEqual([])
    expect(await settledConnections()).toBe(0)
  })

  it('gives the connection back after errors too', async () => {
    const { client } = await signedIn('errors')
    const answers = await Promise.all(Array.from({ length: 20 }, () => client.patch('/api/auth/me', { currency: 'nope' })))
    expect(answers.map(answer => answer.status)).toEqual(Array(20).fill(400))
    const email = uniqueEmail('Conflict')
    const conflicts = await Promise.all(Array.from({ length: 10 }, () => client.post('/api/auth/register', { email, password: 'long enough password' })))
    // One account is made; the nine others are refused as taken.
    expect(conflicts.map(answer => answer.status).sort()).toEqual([201, ...Array(9).fill(409)])
    expect(await settledConnections()).toBe(0)
  })
})
