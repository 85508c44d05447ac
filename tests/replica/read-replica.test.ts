// Reads from a real streaming replica, writes to the primary, read-your-writes,
// and reads that survive the replica going away.
import { describe, expect, inject, it } from 'vitest'
import pg from 'pg'
import { controlPair } from '../../scripts/streaming-pair.ts'
import type { Answer } from '../helpers/api'
import { Client, expectError, signedInClient } from '../helpers/api'

const pair = controlPair(inject('pair'))
const readFrom = (answer: Answer) => /db-read;desc="(\w+)"/.exec(answer.headers.get('server-timing') ?? '')?.[1]

// As if the few seconds of read-your-writes had passed.
function forgetRecentWrite(client: Client) {
  client.cookies.delete('budgeting-wrote')
}

describe('read replica', () => {
  it('a write pins the browser to the primary for a few seconds; afterwards reads come from the replica', async () => {
    const { client } = await signedInClient('replica')
    expect(client.cookies.has('budgeting-wrote')).toBe(true)
    const created = await client.post('/api/months', { year: 2040, month: 2, income: 777 })
    expect(created.status).toBe(201)
    expect(created.headers.getSetCookie().find(line => line.startsWith('budgeting-wrote='))).toMatch(/Max-Age=5.*HttpOnly|HttpOnly.*Max-Age=5/i)

    // Read-your-writes: straight after the write, the new month is there, read from the primary.
    const right = await client.get(`/api/months/${created.body.id}`)
    expect(right.status).toBe(200)
    expect(right.body.income).toBe(777)
    expect(readFrom(right)).toBe('primary')

    await pair.waitForReplay()
    forgetRecentWrite(client)
    const later = await client.get(`/api/months/${created.body.id}`)
    expect(later.status).toBe(200)
    expect(later.body).toEqual(right.body)
    expect(readFrom(later)).toBe('replica')
    expect(readFrom(await client.get('/api/yearly'))).toBe('replica')
    // The session (all /api/auth/me reads) is the primary's.
    expect(readFrom(await client.get('/api/auth/me'))).toBe('primary')
  })

  it('writes always go to the primary, even from a browser that reads from the replica', async () => {
    const { client, user } = await signedInClient('writer')
    await pair.waitForReplay()
    forgetRecentWrite(client)
    expect(readFrom(await client.get('/api/months'))).toBe('replica')
    const patched = await client.patch('/api/auth/me', { name: 'Written to the primary' })
    expect(patched.status).toBe(200)
    // A write request reads its session from the primary too.
    expect(readFrom(patched)).toBe('primary')
    const primary = new pg.Client({ connectionString: pair.primaryUrl })
    await primary.connect()
    const { rows } = await primary.query('SELECT name FROM "User" WHERE id = $1', [user.id])
    await primary.end()
    expect(rows[0].name).toBe('Written to the primary')
  })

  it('when the replica stops, reads keep working through the primary, and come back to the replica after', async () => {
    const { client } = await signedInClient('failover')
    const month = (await client.post('/api/months', { year: 2041, month: 3 })).body
    await pair.waitForReplay()
    forgetRecentWrite(client)
    expect(readFrom(await client.get(`/api/months/${month.id}`))).toBe('replica')

    pair.stopReplica()
    try {
      for (let i = 0; i < 5; i++) {
        const answer = await client.get(`/api/months/${month.id}`)
        expect(answer.status).toBe(200)
        expect(answer.body.id).toBe(month.id)
        expect(readFrom(answer)).toBe('primary')
      }
    }
    finally {
      pair.startReplica()
    }
    await pair.waitForReplay()
    await expect.poll(async () => readFrom(await client.get(`/api/months/${month.id}`)), { timeout: 10_000 }).toBe('replica')
  })
})

describe('sessions on a lagging replica', () => {
  it('a signed-out session is refused at once on a GET, while the replica has not replayed the sign-out', async () => {
    const { client, user } = await signedInClient('lagging')
    const month = (await client.post('/api/months', { year: 2042, month: 4 })).body
    const { client: bystander } = await signedInClient('bystander')
    await pair.waitForReplay()
    forgetRecentWrite(client)
    forgetRecentWrite(bystander)
    expect(readFrom(await client.get(`/api/months/${month.id}`))).toBe('replica')
    const oldCookie = client.cookie

    await pair.pauseReplay()
    try {
      expect((await client.post('/api/auth/logout')).status).toBe(204)
      // The replica still holds the session the primary has ended.
      const replica = new pg.Client({ connectionString: pair.replicaUrl })
      await replica.connect()
      const { rows } = await replica.query('SELECT count(*)::int AS n FROM "Session" WHERE "userId" = $1', [user.id])
      await replica.end()
      expect(rows[0].n).toBe(1)

      const replay = new Client()
      replay.cookie = oldCookie
      for (const path of [`/api/months/${month.id}`, '/api/months', '/api/auth/me', `/api/months/${month.id}/summary`]) {
        expectError(await replay.get(path), 401)
      }
      // Other sessions keep reading from the (paused) replica.
      expect(readFrom(await bystander.get('/api/months'))).toBe('replica')
    }
    finally {
      await pair.resumeReplay()
    }
    await pair.waitForReplay()
  })
})
