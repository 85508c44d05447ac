// Prisma's per-request cost in isolation: what a fresh PrismaClient costs in
// CPU, stock, with the query compiler and its plans shared across clients, and
// with the decoded parameterization schema shared too (server/utils/query-plans.ts),
// for compilerBuild "small" and "fast". Runs in
// Node (V8, as in workerd, where a worker cannot time its own CPU), with a
// Node-runtime client generated per build under .data/bench-clients. Each
// build × mode runs in its own process: Prisma keeps the first compiler class
// it loads for the life of a process.
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import { sharingQueryPlans, withSharedQueryPlans } from '../server/utils/query-plans.ts'
import { bin, root } from '../scripts/servers.ts'

// Not under node_modules, where Node does not strip types. .data/ is git-ignored.
const cache = resolve(root, '.data/bench-clients')
export const BUILDS = ['small', 'fast'] as const
type Build = (typeof BUILDS)[number]
const MODES = ['stock', 'plans', 'shared'] as const
type Mode = (typeof MODES)[number]

// The part of a generated client used here (it is generated at bench time).
interface Client {
  session: { findFirst: (args: object) => Promise<{ user: { id: string } } | null> }
  month: { findFirst: (args: object) => Promise<unknown> }
  $connect: () => Promise<void>
  $disconnect: () => Promise<void>
}
interface Ids { databaseUrl: string, sessionId: string, monthId: string }
export interface CostRow { build: Build, mode: Mode, client: number, request: number, compile?: number, rawRequest?: number }

// A copy of the app's schema with other generator settings, under .data/ (git-ignored), generated.
export function generateClient(name: string, settings: Record<string, string>) {
  let schema = readFileSync(resolve(root, 'prisma/schema.prisma'), 'utf8')
  for (const [key, value] of Object.entries(settings)) schema = schema.replace(new RegExp(`${key}\\s*=\\s*"[^"]*"`), `${key} = "${value}"`)
  mkdirSync(resolve(root, '.data'), { recursive: true })
  const file = resolve(root, '.data', `schema-${name}.prisma`)
  writeFileSync(file, schema)
  execFileSync(bin('prisma'), ['generate', '--schema', file], { cwd: root, stdio: 'ignore' })
}

export function compilerSizes() {
  return BUILDS.map((build) => {
    const source = readFileSync(resolve(root, `node_modules/@prisma/client/runtime/query_compiler_${build}_bg.postgresql.wasm-base64.mjs`), 'utf8')
    const wasm = Buffer.from(/"([A-Za-z0-9+/=]{1000,})"/.exec(source)![1]!, 'base64')
    return { build, raw: wasm.length, gzip: gzipSync(wasm, { level: 9 }).length }
  })
}

// CPU milliseconds per call: the median of five blocks of 100 calls, after a warm-up.
async function cpuPerCall(run: () => Promise<unknown>) {
  for (let i = 0; i < 20; i++) await run()
  const blocks: number[] = []
  for (let block = 0; block < 5; block++) {
    const start = process.cpuUsage()
    for (let i = 0; i < 100; i++) await run()
    const used = process.cpuUsage(start)
    blocks.push((used.user + used.system) / 1000 / 100)
  }
  return blocks.sort((a, b) => a - b)[2]!
}

// The installed runtime keeps a decoded schema on its schema object
// (scripts/patch-prisma.ts): a fresh copy per client decodes it again, as stock Prisma does.
type Config = Parameters<typeof withSharedQueryPlans>[0]
const freshSchema = (config: Config) => ({ ...config, parameterizationSchema: config.parameterizationSchema && { ...config.parameterizationSchema } })
// Prisma hands each client's override the config the previous one returned: keep the first.
let base: Config | undefined
function withMode(mode: Mode, settings: { adapter: PrismaPg }) {
  if (mode === 'shared') return sharingQueryPlans(settings)
  const sharePlans = mode === 'plans' ? withSharedQueryPlans : (config: Config) => config
  return { ...settings, __internal: { configOverride: (config: Config) => freshSchema(base ??= sharePlans(config)) } }
}

async function measure(build: Build, mode: Mode, ids: Ids): Promise<CostRow> {
  const { PrismaClient } = await import(join(cache, build, 'client.ts')) as { PrismaClient: new (options: object) => Client }
  const open = (options: object = {}) => {
    const pool = new pg.Pool({ connectionString: ids.databaseUrl, max: 1 })
    const settings = { adapter: new PrismaPg(pool), ...options }
    return { pool, db: new PrismaClient(withMode(mode, settings)) }
  }
  // The session check and a month with its categories: two of the app's query shapes.
  const request = async (db: Client) => {
    const session = await db.session.findFirst({ where: { id: ids.sessionId, expiresAt: { gt: new Date() } }, select: { user: { select: { id: true, email: true, name: true, currency: true, locale: true } } } })
    await db.month.findFirst({ where: { id: ids.monthId, budget: { memberships: { some: { userId: session!.user.id } } } }, select: { id: true, year: true, month: true, income: true, categories: { select: { id: true, name: true, budgeted: true }, orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }] } } })
  }
  const row: CostRow = {
    build,
    mode,
    client: await cpuPerCall(async () => {
      const { pool, db } = open()
      await db.$connect()
      await db.$disconnect()
      await pool.end()
    }),
    request: await cpuPerCall(async () => {
      const { pool, db } = open()
      await request(db)
      await db.$disconnect()
      await pool.end()
    }),
  }
  if (mode === 'stock') {
    // The same client for every call, with and without its plan cache: the difference is compiling.
    const cached = open()
    const uncached = open({ queryPlanCacheMaxSize: 0 })
    row.compile = (await cpuPerCall(() => request(uncached.db)) - await cpuPerCall(() => request(cached.db))) / 2
    for (const { db, pool } of [cached, uncached]) {
      await db.$disconnect()
      await pool.end()
    }
    row.rawRequest = await cpuPerCall(async () => {
      const pool = new pg.Pool({ connectionString: ids.databaseUrl, max: 1 })
      const { rows: [user] } = await pool.query('SELECT u.id, u.email, u.name, u.currency, u.locale FROM "Session" s JOIN "User" u ON u.id = s."userId" WHERE s.id = $1 AND s."expiresAt" > now()', [ids.sessionId])
      await pool.query('SELECT m.id, m.year, m.month, m.income, (SELECT json_agg(json_build_object(\'id\', c.id, \'name\', c.name, \'budgeted\', c.budgeted) ORDER BY c."sortOrder", c.name) FROM "Category" c WHERE c."monthId" = m.id) AS categories FROM "Month" m WHERE m.id = $1 AND m."budgetId" IN (SELECT "budgetId" FROM "Membership" WHERE "userId" = $2)', [ids.monthId, user.id])
      await pool.end()
    })
  }
  return row
}

export function prismaCost(ids: Ids): CostRow[] {
  for (const build of BUILDS) generateClient(`node-${build}`, { output: `./bench-clients/${build}`, runtime: 'nodejs', compilerBuild: build })
  return BUILDS.flatMap(build => MODES.map((mode) => {
    const out = execFileSync(process.execPath, [import.meta.filename, build, mode, JSON.stringify(ids)], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] })
    return JSON.parse(out.toString()) as CostRow
  }))
}

if (process.argv[1] === import.meta.filename && process.argv.length === 5) {
  const [build, mode, ids] = process.argv.slice(2) as [Build, Mode, string]
  process.stdout.write(JSON.stringify(await measure(build, mode, JSON.parse(ids) as Ids)))
  process.exit(0)
}
