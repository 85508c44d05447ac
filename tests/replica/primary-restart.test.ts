// The primary restarts in the middle of a write load: requests during the
// outage fail fast with 503, every request succeeds again once it is back (no
// restart of the app), and the rows tell that nothing answered 2xx was lost and
// nothing was written twice.
import { randomUUID } from 'node:crypto'
import { describe, expect, inject, it } from 'vitest'
import pg from 'pg'
import { controlPair } from '../../scripts/streaming-pair.ts'
import { signedInClient } from '../helpers/api'

const pair = controlPair(inject('pair'))
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

interface Sent { description: string, status: number, startedAt: number, ms: number }

describe('primary restart under load', () => {
  it('fails fast during the outage and recovers by itself', async () => {
    const { client } = await signedInClient('restart')
    const month = (await client.post('/api/months', { year: 2042, month: 5 })).body
    const sent: Sent[] = []
    let running = true
    const worker = async () => {
      while (running) {
        const description = randomUUID()
        const startedAt = Date.now()
        const answer = await client.post('/api/transactions', { monthId: month.id, date: '2042-05-10', amount: 100, description })
        sent.push({ description, status: answer.status, startedAt, ms: Date.now() - startedAt })
      }
    }
    const workers = Array.from({ length: 6 }, worker)

    await sleep(1500)
    pair.stopPrimary('fast')
    const downAt = Date.now()
    await sleep(2500)
    const restartAt = Date.now()
    pair.startPrimary() // returns once the primary accepts connections
    const backAt = Date.now()
    await sleep(4000)
    running = false
    await Promise.all(workers)

    // Requests sent well inside the outage (the app retries connecting for about
    // a second, so those sent just before the restart may still succeed).
    const during = sent.filter(s => s.startedAt > downAt + 200 && s.startedAt < restartAt - 1200)
    const afterRecovery = sent.filter(s => s.startedAt > backAt + 2000)
    expect(sent.every(s => s.status === 201 || s.status === 503), JSON.stringify(sent.filter(s => s.status !== 201 && s.status !== 503).slice(0, 3))).toBe(true)
    expect(during.length).toBeGreaterThan(0)
    expect(during.every(s => s.status === 503)).toBe(true)
    // No request hangs: each answers well within the time a person waits (a bound, not a speed measurement).
    expect(Math.max(...sent.map(s => s.ms))).toBeLessThan(10_000)
    expect(afterRecovery.length).toBeGreaterThan(10)
    expect(afterRecovery.every(s => s.status === 201)).toBe(true)

    const primary = new pg.Client({ connectionString: pair.primaryUrl })
    await primary.connect()
    const { rows } = await primary.query<{ description: string, n: number }>('SELECT description, count(*)::int AS n FROM "Transaction" WHERE "monthId" = $1 GROUP BY description', [month.id])
    await primary.end()
    const stored = new Map(rows.map(row => [row.description, row.n]))
    expect(rows.filter(row => row.n > 1)).toEqual([])
    expect(sent.filter(s => s.status === 201 && !stored.has(s.description))).toEqual([])
    const firstOk = sent.filter(s => s.status === 201 && s.startedAt > backAt).sort((a, b) => a.startedAt - b.startedAt)[0]
    console.info(`primary restart: ${sent.length} requests, ${sent.filter(s => s.status === 503).length} answered 503 (slowest ${Math.max(...sent.filter(s => s.status === 503).map(s => s.ms))} ms), first 201 ${firstOk ? firstOk.startedAt - backAt : '?'} ms after the primary accepted connections`)
  })
})
