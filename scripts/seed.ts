// npm run db:seed — demo data, written once: does nothing when the demo user exists.
import { Hash } from '@adonisjs/hash'
import { Scrypt } from '@adonisjs/hash/drivers/scrypt'
import pg from 'pg'
import { localDatabase } from './local-database.ts'

export const DEMO_EMAIL = 'demo@example.com'
export const DEMO_PASSWORD = 'demo-budget-2026'

// Same hash format and parameters as the app's (nuxt-auth-utils' defaults).
const hasher = new Hash(new Scrypt({}))

export async function seedDemo(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rowCount } = await client.query('SELECT 1 FROM "User" WHERE "emailKey" = $1', [DEMO_EMAIL])
    if (rowCount) return false
    await client.query('BEGIN')
    await client.query(
      'INSERT INTO "User" ("email", "emailKey", "passwordHash", "name", "currency", "locale") VALUES ($1, $1, $2, $3, $4, $5)',
      [DEMO_EMAIL, await hasher.make(DEMO_PASSWORD), 'Demo Household', 'USD', 'en-US'],
    )
    await client.query('COMMIT')
    return true
  }
  catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    throw error
  }
  finally {
    await client.end()
  }
}

if (import.meta.main) {
  const db = await localDatabase()
  try {
    console.log(await seedDemo(db.url) ? `Seeded demo data: sign in as ${DEMO_EMAIL} / ${DEMO_PASSWORD}` : 'Demo data already present.')
  }
  finally {
    await db.stop()
  }
}
