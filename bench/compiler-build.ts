// npm run bench:compiler-build — the generator's compilerBuild "small" (ours)
// against "fast" in the production bundle: worker size, and in workerd the first
// database request of a fresh worker (it instantiates the query compiler) and
// the second, seven fresh workers each. Builds twice and leaves the small
// build in place; writes bench/COMPILER-BUILD.md.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { applyMigrations } from '../scripts/migrate-engine.ts'
import { freePort, startEmbeddedPostgres } from '../scripts/postgres.ts'
import { bin, root, startWorkerd } from '../scripts/servers.ts'
import { workerSize } from './load.ts'
import { generateClient } from './prisma-cost.ts'

const STARTS = 7
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

// The app's schema with another compilerBuild, generated to the app's own client.
function build(compilerBuild: 'small' | 'fast') {
  generateClient(`app-${compilerBuild}`, { compilerBuild })
  execFileSync(bin('nuxt'), ['build'], { cwd: root, stdio: 'ignore' })
}

async function firstRequests(databaseUrl: string) {
  const first: number[] = []
  const second: number[] = []
  for (let i = 0; i < STARTS; i++) {
    // Up once /api/auth/me answers 401 (no database): the isolate is loaded, no client made yet.
    const server = await startWorkerd({ databaseUrl, port: await freePort() })
    try {
      for (const samples of [first, second]) {
        const start = performance.now()
        const response = await fetch(`${server.url}/api/health`)
        await response.arrayBuffer()
        if (response.status !== 200) throw new Error(`health answered ${response.status}`)
        samples.push(performance.now() - start)
      }
    }
    finally {
      await server.stop()
    }
  }
  return { first, second }
}

const postgres = await startEmbeddedPostgres({ dir: mkdtempSync(join(tmpdir(), 'budgeting-bench-pg-')), port: await freePort(), persistent: false })
const rows: string[] = []
try {
  await applyMigrations(postgres.url)
  for (const compilerBuild of ['small', 'fast'] as const) {
    build(compilerBuild)
    const size = workerSize()
    const { first, second } = await firstRequests(postgres.url)
    rows.push(`| ${compilerBuild} | ${(size.gzip / 1024 / 1024).toFixed(2)} MiB | ${median(first).toFixed(1)} ms (${first.map(ms => ms.toFixed(0)).join(', ')}) | ${median(second).toFixed(1)} ms |`)
  }
}
finally {
  await postgres.stop()
  execFileSync(bin('prisma'), ['generate'], { cwd: root, stdio: 'ignore' })
  execFileSync(bin('nuxt'), ['build'], { cwd: root, stdio: 'ignore' })
}

const report = `# compilerBuild: small vs fast

Run on ${new Date().toISOString().slice(0, 10)} with \`npm run bench:compiler-build\`: the production bundle built with each
compilerBuild, ${STARTS} fresh workers each under \`wrangler pages dev\` (workerd), Hyperdrive's local binding to an
embedded PostgreSQL. \`GET /api/health\` runs one raw query, so no query is compiled: the first request
of a worker pays for instantiating the query compiler and its first connection.

| compilerBuild | worker, gzip -9 | first database request (median, each start) | second |
|---|---|---|---|
${rows.join('\n')}

How fast each build compiles a query, in isolation, is in bench/RESULTS.md ("A fresh Prisma
client's own cost"). With plans cached per isolate (server/utils/query-plans.ts) a query shape is
compiled once per isolate, so compile speed only matters for an isolate's first requests.
`
writeFileSync(resolve(root, 'bench/COMPILER-BUILD.md'), report)
console.log(report)
process.exit(0)
