// The database the local scripts use: DATABASE_URL when set, else an embedded
// PostgreSQL whose data is kept under .data/postgres (reused if already running).
import { resolve } from 'node:path'
import pg from 'pg'
import { startEmbeddedPostgres, type RunningPostgres } from './postgres.ts'

export const EMBEDDED_PORT = Number(process.env.EMBEDDED_PG_PORT ?? 54329)
const EMBEDDED_URL = `postgresql://postgres:postgres@127.0.0.1:${EMBEDDED_PORT}/budgeting`

async function accepts(url: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 })
  try {
    await client.connect()
    return true
  }
  catch {
    return false
  }
  finally {
    await client.end().catch(() => {})
  }
}

export async function localDatabase(): Promise<RunningPostgres> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, port: 0, stop: async () => {} }
  if (await accepts(EMBEDDED_URL)) return { url: EMBEDDED_URL, port: EMBEDDED_PORT, stop: async () => {} }
  return startEmbeddedPostgres({
    dir: resolve(import.meta.dirname, '../.data/postgres'),
    port: EMBEDDED_PORT,
    persistent: true,
  })
}
