// npm run db:migrate — applies pending migrations to DATABASE_URL (or to the
// embedded development database when it is unset).
import { applyMigrations } from './migrate-engine.ts'
import { localDatabase } from './local-database.ts'

const db = await localDatabase()
try {
  const applied = await applyMigrations(db.url)
  console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : 'Database is up to date.')
}
catch (error) {
  console.error(`Migration failed: ${(error as Error).message}`)
  process.exitCode = 1
}
finally {
  await db.stop()
}
// The Wasm engine leaves a timer running; nothing else is pending here.
process.exit()
