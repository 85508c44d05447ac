// The cost of deciding sessions on the primary (part of npm run bench). With a
// read replica, a GET looks its session up on the primary and reads its data
// from the replica: two connections. The same worker serves the same GET from
// the primary alone while the browser holds the read-your-writes cookie: one
// connection. Both are measured in turns on the same data, with a real
// streaming replica (Debian's PostgreSQL 15). Measures only; asserts nothing.
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { applyMigrations } from '../scripts/migrate-engine.ts'
import { freePort } from '../scripts/postgres.ts'
import { startWorkerd } from '../scripts/servers.ts'
import { startStreamingPair } from '../scripts/streaming-pair.ts'
import { load, monthThroughApi, type LoadResult } from './load.ts'

export interface SessionCostRow {
  reads: 'replica' | 'primary'
  concurrency: number
  result: LoadResult
  connectionsPerGet: { primary: number, replica: number }
}

async function sessionsOpened(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    // Every connection ever made to the database (PostgreSQL 14+); the one
    // look's own connection is noise against thousands of requests.
    const { rows } = await client.query<{ n: string }>('SELECT sessions::text AS n FROM pg_stat_database WHERE datname = current_database()')
    return Number(rows[0]!.n)
  }
  finally {
    await client.end()
  }
}

export async function sessionCost(seconds: number, rounds = 3): Promise<SessionCostRow[]> {
  const pair = await startStreamingPair()
  try {
    await applyMigrations(pair.primaryUrl)
    const server = await startWorkerd({ databaseUrl: pair.primaryUrl, port: await freePort(), bindings: { DATABASE_READ_URL: pair.replicaUrl } })
    try {
      const registered = await fetch(`${server.url}/api/auth/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: `sessions-${randomUUID()}@example.com`, password: 'benchmark password 1' }) })
      const session = registered.headers.getSetCookie().find(line => line.startsWith('budgeting-session='))!.split(';')[0]!
      const month = await monthThroughApi(server.url, session)
      await pair.waitForReplay()

      const summary = (cookie: string) => () => fetch(`${server.url}/api/months/${month.id}/summary`, { headers: { cookie } })
      const runs = { replica: summary(session), primary: summary(`${session}; budgeting-wrote=1`) }
      for (const [reads, run] of Object.entries(runs)) {
        const answer = await run()
        const from = /db-read;desc="(\w+)"/.exec(answer.headers.get('server-timing') ?? '')?.[1]
        if (answer.status !== 200 || from !== reads) throw new Error(`expected a 200 read from the ${reads}, got ${answer.status} from ${from}`)
      }
      const rows: SessionCostRow[] = []
      for (let round = 0; round < rounds; round++) {
        for (const concurrency of [1, 32]) {
          for (const reads of ['replica', 'primary'] as const) {
            const before = { primary: await sessionsOpened(pair.primaryUrl), replica: await sessionsOpened(pair.replicaUrl) }
            const result = await load(runs[reads], concurrency, seconds)
            // Connections end just after their response (waitUntil), and are counted as they end.
            await new Promise(resolve => setTimeout(resolve, 1000))
            const after = { primary: await sessionsOpened(pair.primaryUrl), replica: await sessionsOpened(pair.replicaUrl) }
            const per = (side: 'primary' | 'replica') => (after[side] - before[side]) / result.n
            rows.push({ reads, concurrency, result, connectionsPerGet: { primary: per('primary'), replica: per('replica') } })
          }
        }
      }
      return rows
    }
    finally {
      await server.stop()
    }
  }
  finally {
    pair.stop()
  }
}
