import { Prisma, type PrismaClient } from '../generated/prisma/client'

// What a read may do: the read methods of each model, and raw SELECTs that
// cannot write (below); nothing else (no create, update, delete, $executeRaw or
// transactions). The reader handed to routes is a view that has only these at
// run time too.
const READ_METHODS = ['findFirst', 'findFirstOrThrow', 'findUnique', 'findUniqueOrThrow', 'findMany', 'count', 'aggregate', 'groupBy'] as const
type ReadMethod = (typeof READ_METHODS)[number]
type Delegate = Uncapitalize<Prisma.ModelName>
export type ReadDb = { readonly [K in Delegate]: Pick<PrismaClient[K], Extract<keyof PrismaClient[K], ReadMethod>> } & {
  readonly $queryRaw: <T = unknown>(query: TemplateStringsArray, ...values: unknown[]) => Promise<T>
}

// A raw read runs as a derived table, SELECT * FROM (query): there PostgreSQL
// refuses INSERT, UPDATE, DELETE and MERGE, also inside WITH, and without a ";"
// in our SQL (values are always parameters) it is the only statement sent.
// SQL keeps no ORDER BY of a derived table: a caller sorts what it reads.
export function readOnlyQuery(query: TemplateStringsArray, values: unknown[]): Prisma.Sql {
  if (query.some(part => part.includes(';'))) throw new TypeError('A raw read is a single statement: no ";".')
  const parts = [...query]
  parts[0] = `SELECT * FROM (${parts[0]}`
  parts[parts.length - 1] = `${parts.at(-1)}) AS "read"`
  return Prisma.sql(parts, ...(values as Prisma.Sql[]))
}

export function readOnlyView(client: object): ReadDb {
  const allowed = new Set<PropertyKey>(READ_METHODS)
  return new Proxy(client, {
    get(target, model) {
      if (model === '$queryRaw') {
        const queryRaw = Reflect.get(target, model) as (query: Prisma.Sql) => Promise<unknown>
        return (query: TemplateStringsArray, ...values: unknown[]) => queryRaw.call(target, readOnlyQuery(query, values))
      }
      const delegate = Reflect.get(target, model) as object | undefined
      if (typeof model !== 'string' || model.startsWith('$') || typeof delegate !== 'object' || delegate === null) return undefined
      return new Proxy(delegate, {
        get: (inner, method) => allowed.has(method) ? (Reflect.get(inner, method) as (...args: unknown[]) => unknown).bind(inner) : undefined,
      })
    },
  }) as ReadDb
}
