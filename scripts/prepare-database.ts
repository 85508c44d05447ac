// What dev and preview do before starting: the database (embedded unless
// DATABASE_URL is set), pending migrations, and demo data on first run.
import { applyMigrations } from './migrate-engine.ts'
import { localDatabase } from './local-database.ts'
import { DEMO_EMAIL, DEMO_PARTNER_EMAIL, DEMO_PASSWORD, seedDemo } from './seed.ts'

export async function prepareDatabase() {
  const db = await localDatabase()
  const applied = await applyMigrations(db.url)
  if (applied.length) console.log(`Applied ${applied.length} migration(s).`)
  if (await seedDemo(db.url)) console.log('Seeded demo data.')
  return { ...db, demo: { email: DEMO_EMAIL, partnerEmail: DEMO_PARTNER_EMAIL, password: DEMO_PASSWORD } }
}
