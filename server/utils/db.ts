import type { H3Event } from 'h3'
import pg from 'pg'
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '../generated/prisma/client'
import { isConnectionFailure } from './errors'

export type Db = PrismaClient

interface RequestDb {
  client: PrismaClient
  dispose: () => Promise<void>
}

declare module 'h3' {
  interface H3EventContext {
    db?: Promise<RequestDb>
    dbQueries?: number
  }
}

// Workers must not reuse sockets across requests, so every request that touches
// the database gets its own one-connection pool, created on first use and ended
// after the response (server/plugins/db.ts). Hyperdrive does the real pooling.
export async function useDb(event: H3Event): Promise<PrismaClient> {
  event.context.db ??= openRequestDb(event)
  return (await event.context.db).client
}

export function releaseDb(event: H3Event) {
  const pending = event.context.db
  if (!pending) return
  event.context.db = undefined
  const done = pending.then(db => db.dispose(), () => {}).catch(() => {})
  event.waitUntil?.(done)
}

function connectionString(event: H3Event): string {
  const env = event.context.cloudflare?.env as { HYPERDRIVE?: { connectionString: string } } | undefined
  const url = env?.HYPERDRIVE?.connectionString ?? process.env.DATABASE_URL
  if (!url) throw createError({ statusCode: 503, message: 'The database is not configured (set DATABASE_URL or the HYPERDRIVE binding).' })
  return url
}

const CONNECT_ATTEMPTS = 3
const CONNECT_TIMEOUT_MS = 2000

async function openRequestDb(event: H3Event): Promise<RequestDb> {
  const pool = new pg.Pool({ connectionString: connectionString(event), max: 1, connectionTimeoutMillis: CONNECT_TIMEOUT_MS })
  pool.on('error', () => {})
  try {
    await connectWithRetry(pool)
  }
  catch (error) {
    await pool.end().catch(() => {})
    throw error
  }
  const client = new PrismaClient({ adapter: new PrismaPg(pool), log: [{ emit: 'event', level: 'query' }] })
  // Reported in the Server-Timing header: a route's query count is part of its contract with us.
  event.context.dbQueries = 0
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
