// npm run bench — measures the production bundle in workerd against a real
// PostgreSQL, all in one run, and writes bench/RESULTS.md. Benchmarks measure;
// tests never time.
import { execFileSync } from 'node:child_process'
import { randomUUID, scrypt } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { applyMigrations } from '../scripts/migrate-engine.ts'
import { freePort, startEmbeddedPostgres } from '../scripts/postgres.ts'
import { root, startWorkerd } from '../scripts/servers.ts'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40)
const PASSWORD = 'benchmark password 1'

function quantile(values: number[], q: number) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
}

async function timed(run: () => Promise<Response>): Promise<number> {
  const start = performance.now()
  const response = await run()
  await response.arrayBuffer()
  const elapsed = performance.now() - start
  if (response.status >= 400) throw new Error(`unexpected ${response.status}`)
  return elapsed
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? files(path) : [path]
  })
}

function workerSize() {
  const all = files(resolve(root, 'dist/_worker.js'))
  const raw = all.reduce((sum, file) => sum + statSync(file).size, 0)
  const gzip = all.reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0)
  return { raw, gzip }
}

const json = (body: unknown, cookie?: string) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
  body: JSON.stringify(body),
})

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MiB`
const ms = (value: number) => `${value.toFixed(1)} ms`

if (!process.argv.includes('--no-build')) execFileSync(resolve(root, 'node_modules/.bin/nuxt'), ['build'], { cwd: root, stdio: 'inherit' })

const postgres = await startEmbeddedPostgres({ dir: mkdtempSync(join(tmpdir(), 'budgeting-bench-pg-')), port: await freePort(), persistent: false })
await applyMigrations(postgres.url)
const server = await startWorkerd({ databaseUrl: postgres.url, port: await freePort() })
const base = server.url

try {
  // Warm the isolate so that no sample pays the cold start.
  const warm = `warm-${randomUUID()}@example.com`
  await fetch(`${base}/api/auth/register`, json({ email: warm, password: PASSWORD }))

  const samples: Record<string, number[]> = { register: [], login: [], me: [], health: [] }
  const emails: string[] = []
  for (let i = 0; i < ROUNDS; i++) {
    const email = `bench-${randomUUID()}@example.com`
    emails.push(email)
    samples.register!.push(await timed(() => fetch(`${base}/api/auth/register`, json({ email, password: PASSWORD }))))
  }
  let cookie = ''
  for (const email of emails) {
    samples.login!.push(await timed(async () => {
      const response = await fetch(`${base}/api/auth/login`, json({ email, password: PASSWORD }))
      cookie = response.headers.getSetCookie()[0]!.split(';')[0]!
      return response
    }))
  }
  for (let i = 0; i < ROUNDS; i++) samples.me!.push(await timed(() => fetch(`${base}/api/auth/me`, { headers: { cookie } })))
  for (let i = 0; i < ROUNDS; i++) samples.health!.push(await timed(() => fetch(`${base}/api/health`)))

  // A month of 500 transactions over 10 categories, through the API.
  const month = await (await fetch(`${base}/api/months`, json({ year: 2026, month: 1, income: 500000 }, cookie))).json() as { id: string }
  const csv = ['date,description,amount,category', ...Array.from({ length: 500 }, (_, i) => `2026-01-${String(1 + (i % 31)).padStart(2, '0')},Purchase ${i},${(i % 90) + 1}.${String(i % 100).padStart(2, '0')},Category ${i % 10}`)].join('\n')
  const imported = await fetch(`${base}/api/months/${month.id}/transactions/import`, { method: 'POST', headers: { 'content-type': 'text/csv', cookie }, body: csv })
  if (imported.status !== 201) throw new Error(`import failed: ${imported.status}`)
  const queries: Record<string, string> = {}
  for (const [name, path] of [['month detail', `/api/months/${month.id}`], ['month summary', `/api/months/${month.id}/summary`]] as const) {
    samples[name] = []
    for (let i = 0; i < ROUNDS; i++) {
      samples[name]!.push(await timed(async () => {
        const response = await fetch(base + path, { headers: { cookie } })
        queries[name] = /db;desc="(\d+) queries"/.exec(response.headers.get('server-timing') ?? '')?.[1] ?? '?'
        return response
      }))
    }
  }

  // A yearly plan of 12 categories (144 entries) and 2 income sources.
  const plan = await (await fetch(`${base}/api/yearly`, json({ year: 2026 }, cookie))).json() as { id: string, sections: { id: string }[] }
  const entryIds: string[] = []
  for (let i = 0; i < 12; i++) {
    const category = await (await fetch(`${base}/api/yearly/categories`, json({ sectionId: plan.sections[i % 3]!.id, name: `Category ${i}`, amount: 1000 * i }, cookie))).json() as { entries: { id: string }[] }
    entryIds.push(...category.entries.map(entry => entry.id))
  }
  for (const name of ['Salary', 'Side income']) await fetch(`${base}/api/yearly/income-sources`, json({ planId: plan.id, name, amount: 250000 }, cookie))
  const bulkBody = (round: number) => ({ updates: entryIds.map((id, i) => ({ id, amount: round * 100 + i })) })
  for (const [name, run] of [
    ['plan detail', () => fetch(`${base}/api/yearly/${plan.id}`, { headers: { cookie } })],
    ['plan summary', () => fetch(`${base}/api/yearly/${plan.id}/summary`, { headers: { cookie } })],
    ['144-entry bulk', (round: number) => fetch(`${base}/api/yearly/category-entries/bulk`, json(bulkBody(round), cookie))],
  ] as const) {
    samples[name] = []
    for (let i = 0; i < ROUNDS; i++) {
      samples[name]!.push(await timed(async () => {
        const response = await run(i)
        queries[name] = /db;desc="(\d+) queries"/.exec(response.headers.get('server-timing') ?? '')?.[1] ?? '?'
        return response
      }))
    }
  }

  // The same scrypt parameters natively in Node, for comparison with workerd.
  const hashNode: number[] = []
  for (let i = 0; i < 20; i++) {
    const start = performance.now()
    await new Promise((resolve, reject) => scrypt(PASSWORD, randomUUID(), 64, { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }, (error, key) => error ? reject(error) : resolve(key)))
    hashNode.push(performance.now() - start)
  }

  const med = (name: string) => quantile(samples[name]!, 0.5)
  const size = workerSize()
  const rows = Object.entries(samples).map(([name, values]) => `| ${name} | ${ms(quantile(values, 0.5))} | ${ms(quantile(values, 0.9))} | ${values.length} | ${queries[name] ?? ''} |`)
  const report = `# Benchmark results

Run on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${mib(totalmem())} RAM,
Node ${process.version}; production bundle under \`wrangler pages dev\` (workerd), Hyperdrive's local
binding to an embedded PostgreSQL on the same machine. Sequential requests, warm isolate.
Command: \`npm run bench\` (${ROUNDS} rounds per route).

## Worker bundle

| | size |
|---|---|
| dist/_worker.js, raw | ${mib(size.raw)} |
| dist/_worker.js, gzip -9 (per file, summed) | ${mib(size.gzip)} |
| our budget | 3 MiB gzip |

## Round trips (ms)

| route | median | p90 | n | queries (Server-Timing) |
|---|---|---|---|---|
${rows.join('\n')}

- \`me\` and \`health\` run one query each and no hash: the cost of a database round trip here.
- \`month detail\` and \`month summary\`: a month of 500 transactions in 10 categories. The detail is
  one query for the session and one for the month with all its rows (relation joins); the summary
  is the session, the month with its categories, and two sums computed by PostgreSQL.
- \`plan detail\`, \`plan summary\`, \`144-entry bulk\`: a plan of 12 categories and 2 income sources. The bulk
  is one UPDATE … FROM unnest(ids, amounts) in a transaction, checked for ownership in the same statement.
- \`login\` verifies one scrypt hash; \`register\` makes one and checks the address first.
- Password-hash cost in workerd, estimated as median(login) − median(me):
  **${ms(med('login') - med('me'))}** (login runs three more queries than me, so this is an upper bound).
- The same scrypt (N=16384, r=8, p=1, 64-byte key) natively in Node on this machine:
  median **${ms(quantile(hashNode, 0.5))}** (n=${hashNode.length}).

Either figure is above the Workers Free plan's 10 ms CPU per request: sign-in and sign-up need the
Workers Paid plan (default CPU limit 30 s per request). No other request hashes.
`
  writeFileSync(resolve(root, 'bench/RESULTS.md'), report)
  console.log(report)
}
finally {
  await server.stop()
  await postgres.stop()
}
process.exit(0)
