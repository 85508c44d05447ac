import type { H3Event } from 'h3'
import pg from 'pg'
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '../generated/prisma/client'
import { isConnectionFailure } from './errors'
import { readOnlyView, type ReadDb } from './read-only'
import { sharingQueryPlans } from './query-plans'

export type Db = PrismaClient
// The client, or the one an interactive transaction ($transaction) hands its callback.
export type Client = Db | Parameters<Parameters<Db['$transaction']>[0]>[0]

interface RequestDb {
  client: PrismaClient
  dispose: () => Promise<void>
}

declare module 'h3' {
  interface H3EventContext {
    db?: Promise<RequestDb>
    readDb?: Promise<RequestDb | null>
    dbQueries?: number
    dbReadFrom?: 'replica' | 'primary'
  }
}

interface DatabaseEnv {
  HYPERDRIVE?: { connectionString: string }
  HYPERDRIVE_READ?: { connectionString: string }
}
const envOf = (event: H3Event) => event.context.cloudflare?.env as DatabaseEnv | undefined

// Workers must not reuse sockets across requests, so every request that touches
// the database gets its own one-connection pool, created on first use and ended
// after the response (server/plugins/db.ts). Hyperdrive does the real pooling.
export async function useDb(event: H3Event): Promise<PrismaClient> {
  if (!event.context.db && event.method !== 'GET' && event.method !== 'HEAD') markWrite(event)
  // A request that reads only from the primary says so (useReadDb overrides it).
  if (readerUrl(event)) event.context.dbReadFrom ??= 'primary'
  event.context.db ??= openRequestDb(event, writerUrl(event))
  return (await event.context.db).client
}

// For reads that tolerate a little staleness: the read replica when one is
// configured, the request is a GET, and this browser has not written in the
// last few seconds (read-your-writes); the primary otherwise, or when the
// replica cannot be reached.
export async function useReadDb(event: H3Event): Promise<ReadDb> {
  const url = readerUrl(event)
  if (url && (event.method === 'GET' || event.method === 'HEAD') && !wroteRecently(event)) {
    event.context.readDb ??= openRequestDb(event, url).catch((error) => {
      if (!isConnectionFailure(error)) throw error
      warnReplicaDownOnce()
      return null
    })
    const reader = await event.context.readDb
    if (reader) {
      event.context.dbReadFrom = 'replica'
      return readOnlyView(reader.client)
    }
  }
  if (url) event.context.dbReadFrom = 'primary'
  return readOnlyView(await useDb(event))
}

export const RECENT_WRITE_COOKIE = 'budgeting-wrote'
export const RECENT_WRITE_SECONDS = 5

function wroteRecently(event: H3Event) {
  return getCookie(event, RECENT_WRITE_COOKIE) !== undefined
}

// A request that writes (or tries to) pins this browser's reads to the primary
// for a few seconds, until the replica has caught up.
function markWrite(event: H3Event) {
  if (!readerUrl(event)) return
  setCookie(event, RECENT_WRITE_COOKIE, '1', { maxAge: RECENT_WRITE_SECONDS, httpOnly: true, sameSite: 'lax', path: '/', secure: !import.meta.dev && getRequestProtocol(event) === 'https' })
}

let replicaDownWarned = false
function warnReplicaDownOnce() {
  if (replicaDownWarned) return
  replicaDownWarned = true
  console.warn('[db] The read replica cannot be reached; reads go to the primary until it is back.')
}

export function releaseDb(event: H3Event) {
  const pending = [event.context.db, event.context.readDb]
  event.context.db = undefined
  event.context.readDb = undefined
  for (const db of pending) {
    if (!db) continue
    const done = db.then(open => open?.dispose(), () => {}).catch(() => {})
    event.waitUntil?.(done)
  }
}

function writerUrl(event: H3Event): string {
  const url = envOf(event)?.HYPERDRIVE?.connectionString ?? process.env.DATABASE_URL
  if (!url) throw createError({ statusCode: 503, message: 'The database is not configured (set DATABASE_URL or the HYPERDRIVE binding).' })
  return url
}

function readerUrl(event: H3Event): string | undefined {
  return envOf(event)?.HYPERDRIVE_READ?.connectionString ?? (process.env.DATABASE_READ_URL || undefined)
}

const CONNECT_ATTEMPTS = 3
const CONNECT_TIMEOUT_MS = 2000

async function openRequestDb(event: H3Event, connectionString: string): Promise<RequestDb> {
  const pool = new pg.Pool({ connectionString, max: 1, connectionTimeoutMillis: CONNECT_TIMEOUT_MS })
  pool.on('error', () => {})
  try {
    await connectWithRetry(pool)
  }
  catch (error) {
    await pool.end().catch(() => {})
    throw error
  }
  const client = new PrismaClient(sharingQueryPlans({ adapter: new PrismaPg(pool), log: [{ emit: 'event', level: 'query' }] }))
  // Reported in the Server-Timing header: a route's query count is part of its contract with us.
  event.context.dbQueries ??= 0
  client.$on('query', () => {
    event.context.dbQueries! += 1
  })
  return {
    client,
    dispose: async () => {
      await client.$disconnect().catch(() => {})
      await pool.end()
    },
  }
}

// Connecting is the only step retried: no query has been sent yet, so a retry
// can never apply a write twice.
async function connectWithRetry(pool: pg.Pool) {
  for (let attempt = 1; ; attempt++) {
    try {
      const connection = await pool.connect()
      connection.release()
      return
    }
    catch (error) {
      if (attempt >= CONNECT_ATTEMPTS || !isConnectionFailure(error)) throw error
      await new Promise(resolve => setTimeout(resolve, 100 * 2 ** attempt))
    }
  }
}
