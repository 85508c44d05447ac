// The reader's raw SQL (server/utils/read-only.ts) runs as a derived table:
// PostgreSQL itself refuses any statement there that writes.
import { describe, expect, it } from 'vitest'
import { readOnlyQuery } from '../../server/utils/read-only'
import { signedInClient, sql } from '../helpers/api'

const read = (query: TemplateStringsArray, ...values: unknown[]) => readOnlyQuery(query, values)

describe('raw reads', () => {
  it('cannot insert, update or delete, not even through WITH', async () => {
    const { client } = await signedInClient('raw-read')
    const month = await client.post('/api/months', { year: 2026, month: 5, income: 100 })
    expect(month.status).toBe(201)
    const budget = { id: month.body.budgetId }
    const writes = [
      read`DELETE FROM "Month" WHERE "budgetId" = ${budget.id}::uuid RETURNING id`,
      read`UPDATE "Month" SET income = 0 WHERE "budgetId" = ${budget.id}::uuid RETURNING id`,
      read`INSERT INTO "Month" ("budgetId", year, month) VALUES (${budget.id}::uuid, 2026, 6) RETURNING id`,
      read`WITH gone AS (DELETE FROM "Month" WHERE "budgetId" = ${budget.id}::uuid RETURNING id) SELECT id FROM gone`,
    ]
    for (const query of writes) await expect(sql(query.text, query.values)).rejects.toThrow(/syntax error|WITH clause containing a data-modifying statement/)
    expect(await sql('SELECT year, month, income FROM "Month" WHERE "budgetId" = $1', [budget.id])).toEqual([{ year: 2026, month: 5, income: 100 }])
    const select = read`SELECT income FROM "Month" WHERE "budgetId" = ${budget.id}::uuid`
    expect(await sql(select.text, select.values)).toEqual([{ income: 100 }])
  })
})
