// npm run dev — Nuxt's dev server on a ready database.
import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { prepareDatabase } from './prepare-database.ts'
import { localSessionPassword, root } from './servers.ts'

const db = await prepareDatabase()
const port = process.env.PORT ?? '3000'
console.log(`\n  Budgeting: http://localhost:${port}\n  Demo login: ${db.demo.email} (owner) or ${db.demo.partnerEmail} (editor), password ${db.demo.password}\n`)

const nuxt = spawn(resolve(root, 'node_modules/.bin/nuxt'), ['dev', '--port', port, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    DATABASE_URL: db.url,
    CLOUDFLARE_HYPERDRIVE_LOCAL_CONNECTION_STRING_HYPERDRIVE: db.url,
    NUXT_SESSION_PASSWORD: localSessionPassword(),
  },
})
const stop = () => nuxt.kill('SIGTERM')
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
nuxt.on('exit', async (code) => {
  await db.stop()
  process.exit(code ?? 0)
})
