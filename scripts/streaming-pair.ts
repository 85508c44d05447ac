// A PostgreSQL primary with a real streaming replica (PostgreSQL's own physical
// replication: pg_basebackup -R), from Debian's PostgreSQL 15 binaries, for the
// replica tests. The server refuses to run as root: it runs as `postgres`.
import { execFileSync } from 'node:child_process'
import { chownSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { freePort } from './postgres.ts'

export const PG15 = process.env.PG15_BIN ?? '/usr/lib/postgresql/15/bin'

function asPostgres(command: string, args: string[]) {
  execFileSync('runuser', ['-u', 'postgres', '--', join(PG15, command), ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
}

export interface PairInfo {
  base: string
  primaryPort: number
  replicaPort: number
  database: string
}

export interface StreamingPair {
  info: PairInfo
  primaryUrl: string
  replicaUrl: string
  startPrimary: () => void
  stopPrimary: (mode?: 'fast' | 'immediate') => void
  startReplica: () => void
  stopReplica: () => void
  waitForReplay: () => Promise<void>
  // Stop and restart applying the primary's WAL: the replica lags for as long as it is paused.
  pauseReplay: () => Promise<void>
  resumeReplay: () => Promise<void>
  stop: () => void
}

export async function startStreamingPair(database = 'budgeting'): Promise<StreamingPair> {
  const base = mkdtempSync(join(tmpdir(), 'budgeting-replication-'))
  const ids = execFileSync('id', ['-u', 'postgres']).toString().trim()
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim())
  chownSync(base, Number(ids), gid)
  const primaryDir = join(base, 'primary')
  const replicaDir = join(base, 'replica')
  const [primaryPort, replicaPort] = [await freePort(), await freePort()]
  asPostgres('initdb', ['-D', primaryDir, '-U', 'postgres', '--auth=trust', '--no-sync'])
  writeFileSync(join(primaryDir, 'postgresql.auto.conf'), `listen_addresses = '127.0.0.1'\nport = ${primaryPort}\nunix_socket_directories = '${base}'\nmax_connections = 200\nwal_level = replica\nmax_wal_senders = 5\nfsync = off\n`)
  const pair = controlPair({ base, primaryPort, replicaPort, database })
  pair.startPrimary()
  const admin = new pg.Client({ host: '127.0.0.1', port: primaryPort, user: 'postgres', database: 'postgres' })
  await admin.connect()
  await admin.query(`CREATE DATABASE "${database}"`)
  await admin.end()
  asPostgres('pg_basebackup', ['-D', replicaDir, '-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-R', '-X', 'stream', '--checkpoint=fast', '--no-sync'])
  writeFileSync(join(replicaDir, 'postgresql.auto.conf'), `listen_addresses = '127.0.0.1'\nport = ${replicaPort}\nunix_socket_directories = '${base}'\nmax_connections = 200\nhot_standby = on\nfsync = off\nprimary_conninfo = 'host=127.0.0.1 port=${primaryPort} user=postgres'\n`)
  pair.startReplica()
  return pair
}

// Start, stop and watch a pair made by startStreamingPair, from its description
// (which a test worker receives from the global setup).
export function controlPair(info: PairInfo): StreamingPair {
  const { base, primaryPort, replicaPort, database } = info
  const primaryDir = join(base, 'primary')
  const replicaDir = join(base, 'replica')
  const ctl = (dir: string, action: string, extra: string[] = []) => asPostgres('pg_ctl', ['-D', dir, '-l', `${dir}.log`, '-w', '-t', '30', ...extra, action])
  // Trust authentication, and no password in the URL (as with a usual local server).
  const url = (port: number) => `postgresql://postgres@127.0.0.1:${port}/${database}`
  const onReplica = async (statement: string) => {
    const replica = new pg.Client({ connectionString: url(replicaPort) })
    await replica.connect()
    try {
      await replica.query(statement)
    }
    finally {
      await replica.end()
    }
  }
  const stopIfRunning = (dir: string, mode = 'fast') => {
    try {
      ctl(dir, 'stop', ['-m', mode])
    }
    catch { /* not running */ }
  }
  return {
    info,
    primaryUrl: url(primaryPort),
    replicaUrl: url(replicaPort),
    startPrimary: () => ctl(primaryDir, 'start'),
    stopPrimary: (mode = 'fast') => stopIfRunning(primaryDir, mode),
    startReplica: () => ctl(replicaDir, 'start'),
    stopReplica: () => stopIfRunning(replicaDir),
    // Until the replica has replayed everything the primary has written so far.
    waitForReplay: async () => {
      const primary = new pg.Client({ connectionString: url(primaryPort) })
      const replica = new pg.Client({ connectionString: url(replicaPort) })
      await Promise.all([primary.connect(), replica.connect()])
      try {
        const { rows: [{ lsn }] } = await primary.query('SELECT pg_current_wal_lsn()::text AS lsn')
        for (let i = 0; i < 200; i++) {
          const { rows: [{ caught }] } = await replica.query('SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS caught', [lsn])
          if (caught) return
          await new Promise(resolve => setTimeout(resolve, 25))
        }
        throw new Error('The replica did not catch up within 5 s')
      }
      finally {
        await Promise.all([primary.end(), replica.end()])
      }
    },
    pauseReplay: () => onReplica('SELECT pg_wal_replay_pause()'),
    resumeReplay: () => onReplica('SELECT pg_wal_replay_resume()'),
    stop: () => {
      stopIfRunning(replicaDir, 'immediate')
      stopIfRunning(primaryDir, 'immediate')
    },
  }
}
