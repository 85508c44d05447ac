import { describe, expect, it } from 'vitest'
import { readOnlyQuery, readOnlyView, type ReadDb } from '../../server/utils/read-only'
import type { Prisma } from '../../server/generated/prisma/client'

// A stand-in with the shape of a Prisma client: the view is a plain function of it.
function fakeClient(calls: string[]) {
  const model = () => ({
    findFirst: (args: unknown) => calls.push(`findFirst ${JSON.stringify(args)}`),
    findMany: () => calls.push('findMany'),
    groupBy: () => calls.push('groupBy'),
    create: () => calls.push('create'),
    update: () => calls.push('update'),
    deleteMany: () => calls.push('deleteMany'),
  })
  return { month: model(), transaction: model(), $executeRaw: () => calls.push('executeRaw'), $transaction: () => calls.push('transaction'), $queryRaw: (query: Prisma.Sql) => calls.push(`queryRaw ${query.text} ${JSON.stringify(query.values)}`) }
}

describe('readOnlyView', () => {
  it('passes reads through and has no way to write', () => {
    const calls: string[] = []
    const view = readOnlyView(fakeClient(calls)) as unknown as Record<string, Record<string, unknown>>
    ;(view.month!.findFirst as (args: unknown) => void)({ where: { id: 'x' } })
    ;(view.transaction!.groupBy as () => void)()
    expect(calls).toEqual(['findFirst {"where":{"id":"x"}}', 'groupBy'])
    expect(view.month!.create).toBeUndefined()
    expect(view.month!.update).toBeUndefined()
    expect(view.transaction!.deleteMany).toBeUndefined()
    expect(view.$executeRaw).toBeUndefined()
    expect(view.$transaction).toBeUndefined()
  })

  it('is read-only in the type system too (checked by npm run typecheck)', () => {
    const view = readOnlyView(fakeClient([])) as ReadDb
    const attempts = [
      // @ts-expect-error a reader has no create
      () => view.month.create({ data: {} }),
      // @ts-expect-error a reader has no updateMany
      () => view.transaction.updateMany({ data: {} }),
      // @ts-expect-error a reader has no raw SQL
      () => view.$executeRaw`DELETE FROM "Month"`,
    ]
    for (const attempt of attempts) expect(attempt).toThrow(TypeError)
  })

  it('runs raw SQL only as a single SELECT wrapped in a derived table', async () => {
    const calls: string[] = []
    const view = readOnlyView(fakeClient(calls))
    await view.$queryRaw`SELECT id FROM "Month" WHERE id = ${'m1'}::uuid AND year = ${2026}`
    expect(calls).toEqual(['queryRaw SELECT * FROM (SELECT id FROM "Month" WHERE id = $1::uuid AND year = $2) AS "read" ["m1",2026]'])
    expect(() => view.$queryRaw`SELECT 1; DELETE FROM "Month"`).toThrow('single statement')
    expect(() => readOnlyQuery(Object.assign(['SELECT ', ';'], { raw: ['SELECT ', ';'] }), [1])).toThrow(TypeError)
  })
})
