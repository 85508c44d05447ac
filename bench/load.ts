// The load part of npm run bench: realistic data, six routes at concurrency 1
// and 32, a 60 s mixed run at 32, the raw-pg baseline, CPU per request and
// peak PostgreSQL connections, the worker's size. Measures only; asserts nothing.
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import pg from 'pg'
import { freePort } from '../scripts/postgres.ts'
import { bin, root, startProcess, type RunningServer } from '../scripts/servers.ts'

export interface LoadResult { p50: number, p99: number, rps: number, errors: number, n: number }

export const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))] ?? Number.NaN

export async function load(run: (i: number) => Promise<Response>, concurrency: number, seconds: number): Promise<LoadResult> {
  const latencies: number[] = []
  let errors = 0
  let counter = 0
  const end = Date.now() + seconds * 1000
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (Date.now() < end) {
      const start = performance.now()
      try {
        const response = await run(counter++)
        await response.arrayBuffer()
        if (response.status >= 400) errors++
      }
      catch {
        errors++
      }
      latencies.push(performance.now() - start)
    }
  }))
  return { p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), rps: latencies.length / seconds, errors, n: latencies.length }
}

// Peak number of connections to the database while `work` runs.
export async function peakConnections<T>(databaseUrl: string, work: () => Promise<T>): Promise<{ result: T, peak: number, after: number }> {
  const database = new URL(databaseUrl).pathname.slice(1)
  const watcher = new pg.Client({ connectionString: databaseUrl })
  await watcher.connect()
  const count = async () => (await watcher.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database])).rows[0]!.n
  let peak = 0
  let watching = true
  const polling = (async () => {
    while (watching) {
      peak = Math.max(peak, await count())
      await new Promise(r => setTimeout(r, 50))
    }
  })()
  const result = await work()
  watching = false
  await polling
  let after = await count()
  for (let i = 0; i < 40 && after > 0; i++) {
    await new Promise(r => setTimeout(r, 100))
    after = await count()
  }
  await watcher.end()
  return { result, peak, after }
}

// CPU milliseconds used so far by a server's processes, from /proc: all of them
// (wrangler's Node and esbuild processes included) and workerd's alone.
export function groupCpuMs(server: RunningServer): { all: number, workerd: number } {
  const processes = execFileSync('ps', ['-o', 'pid=,comm=', '-g', String(server.pid)]).toString().trim().split('\n').map(line => line.trim().split(/\s+/))
  const used = { all: 0, workerd: 0 }
  for (const [pid, command] of processes) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
      const ms = (Number(fields[11]) + Number(fields[12])) * 10
      used.all += ms
      if (command === 'workerd') used.workerd += ms
    }
    catch { /* exited */ }
  }
  return used
}

// A month of 500 transactions in 10 categories, made through the API (January
// 2026); `split`
// of them then split into three parts each (two categories and none).
export async function monthThroughApi(baseUrl: string, cookie: string, split = 0): Promise<{ id: string }> {
  const send = (method: string, path: string, body: string, type = 'application/json') => fetch(baseUrl + path, { method, headers: { 'content-type': type, cookie }, body })
  const month = await (await send('POST', '/api/months', JSON.stringify({ year: 2026, month: 1, income: 500000 }))).json() as { id: string }
  const csv = ['date,description,amount,category', ...Array.from({ length: 500 }, (_, i) => `2026-01-${String(1 + (i % 31)).padStart(2, '0')},Purchase ${i},${(i % 90) + 1}.${String(i % 100).padStart(2, '0')},Category ${i % 10}`)].join('\n')
  const imported = await send('POST', `/api/months/${month.id}/transactions/import`, csv, 'text/csv')
  if (imported.status !== 201) throw new Error(`import failed: ${imported.status}`)
  const detail = await (await fetch(`${baseUrl}/api/months/${month.id}`, { headers: { cookie } })).json() as { categories: { id: string }[], transactions: { id: string, amount: number }[] }
  for (const [i, transaction] of detail.transactions.slice(0, split).entries()) {
    const [a, b] = [detail.categories[i % 10]!.id, detail.categories[(i + 1) % 10]!.id]
    const third = Math.floor(transaction.amount / 3)
    const splits = [{ amount: third, categoryId: a }, { amount: third, categoryId: b, note: 'shared' }, { amount: transaction.amount - 2 * third }]
    const answer = await send('PATCH', `/api/transactions/${transaction.id}`, JSON.stringify({ categoryId: null, splits }))
    if (answer.status !== 200) throw new Error(`split failed: ${answer.status} ${await answer.text()}`)
  }
  return month
}

// `count` consecutive months from January 2024 + `from` months, each of 30
// categories and 300 transactions (+ 5 fixed payments); the same content in
// every month and every budget. Set-based SQL.
export async function seedMonths(db: pg.Client, budgetId: string, { from = 0, count, rollover = false }: { from?: number, count: number, rollover?: boolean }) {
  await db.query(`INSERT INTO "Month" ("budgetId", year, month, income) SELECT $1, 2024 + g / 12, g % 12 + 1, 500000 FROM generate_series($2::int, $2::int + $3::int - 1) g`, [budgetId, from, count])
  await db.query(`INSERT INTO "Category" ("monthId", name, budgeted, rollover, "sortOrder") SELECT m.id, 'Category ' || c, 10000 + c * 100, $2, c FROM "Month" m, generate_series(0, 29) c WHERE m."budgetId" = $1`, [budgetId, rollover])
  await db.query(`INSERT INTO "Transaction" ("monthId", "categoryId", date, description, amount)
    SELECT m.id, c.id, make_date(m.year, m.month, 1 + t % 28), 'Purchase ' || t, 100 + t
    FROM "Month" m CROSS JOIN generate_series(1, 300) t JOIN "Category" c ON c."monthId" = m.id AND c."sortOrder" = t % 30
    WHERE m."budgetId" = $1`, [budgetId])
  await db.query(`INSERT INTO "FixedPayment" ("monthId", name, amount, "dueDay", paid) SELECT m.id, 'Bill ' || f, 5000 * f, f * 5, f % 2 = 0 FROM "Month" m, generate_series(1, 5) f WHERE m."budgetId" = $1`, [budgetId])
  // Statistics for the new rows, as autovacuum takes them soon after a bulk load:
  // measuring before that would time plans made for empty tables.
  await db.query('ANALYZE "Month", "Category", "Transaction", "Split", "FixedPayment"')
  const { rows: [last] } = await db.query<{ id: string }>('SELECT id FROM "Month" WHERE "budgetId" = $1 ORDER BY year DESC, month DESC LIMIT 1', [budgetId])
  return last!.id
}

// 24 months × 30 categories × 300 transactions (+ 5 fixed payments each) and two
// yearly plans of 30 categories, for one user; set-based SQL.
export async function seedRealistic(databaseUrl: string, userId: string) {
  const db = new pg.Client({ connectionString: databaseUrl })
  await db.connect()
  const { rows: [membership] } = await db.query<{ budgetId: string }>('SELECT "budgetId"::text AS "budgetId" FROM "Membership" WHERE "userId" = $1 ORDER BY "joinedAt" LIMIT 1', [userId])
  const budgetId = membership!.budgetId
  await seedMonths(db, budgetId, { count: 24 })
  for (const year of [2025, 2026]) {
    const { rows: [plan] } = await db.query<{ id: string }>('INSERT INTO "Plan" ("budgetId", year, name) VALUES ($1, $2, $3) RETURNING id', [budgetId, year, String(year)])
    await db.query(`INSERT INTO "Section" ("planId", name, "sortOrder") SELECT $1, s, i FROM unnest(ARRAY['Fixed expenses', 'Variable expenses', 'Savings']) WITH ORDINALITY AS t(s, i)`, [plan!.id])
    await db.query(`INSERT INTO "YearlyCategory" ("sectionId", name, "sortOrder") SELECT s.id, 'Row ' || c, c FROM "Section" s, generate_series(1, 10) c WHERE s."planId" = $1`, [plan!.id])
    await db.query(`INSERT INTO "CategoryEntry" ("categoryId", month, amount) SELECT y.id, m, 1000 * m FROM "YearlyCategory" y JOIN "Section" s ON s.id = y."sectionId", generate_series(1, 12) m WHERE s."planId" = $1`, [plan!.id])
    await db.query(`INSERT INTO "IncomeSource" ("planId", name, "sortOrder") VALUES ($1, 'Salary', 0), ($1, 'Side income', 1)`, [plan!.id])
    await db.query(`INSERT INTO "IncomeEntry" ("sourceId", month, amount) SELECT i.id, m, 400000 FROM "IncomeSource" i, generate_series(1, 12) m WHERE i."planId" = $1`, [plan!.id])
    await db.query(`INSERT INTO "Deduction" ("planId", name, type, value, "sortOrder") VALUES ($1, 'Income tax', 'percent', 2250, 0), ($1, 'Pension', 'fixed', 15000, 1)`, [plan!.id])
  }
  const { rows: [month] } = await db.query<{ id: string, year: number, month: number }>('SELECT id, year, month FROM "Month" WHERE "budgetId" = $1 ORDER BY year DESC, month DESC LIMIT 1', [budgetId])
  const { rows: [plan] } = await db.query<{ id: string }>('SELECT id FROM "Plan" WHERE "budgetId" = $1 AND year = 2026', [budgetId])
  const { rows: entries } = await db.query<{ id: string }>(`SELECT e.id FROM "CategoryEntry" e JOIN "YearlyCategory" y ON y.id = e."categoryId" JOIN "Section" s ON s.id = y."sectionId" WHERE s."planId" = $1 ORDER BY y.id, e.month LIMIT 144`, [plan!.id])
  const { rows: [session] } = await db.query<{ id: string }>('SELECT id FROM "Session" WHERE "userId" = $1 LIMIT 1', [userId])
  await db.end()
  return { budgetId, month: month!, planId: plan!.id, entryIds: entries.map(e => e.id), sessionId: session!.id }
}

// The raw-pg baseline worker in workerd (wrangler dev), its Hyperdrive binding on the same database.
// A free port can be taken again before wrangler binds it: then it starts over on another.
export async function startBaseline(databaseUrl: string): Promise<RunningServer> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort()
    const server = startProcess(bin('wrangler'), ['dev', '--config', 'bench/baseline/wrangler.toml', '--port', String(port), '--ip', '127.0.0.1', '--log-level', 'warn', '--show-interactive-dev-session=false'], {
      CLOUDFLARE_HYPERDRIVE_LOCAL_CONNECTION_STRING_HYPERDRIVE: databaseUrl,
      WRANGLER_SEND_METRICS: 'false',
    }, `http://127.0.0.1:${port}`, 'pipe')
    for (let i = 0; i < 240 && server.child.exitCode === null; i++) {
      try {
        if ((await fetch(`${server.url}/summary?month=00000000-0000-4000-8000-000000000000&session=00000000-0000-4000-8000-000000000000`)).status === 404) return server
      }
      catch { /* starting */ }
      await new Promise(r => setTimeout(r, 250))
    }
    await server.stop()
    if (attempt === 3 || !server.output().includes('Address already in use')) throw new Error(`baseline worker did not start:\n${server.output()}`)
  }
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? files(path) : [path]
  })
}

// The built worker (dist/_worker.js), raw and gzip -9 per file, summed.
export function workerSize() {
  const all = files(resolve(root, 'dist/_worker.js'))
  const raw = all.reduce((sum, file) => sum + statSync(file).size, 0)
  const gzip = all.reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0)
  return { raw, gzip }
}

// Two more budgets of the user's, the same newest month in each (30 categories,
// all rolling over, 300 transactions): one with the 24 months before it, one
// with none. Answers each one's newest month.
export async function seedRollover(databaseUrl: string, budgetIds: { history: string, fresh: string }) {
  const db = new pg.Client({ connectionString: databaseUrl })
  await db.connect()
  try {
    return {
      history: await seedMonths(db, budgetIds.history, { count: 25, rollover: true }),
      fresh: await seedMonths(db, budgetIds.fresh, { from: 24, count: 1, rollover: true }),
    }
  }
  finally {
    await db.end()
  }
}
