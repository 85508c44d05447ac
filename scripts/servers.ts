// Starting the app's servers for preview, tests and benchmarks. Each runs in its
// own process group, so that stopping it also ends workerd and other children.
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { userInfo } from 'node:os'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'

export const root = resolve(import.meta.dirname, '..')
export const bin = (name: string) => resolve(root, 'node_modules/.bin', name)

export interface RunningServer {
  url: string
  pid: number
  output: () => string
  stop: () => Promise<void>
}

// A stable session-sealing secret for local runs (production sets a secret).
export function localSessionPassword(): string {
  if (process.env.NUXT_SESSION_PASSWORD) return process.env.NUXT_SESSION_PASSWORD
  const file = resolve(root, '.data/session-password')
  if (!existsSync(file)) {
    mkdirSync(resolve(root, '.data'), { recursive: true })
    writeFileSync(file, randomBytes(32).toString('hex'))
  }
  return readFileSync(file, 'utf8').trim()
}

export function startProcess(command: string, args: string[], env: NodeJS.ProcessEnv, url: string, stdio: 'pipe' | 'inherit'): RunningServer & { child: ChildProcess } {
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', stdio, stdio] })
  let log = ''
  child.stdout?.on('data', (chunk) => {
    log += chunk
  })
  child.stderr?.on('data', (chunk) => {
    log += chunk
  })
  const exited = new Promise<void>(resolve => child.once('exit', () => resolve()))
  return {
    child,
    url,
    pid: child.pid!,
    output: () => log,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      try {
        process.kill(-child.pid!, 'SIGTERM')
      }
      catch {
        return
      }
      const killer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL')
        }
        catch { /* already gone */ }
      }, 5000)
      await exited
      clearTimeout(killer)
      // workerd can outlive wrangler's own shutdown: end whatever is left of the group.
      try {
        process.kill(-child.pid!, 'SIGKILL')
      }
      catch { /* nothing left */ }
    },
  }
}

// Up when the app answers a request that needs no database (401 from /api/auth/me).
async function waitUntilUp(server: RunningServer & { child: ChildProcess }, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`Server exited early:\n${server.output()}`)
    try {
      const response = await fetch(`${server.url}/api/auth/me`)
      if (response.status === 401) return
    }
    catch { /* not listening yet */ }
    await new Promise(resolve => setTimeout(resolve, 250))
  }
  await server.stop()
  throw new Error(`Server did not come up within ${timeoutMs} ms:\n${server.output()}`)
}

// Wrangler refuses a local Hyperdrive connection string without a password
// (and stops with a stack dump), while a local server with `trust`
// authentication is usually reached without one: give it a placeholder, which
// such a server ignores.
export function withPassword(databaseUrl: string): string {
  const url = new URL(databaseUrl)
  if (url.password) return databaseUrl
  // libpq's own default user: the operating system's.
  if (!url.username) url.username = userInfo().username
  url.password = 'unused-placeholder'
  return url.toString()
}

// The production bundle (dist/) in workerd, HYPERDRIVE pointing at databaseUrl.
export async function startWorkerd(options: { databaseUrl: string, port: number, stdio?: 'pipe' | 'inherit', bindings?: Record<string, string> }): Promise<RunningServer> {
  if (!existsSync(resolve(root, 'dist/_worker.js'))) throw new Error('No build in dist/: run `npm run build` first.')
  const server = startProcess(bin('wrangler'), [
    'pages', 'dev', 'dist',
    '--port', String(options.port),
    '--ip', '127.0.0.1',
    '--binding', `NUXT_SESSION_PASSWORD=${localSessionPassword()}`,
    ...Object.entries(options.bindings ?? {}).flatMap(([name, value]) => ['--binding', `${name}=${value}`]),
    '--log-level', 'warn',
    '--show-interactive-dev-session=false',
  ], {
    CLOUDFLARE_HYPERDRIVE_LOCAL_CONNECTION_STRING_HYPERDRIVE: withPassword(options.databaseUrl),
    WRANGLER_SEND_METRICS: 'false',
  }, `http://127.0.0.1:${options.port}`, options.stdio ?? 'pipe')
  await waitUntilUp(server, 60_000)
  return server
}

// The same app built for Node (npm run build:node, .output/), on DATABASE_URL.
export async function startNodeServer(options: { databaseUrl: string, port: number }): Promise<RunningServer> {
  if (!existsSync(resolve(root, '.output/server/index.mjs'))) throw new Error('No Node build in .output/: run `npm run build:node` first.')
  const server = startProcess(process.execPath, ['.output/server/index.mjs'], {
    DATABASE_URL: options.databaseUrl,
    NUXT_SESSION_PASSWORD: localSessionPassword(),
    PORT: String(options.port),
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
  }, `http://127.0.0.1:${options.port}`, 'pipe')
  await waitUntilUp(server, 30_000)
  return server
}
