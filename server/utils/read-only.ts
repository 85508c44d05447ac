import type { Prisma, PrismaClient } from '../generated/prisma/client'

// What a read may do: the read methods of each model, nothing else (no create,
// update, delete, raw SQL or transactions). The reader handed to routes is a
// view that has only these at run time too.
const READ_METHODS = ['findFirst', 'findFirstOrThrow', 'findUnique', 'findUniqueOrThrow', 'findMany', 'count', 'aggregate', 'groupBy'] as const
type ReadMethod = (typeof READ_METHODS)[number]
type Delegate = Uncapitalize<Prisma.ModelName>
export type ReadDb = { readonly [K in Delegate]: Pick<PrismaClient[K], Extract<keyof PrismaClient[K], ReadMethod>> }

export function readOnlyView(client: object): ReadDb {
  const allowed = new Set<PropertyKey>(READ_METHODS)
  return new Proxy(client, {
    get(target, model) {
      const delegate = Reflect.get(target, model) as object | undefined
      if (typeof model !== 'string' || model.startsWith('$') || typeof delegate !== 'object' || delegate === null) return undefined
      return new Proxy(delegate, {
        get: (inner, method) => allowed.has(method) ? (Reflect.get(inner, method) as (...args: unknown[]) => unknown).bind(inner) : undefined,
      })
    },
  }) as ReadDb
}
