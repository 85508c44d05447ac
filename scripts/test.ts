// npm test — builds the app for Workers and for Node, then runs every tier.
import { execFileSync } from 'node:child_process'
import { resolve } from 'node:path'
import { root } from './servers.ts'

const run = (command: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
  execFileSync(resolve(root, 'node_modules/.bin', command), args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })

run('nuxt', ['build'])
run('nuxt', ['build'], { NITRO_PRESET: 'node-server' })
try {
  run('vitest', ['run', ...process.argv.slice(2)])
}
catch {
  process.exit(1)
}
