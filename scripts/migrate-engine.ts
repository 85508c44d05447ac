// Applies and creates Prisma migrations through Prisma's Wasm schema engine and
// the pg driver adapter, because the stock CLI needs a native engine binary it
// downloads at run time (impossible offline). The migrations folder keeps
// Prisma's own format, so `prisma migrate deploy` applies the same history.
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { PrismaPg } from '@prisma/adapter-pg'
import type pg from 'pg'
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils'

const root = resolve(import.meta.dirname, '..')
export const schemaPath = join(root, 'prisma/schema.prisma')
export const migrationsDir = join(root, 'prisma/migrations')
const filters = { externalTables: [], externalEnums: [] }

// Every migration, or those up to and including `upTo` (to build an older schema).
export function migrationsList(upTo?: string) {
  const lockPath = join(migrationsDir, 'migration_lock.toml')
  const dirs = existsSync(migrationsDir)
    ? readdirSync(migrationsDir, { withFileTypes: true }).filter(d => d.isDirectory()).map(d => d.name).sort().filter(name => !upTo || name <= upTo)
    : []
  return {
    baseDir: migrationsDir,
    lockfile: { path: 'migration_lock.toml', content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: dirs.map(name => ({
      path: name,
      migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: readFileSync(join(migrationsDir, name, 'migration.sql'), 'utf8') } },
    })),
  }
}

export function checksum(sql: string) {
  return createHash('sha256').update(sql).digest('hex')
}

// Connection fields rather than a connection string: the adapter derives the
// shadow database by overriding `database`, which a connection string would win over.
function poolConfig(url: string) {
  const u = new URL(url)
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1)),
    max: 2,
  }
}

// The pg adapter splits a script at every ';' and sends the pieces one by one,
// on any of the pool's connections: a migration failing half way would stay half
// applied, and a ';' in a comment breaks it. Sent whole, as Prisma's native
// engine sends it, a migration is one query and so one implicit transaction.
function wholeScripts(factory: PrismaPg): PrismaPg {
  const connect = factory.connect.bind(factory)
  factory.connect = async () => {
    const adapter = await connect()
    adapter.executeScript = async (script: string) => {
      try {
        await (adapter.underlyingDriver() as pg.Pool).query(script)
      }
      catch (error) {
        (adapter as unknown as { onError: (error: unknown) => never }).onError(error)
      }
    }
    return adapter
  }
  return factory
}

async function withEngine<T>(url: string | null, run: (engine: import('@prisma/schema-engine-wasm').SchemaEngine) => Promise<T>): Promise<T> {
  const { SchemaEngine } = await import('@prisma/schema-engine-wasm')
  const factory = wholeScripts(new PrismaPg(url ? poolConfig(url) : { max: 1 }))
  const datamodel = readFileSync(schemaPath, 'utf8')
  const engine = await SchemaEngine.new(
    { datamodels: [[schemaPath, datamodel]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(factory),
  )
  try {
    return await run(engine)
  }
  finally {
    engine.free()
  }
}

export async function applyMigrations(url: string, upTo?: string): Promise<string[]> {
  return withEngine(url, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList: migrationsList(upTo), filters } as never)
    return out.appliedMigrationNames
  })
}

// SQL that takes an empty database to the current schema (the engine connects
// to `url` when given, though it changes nothing there).
export async function initialMigrationSql(url: string | null = null): Promise<string> {
  return withEngine(url, async (engine) => {
    const datamodel = readFileSync(schemaPath, 'utf8')
    const out = await engine.diff({
      from: { tag: 'empty' },
      to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: datamodel }] },
      script: true,
      exitCode: null,
      filters,
    } as never) as unknown as { stdout?: string, exitCode: number }
    return out.stdout ?? ''
  })
}
