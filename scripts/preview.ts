// npm run preview — the production build (dist/) in workerd on $PORT (8788),
// its HYPERDRIVE binding pointing at DATABASE_URL or the embedded database.
import { prepareDatabase } from './prepare-database.ts'
import { startWorkerd } from './servers.ts'

const db = await prepareDatabase()
const server = await startWorkerd({ databaseUrl: db.url, port: Number(process.env.PORT ?? 8788), stdio: 'inherit' })
console.log(`\n  Budgeting (workerd): ${server.url}\n  Demo login: ${db.demo.email} (owner) or ${db.demo.partnerEmail} (editor), password ${db.demo.password}\n`)

const stop = async () => {
  await server.stop()
  await db.stop()
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
