// npm run bench — measures the production bundle in workerd against a real
// PostgreSQL, all in one run, and writes bench/RESULTS.md. Benchmarks measure;
// tests never time.
import { execFileSync } from 'node:child_process'
import { randomUUID, scrypt } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { applyMigrations } from '../scripts/migrate-engine.ts'
import { freePort, startEmbeddedPostgres } from '../scripts/postgres.ts'
import { bin, root, startWorkerd } from '../scripts/servers.ts'
import { groupCpuMs, load, monthThroughApi, peakConnections, seedRealistic, seedRollover, startBaseline, workerSize, type LoadResult } from './load.ts'
import { importCost, ofxStatement } from './imports.ts'
import { compilerSizes, prismaCost } from './prisma-cost.ts'
import { sessionCost } from './sessions.ts'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40)
// Of the round-trip month's 500 transactions, how many are split into three.
const SPLIT = 100
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

const json = (body: unknown, cookie?: string) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
  body: JSON.stringify(body),
})

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MiB`
const ms = (value: number) => `${value.toFixed(1)} ms`

if (!process.argv.includes('--no-build')) execFileSync(bin('nuxt'), ['build'], { cwd: root, stdio: 'inherit' })

const postgres = await startEmbeddedPostgres({ dir: mkdtempSync(join(tmpdir(), 'budgeting-bench-pg-')), port: await freePort(), persistent: false })
await applyMigrations(postgres.url)
const server = await startWorkerd({ databaseUrl: postgres.url, port: await freePort() })
const base = server.url

try {
  // The first request pays the isolate's cold start (module load, Wasm compile); warm it up after.
  const coldStart = performance.now()
  await (await fetch(`${base}/api/health`)).arrayBuffer()
  const coldMs = performance.now() - coldStart
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

  const month = await monthThroughApi(base, cookie, SPLIT)
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

  // Load: realistic data for one budget, eight routes at concurrency 1 and 32.
  const SECONDS = Number(process.env.BENCH_SECONDS ?? 6)
  const MIXED_SECONDS = Number(process.env.BENCH_MIXED_SECONDS ?? 60)
  const loadEmail = `load-${randomUUID()}@example.com`
  const loadUser = await (await fetch(`${base}/api/auth/register`, json({ email: loadEmail, password: PASSWORD }))).json() as { user: { id: string } }
  const loadCookie = (await fetch(`${base}/api/auth/login`, json({ email: loadEmail, password: PASSWORD }))).headers.getSetCookie()[0]!.split(';')[0]!
  const data = await seedRealistic(postgres.url, loadUser.user.id)
  const day = `${data.month.year}-${String(data.month.month).padStart(2, '0')}-15`
  const get = (path: string, cookie = loadCookie) => () => fetch(base + path, { headers: { cookie } })
  // A second member, a viewer of the same budget: the role check rides on the session's query.
  const viewerEmail = `viewer-${randomUUID()}@example.com`
  const viewerCookie = (await fetch(`${base}/api/auth/register`, json({ email: viewerEmail, password: PASSWORD }))).headers.getSetCookie()[0]!.split(';')[0]!
  const { token } = await (await fetch(`${base}/api/budgets/${data.budgetId}/invites`, json({ role: 'viewer' }, loadCookie))).json() as { token: string }
  if ((await fetch(`${base}/api/invites/accept`, json({ token }, viewerCookie))).status !== 200) throw new Error('the viewer could not join')
  const routes: [string, (i: number) => Promise<Response>][] = [
    ['month detail', get(`/api/months/${data.month.id}`)],
    ['month summary', get(`/api/months/${data.month.id}/summary`)],
    ['month summary (viewer)', get(`/api/months/${data.month.id}/summary`, viewerCookie)],
    ['budget list', get('/api/budgets')],
    ['transaction create', () => fetch(`${base}/api/transactions`, json({ monthId: data.month.id, date: day, amount: 1234, description: 'Load test' }, loadCookie))],
    ['plan detail', get(`/api/yearly/${data.planId}`)],
    ['plan summary', get(`/api/yearly/${data.planId}/summary`)],
    ['144-entry bulk', i => fetch(`${base}/api/yearly/category-entries/bulk`, json({ updates: data.entryIds.map((id, k) => ({ id, amount: (i % 50) * 100 + k })) }, loadCookie))],
  ]
  // The raw-pg baseline for the month summary, in the same run and through the same binding,
  // before any route writes: app and baseline take turns on the same data, three rounds.
  const baseline = await startBaseline(postgres.url)
  const baselineRun = () => fetch(`${baseline.url}/summary?month=${data.month.id}&session=${data.sessionId}`)
  const appSummaryRun = get(`/api/months/${data.month.id}/summary`)
  const sameAnswer = JSON.stringify(await (await appSummaryRun()).json()) === JSON.stringify(await (await baselineRun()).json())
  const COMPARE_ROUNDS = 3
  const ratios: Record<number, number[]> = { 1: [], 32: [] }
  const compareRows: string[] = []
  for (let round = 1; round <= COMPARE_ROUNDS; round++) {
    for (const concurrency of [1, 32]) {
      const app = await load(appSummaryRun, concurrency, SECONDS)
      const raw = await load(baselineRun, concurrency, SECONDS)
      ratios[concurrency]!.push(app.p50 / raw.p50)
      compareRows.push(`| ${round} | ${concurrency} | ${ms(app.p50)} | ${ms(raw.p50)} | ${(app.p50 / raw.p50).toFixed(2)}× | ${app.errors + raw.errors} / ${app.n + raw.n} |`)
    }
  }
  const ratio = (concurrency: number) => `**${quantile(ratios[concurrency]!, 0.5).toFixed(2)}×** (rounds: ${ratios[concurrency]!.map(r => r.toFixed(2)).join(', ')})`

  const loadRows: string[] = []
  const results: Record<string, Record<number, LoadResult>> = {}
  for (const [name, run] of routes) {
    results[name] = {}
    for (const concurrency of [1, 32]) {
      const r = await load(run, concurrency, SECONDS)
      results[name]![concurrency] = r
      loadRows.push(`| ${name} | ${concurrency} | ${ms(r.p50)} | ${ms(r.p99)} | ${r.rps.toFixed(0)} | ${r.errors} / ${r.n} |`)
    }
  }

  // CPU per request: all of each server's processes (workerd included), 200 sequential requests.
  const cpuPer = async (server: typeof baseline, run: () => Promise<Response>) => {
    const before = groupCpuMs(server)
    for (let i = 0; i < 200; i++) await (await run()).arrayBuffer()
    const after = groupCpuMs(server)
    return { all: (after.all - before.all) / 200, workerd: (after.workerd - before.workerd) / 200 }
  }
  const appCpu = await cpuPer(server, appSummaryRun)
  const baselineCpu = await cpuPer(baseline, baselineRun)

  // Rollover: the same month (30 categories, all rolling over, 300 transactions) with 24 months
  // of history before it and with none; the two take turns, three rounds.
  const newBudget = async (name: string) => (await (await fetch(`${base}/api/budgets`, json({ name }, loadCookie))).json() as { id: string }).id
  const rolled = await seedRollover(postgres.url, { history: await newBudget('With history'), fresh: await newBudget('No history') })
  const rolloverRuns = { history: get(`/api/months/${rolled.history}/summary`), fresh: get(`/api/months/${rolled.fresh}/summary`) }
  const rolloverCheck = await Promise.all(Object.values(rolloverRuns).map(async (run) => {
    const response = await run()
    return { queries: /db;desc="(\d+) queries"/.exec(response.headers.get('server-timing') ?? '')?.[1] ?? '?', carriedIn: (await response.json() as { carriedIn: number }).carriedIn }
  }))
  // The baseline's own rollover SQL answers the month with history exactly as the app does.
  const sameRolloverAnswer = JSON.stringify(await (await rolloverRuns.history()).json()) === JSON.stringify(await (await fetch(`${baseline.url}/summary?month=${rolled.history}&session=${data.sessionId}`)).json())
  await baseline.stop()
  const rolloverRatios: Record<number, number[]> = { 1: [], 32: [] }
  const rolloverRows: string[] = []
  for (let round = 1; round <= COMPARE_ROUNDS; round++) {
    for (const concurrency of [1, 32]) {
      const history = await load(rolloverRuns.history, concurrency, SECONDS)
      const fresh = await load(rolloverRuns.fresh, concurrency, SECONDS)
      rolloverRatios[concurrency]!.push(history.p50 / fresh.p50)
      rolloverRows.push(`| ${round} | ${concurrency} | ${ms(history.p50)} | ${ms(fresh.p50)} | ${(history.p50 / fresh.p50).toFixed(2)}× | ${history.errors + fresh.errors} / ${history.n + fresh.n} |`)
    }
  }
  const rolloverRatio = (concurrency: number) => `**${quantile(rolloverRatios[concurrency]!, 0.5).toFixed(2)}×** (rounds: ${rolloverRatios[concurrency]!.map(r => r.toFixed(2)).join(', ')})`

  // Statement import: a 5,000-line OFX file into months of the load user's budget (2027 on, none
  // seeded), each with five categories and the budget with twenty rules.
  const importMonth = async (n: number) => {
    const created = await (await fetch(`${base}/api/months`, json({ budgetId: data.budgetId, year: 2027 + Math.floor(n / 12), month: 1 + (n % 12) }, loadCookie))).json() as { id: string, year: number, month: number }
    for (const name of ['Groceries', 'Utilities', 'Dining', 'Income', 'Books']) await fetch(`${base}/api/categories`, json({ monthId: created.id, name, budgeted: 50000 }, loadCookie))
    return created
  }
  for (let i = 0; i < 20; i++) await fetch(`${base}/api/budgets/${data.budgetId}/rules`, json({ match: i % 2 ? 'contains' : 'startsWith', text: ['corner', 'power', 'cafe', 'payroll', 'books'][i % 5] + (i < 5 ? '' : ` #${i}`), categoryName: ['Groceries', 'Utilities', 'Dining', 'Income', 'Books'][i % 5] }, loadCookie))
  const IMPORT_RUNS = 5
  const importMonths = await Promise.all(Array.from({ length: IMPORT_RUNS }, (_, n) => importMonth(n)))
  const statementOf = (n: number, prefix: string) => ofxStatement(importMonths[n]!, prefix)
  const sendStatement = (monthId: string, file: string, query = '') => fetch(`${base}/api/months/${monthId}/import${query}`, { method: 'POST', headers: { 'content-type': 'application/x-ofx', 'cookie': loadCookie }, body: file })
  const previewFile = statementOf(0, 'P')
  const importPreview = await importCost(server, IMPORT_RUNS, () => sendStatement(importMonths[0]!.id, previewFile, '?preview=true'), previewFile.length)
  const importFiles = importMonths.map((_, n) => statementOf(n, `I${n}-`))
  const importWrite = await importCost(server, IMPORT_RUNS, n => sendStatement(importMonths[n]!.id, importFiles[n]!), importFiles[0]!.length)
  const importAgain = await importCost(server, IMPORT_RUNS, () => sendStatement(importMonths[0]!.id, importFiles[0]!), importFiles[0]!.length)

  // 60 s of every route mixed at concurrency 32, watching PostgreSQL's connections.
  const mixed = await peakConnections(postgres.url, () => load(i => routes[i % routes.length]![1](i), 32, MIXED_SECONDS))

  // Sessions decided on the primary: a GET served by a real streaming replica vs by the primary alone.
  const sessionRows = await sessionCost(SECONDS)
  const sessionTable = sessionRows.map(row => `| ${row.reads === 'replica' ? 'session on the primary, month from the replica' : 'all on the primary (read-your-writes)'} | ${row.concurrency} | ${ms(row.result.p50)} | ${ms(row.result.p99)} | ${row.result.errors} / ${row.result.n} | ${row.connectionsPerGet.primary.toFixed(2)} + ${row.connectionsPerGet.replica.toFixed(2)} |`)
  const sessionP50 = (reads: string, concurrency: number) => quantile(sessionRows.filter(row => row.reads === reads && row.concurrency === concurrency).map(row => row.result.p50), 0.5)
  const sessionRatio = (concurrency: number) => `${ms(sessionP50('replica', concurrency))} vs ${ms(sessionP50('primary', concurrency))} (${(sessionP50('replica', concurrency) / sessionP50('primary', concurrency)).toFixed(2)}×)`

  // A fresh PrismaClient's own cost, stock, with shared plans, and with plans and schema shared; small and fast compiler builds.
  const cost = prismaCost({ databaseUrl: postgres.url, sessionId: data.sessionId, monthId: data.month.id })
  const sizes = compilerSizes()
  const stockOf = (build: string) => cost.find(row => row.build === build && row.mode === 'stock')!
  const modeNames = { stock: 'stock: compiler and schema per client', plans: 'shared compiler and plans', shared: 'shared compiler, plans and decoded schema (ours)' }
  const costRows = cost.map(row => `| ${row.build} | ${modeNames[row.mode]} | ${row.client.toFixed(2)} ms | ${row.request.toFixed(2)} ms | ${row.mode === 'stock' ? `${row.compile!.toFixed(2)} ms` : '0 (cached)'} |`)
  const costOf = (mode: string) => cost.find(row => row.build === 'small' && row.mode === mode)!

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
- \`month detail\` and \`month summary\`: a month of 500 transactions in 10 categories, ${SPLIT} of them split
  into 3 parts (made through the API). Each is one query for the session and one statement for the
  month: the detail with all its rows and their parts (relation joins), the summary with its
  categories and the sums computed by PostgreSQL (one SELECT).
- \`plan detail\`, \`plan summary\`, \`144-entry bulk\`: a plan of 12 categories and 2 income sources. The bulk
  is one UPDATE … FROM unnest(ids, amounts) in a transaction, checked for ownership in the same statement.
- \`login\` verifies one scrypt hash; \`register\` makes one and checks the address first.
- Password-hash cost in workerd, estimated as median(login) − median(me):
  **${ms(med('login') - med('me'))}** (login runs three more queries than me, so this is an upper bound).
- The same scrypt (N=16384, r=8, p=1, 64-byte key) natively in Node on this machine:
  median **${ms(quantile(hashNode, 0.5))}** (n=${hashNode.length}).

Either figure is above the Workers Free plan's 10 ms CPU per request: sign-in and sign-up need the
Workers Paid plan (default CPU limit 30 s per request). No other request hashes.

## Under load (realistic data)

One budget with 24 months × 30 categories × 300 transactions (+5 fixed payments a month) and two
yearly plans of 30 categories, its owner and a viewer (\`month summary (viewer)\`). Each route for ${SECONDS} s at concurrency 1 and 32, sequential runs,
Node's fetch as the client on the same 2 cores as workerd and PostgreSQL.

| route | concurrency | p50 | p99 | requests/s | errors / requests |
|---|---|---|---|---|---|
${loadRows.join('\n')}

### Month summary: app vs the raw-pg baseline

Same run, same Hyperdrive binding, same data (measured before the route runs above, which add
transactions), same answer: ${sameAnswer ? 'yes' : 'NO'}. App and baseline take turns, ${SECONDS} s each, ${COMPARE_ROUNDS} rounds.

| round | concurrency | app p50 | baseline p50 | app / baseline | errors / requests |
|---|---|---|---|---|---|
${compareRows.join('\n')}

- **p50 ratio app/baseline**, median of the rounds: ${ratio(1)} at concurrency 1,
  ${ratio(32)} at 32 (target ≤ 1.15×). The baseline runs one
  statement (the session and the caller's membership of the month's budget joined into the summary
  SQL); the app runs two through a per-request Prisma client (the session with the caller's budgets
  and roles, then the summary's one SELECT among those budgets) and unseals the session cookie.
- Where the difference goes: at concurrency 32 the 2 cores are the bottleneck, so the ratio there
  follows CPU (next bullet). What the app spends on top of the baseline is its per-request
  PrismaClient running two queries (about ${(costOf('shared').request - stockOf('small').rawRequest!).toFixed(1)} ms more than raw \`pg\` in Node, last section), the
  separate session query and unsealing the session cookie.
- **CPU per request** (utime+stime from /proc, 200 sequential month summaries): workerd's processes
  app ${appCpu.workerd.toFixed(1)} ms, baseline ${baselineCpu.workerd.toFixed(1)} ms; every process of the server (wrangler's Node and
  esbuild processes too) app ${appCpu.all.toFixed(1)} ms, baseline ${baselineCpu.all.toFixed(1)} ms. workerd here includes wrangler's
  proxy worker, so both are upper bounds of what Workers would bill.

### Rollover: a month with 24 months of history vs none

The same month in two more budgets of the load user (30 categories, every one rolling over, 300
transactions, 5 fixed payments): one with the 24 months before it (same content each), one with no
other month. Its summary carries in ${rolloverCheck[0]!.carriedIn} and ${rolloverCheck[1]!.carriedIn} minor units; queries per
request ${rolloverCheck[0]!.queries} and ${rolloverCheck[1]!.queries}. The raw-pg baseline's own rollover SQL (a recursive walk back
through the months, written apart from the app's window functions) gives the same answer for the
month with history: ${sameRolloverAnswer ? 'yes' : 'NO'}. The two take turns, ${SECONDS} s each, ${COMPARE_ROUNDS} rounds.

| round | concurrency | with history p50 | no history p50 | ratio | errors / requests |
|---|---|---|---|---|---|
${rolloverRows.join('\n')}

- **p50 ratio with history / without**, median of the rounds: ${rolloverRatio(1)} at concurrency 1,
  ${rolloverRatio(32)} at 32 (target ≤ 1.2×). The chain is one statement (window functions over
  the budget's rolling categories, server/domain/months.ts); an earlier month's spending is the sum
  each category keeps (its \`spent\`, kept by triggers), so none of its transactions is read. The
  baseline sums the transactions: its equal answer checks those sums too.

### Statement import: a 5,000-line OFX file

An OFX 1.x statement of ${importPreview.lines.toLocaleString('en-US')} lines (${mib(importPreview.bytes)}), into a month with five categories, the budget
with twenty rules; ${IMPORT_RUNS} requests each, one after another. CPU is workerd's processes' utime+stime from /proc
per request (wrangler's proxy worker included: an upper bound).

| request | wall p50 | CPU per request | queries | imported |
|---|---|---|---|---|
| preview (nothing written) | ${ms(importPreview.wall)} | ${ms(importPreview.cpu)} | ${importPreview.queries} | ${importPreview.imported} |
| import, all 5,000 new (each into another month) | ${ms(importWrite.wall)} | ${ms(importWrite.cpu)} | ${importWrite.queries} | ${importWrite.imported} |
| the same file again (all duplicates) | ${ms(importAgain.wall)} | ${ms(importAgain.cpu)} | ${importAgain.queries} | ${importAgain.imported} |

- Target: under 1 s of CPU for 5,000 lines. The queries are the same whatever the number of lines
  (\`tests/api/imports.test.ts\` compares 3 and 300): the session, the month, its rules and categories,
  then two duplicate lookups (bank ids; amounts near the month's dates) and, when importing, the
  budget's import lock and one INSERT, inside a transaction.
- The worker bundle grew with the statement readers and fast-xml-parser: ${mib(size.gzip)} gzip now, 1.26 MiB before
  them (bench/RESULTS.md at 120471d).

### Mixed load, connections, cold start

- **Mixed load, concurrency 32 for ${MIXED_SECONDS} s**: ${mixed.result.n} requests, ${mixed.result.errors} errors,
  p50 ${ms(mixed.result.p50)}, p99 ${ms(mixed.result.p99)}, ${mixed.result.rps.toFixed(0)} requests/s.
  Peak PostgreSQL connections ${mixed.peak} (target ≤ 34), ${mixed.after} left afterwards.
- **Cold start**: the first request after the worker started took ${ms(coldMs)} (module load and the
  query compiler's Wasm; warm \`health\` median ${ms(med('health'))}).

## Sessions on the primary, with a read replica

A session that has ended must be refused on the next request, however far the replica lags, so
\`requireUser\` looks the session up on the primary, also on a GET whose data the replica serves.
A real streaming replica (Debian's PostgreSQL 15, \`pg_basebackup -R\`) behind \`DATABASE_READ_URL\`,
the same worker and data (a month of 500 transactions): the month summary read from the replica (the
session from the primary), and in turns the same GET with the read-your-writes cookie, which sends all
of it to the primary. ${SECONDS} s each, 3 rounds; connections counted by PostgreSQL
(\`pg_stat_database.sessions\` on each server) per request.

| GET month summary | concurrency | p50 | p99 | errors / requests | connections per GET: primary + replica |
|---|---|---|---|---|---|
${sessionTable.join('\n')}

- p50, median of the rounds, replica-served vs all on the primary: ${sessionRatio(1)} at concurrency 1,
  ${sessionRatio(32)} at 32.
- Where the time goes: the second connection. The replica is reached directly here
  (\`DATABASE_READ_URL\`, no Hyperdrive in between), so every such GET starts a new PostgreSQL backend
  on the replica, on the same 2 cores as everything else. In production both servers sit behind
  Hyperdrive bindings whose pools keep the database connections open: a request's second connection
  is one to Hyperdrive, not a new backend, so this overstates the cost there. Starting the replica's
  connection while the session query runs on the primary was tried and gained nothing measurable
  here (the cost is CPU, not waiting), so it was left out.
- Without a replica configured (the default) nothing changes: every query of a request already
  went to the primary on one connection.

## A fresh Prisma client's own cost (Node, in isolation)

Our rule gives every request its own PrismaClient (server/utils/db.ts). Stock Prisma builds a query
compiler per client (parsing the whole schema in Wasm), caches compiled plans per client, and decodes
the parameterization schema (the ~33 KB graph that turns a query's values into placeholders) into
thousands of objects per client, so every request would pay all three. server/utils/query-plans.ts
shares one compiler and a bounded cache of its plans across the isolate's clients, and
scripts/patch-prisma.ts (run at install) makes Prisma keep a decoded schema on its schema object, of
which the isolate has one: computation and plain data, no socket, pool or client is shared.
CPU per call, median of 5 blocks of 100 (\`bench/prisma-cost.ts\`, one process per build × mode,
Node ${process.version} against the same PostgreSQL; "stock" and "shared compiler and plans" hand each
client a fresh copy of the schema object, so it is decoded again as stock Prisma does):

| compilerBuild | clients | new client + \`$connect\` + \`$disconnect\` | request: new client, session + month query | compiling one query |
|---|---|---|---|---|
${costRows.join('\n')}
| | raw \`pg\`, same two queries (hand-written SQL) | | ${stockOf('small').rawRequest!.toFixed(2)} ms | |

- Sharing cuts a request's Prisma CPU from ${stockOf('small').request.toFixed(2)} ms (stock) to ${costOf('plans').request.toFixed(2)} ms (plans shared) and
  ${costOf('shared').request.toFixed(2)} ms (plans and schema shared; small build). A new client alone: ${stockOf('small').client.toFixed(2)} → ${costOf('plans').client.toFixed(2)} →
  ${costOf('shared').client.toFixed(2)} ms. Decoding the schema was nearly all of a client's setup, most of it garbage collection.
- Query compiler Wasm: small ${mib(sizes[0]!.raw)} (${mib(sizes[0]!.gzip)} gzip), fast ${mib(sizes[1]!.raw)} (${mib(sizes[1]!.gzip)} gzip).
  With plans cached per isolate a query shape is compiled once per isolate, so "fast" would only
  speed up an isolate's first requests and costs ${mib(sizes[1]!.gzip - sizes[0]!.gzip)} more gzip per cold start: we keep "small"
  (the whole worker with each, and a fresh worker's first requests: bench/COMPILER-BUILD.md).
- Not done: one PrismaClient per isolate with each request's connection behind it. Prisma batches
  the findUnique calls made in one tick into one query, so across requests one request's query
  would run on another's connection (primary or replica, and ended with that request). The client
  stays per request.
`
  writeFileSync(resolve(root, 'bench/RESULTS.md'), report)
  console.log(report)
}
finally {
  await server.stop()
  await postgres.stop()
}
process.exit(0)
