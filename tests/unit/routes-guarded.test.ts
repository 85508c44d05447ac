// Authorization in one place: every budget route starts with the caller (the
// session and their budgets, or 401) and hands it to a domain function, whose
// lookups go through the guard (server/domain/access.ts). A route that reads
// the database itself, or forgets the caller, fails here.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const api = join(import.meta.dirname, '../../server/api')
const OPEN_ROUTES = ['auth/', 'health.get.ts', '[...path].ts']

function routes(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry => entry.isDirectory() ? routes(join(dir, entry.name)) : [join(dir, entry.name)])
}

const guarded = routes(api).map(file => relative(api, file)).filter(file => !OPEN_ROUTES.some(open => file.startsWith(open)))

describe('budget routes', () => {
  it('are found', () => {
    expect(guarded.length).toBeGreaterThan(40)
  })

  it.each(guarded)('%s takes the caller first and leaves the database to the domain', (file) => {
    const source = readFileSync(join(api, file), 'utf8')
    expect(source).toMatch(/^ {2}const caller = await requireCaller\(event\)$/m)
    expect(source).not.toMatch(/requireUser|\.(findFirst|findMany|findUnique|create|update|delete|deleteMany|updateMany|\$queryRaw|\$executeRaw)\(/)
    if (!file.startsWith('budgets/index.get')) expect(source).toMatch(/\(await use(Read)?Db\(event\), caller\b/)
  })
})
