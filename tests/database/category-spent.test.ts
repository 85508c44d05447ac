// Each category's "spent" (kept by triggers, migration 20261205000000_category_spent)
// equals what its transactions and split parts add up to, after every kind of
// write the app makes, written here straight to the database.
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

const clients: pg.Client[] = []
async function connect() {
  const client = new pg.Client({ connectionString: inject('databaseUrl') })
  await client.connect()
  clients.push(client)
  return client
}
afterAll(async () => {
  await Promise.all(clients.map(client => client.end()))
})

describe('a category\'s spent', () => {
  let db: pg.Client
  let monthId: string
  const category = { A: randomUUID(), B: randomUUID(), C: randomUUID() }

  // What each category holds, and what its rows add up to when counted afresh.
  const held = async () => Object.fromEntries((await db.query<{ id: string, spent: string }>('SELECT id, spent FROM "Category" WHERE "monthId" = $1', [monthId])).rows
    .map(row => [row.id, Number(row.spent)]))
  const counted = async () => {
    const { rows } = await db.query<{ id: string, spent: string }>(`
      SELECT c.id, coalesce((SELECT sum(amount) FROM "Transaction" t WHERE t."categoryId" = c.id), 0)
        + coalesce((SELECT sum(amount) FROM "Split" s WHERE s."categoryId" = c.id), 0) AS spent
      FROM "Category" c WHERE c."monthId" = $1`, [monthId])
    return Object.fromEntries(rows.map(row => [row.id, Number(row.spent)]))
  }
  const expectHeld = async (expected: Partial<Record<keyof typeof category, number>>) => {
    const now = await held()
    expect(now).toEqual(await counted())
    expect(Object.fromEntries(Object.entries(category).filter(([, id]) => id in now).map(([name, id]) => [name, now[id]]))).toEqual(expected)
  }
  const insertTransactions = (client: pg.Client, rows: [string | null, number][]) => client.query(
    `INSERT INTO "Transaction" ("monthId", "categoryId", date, amount) SELECT $1, c, '2031-05-02', a FROM unnest($2::uuid[], $3::int[]) AS t(c, a) RETURNING id`,
    [monthId, rows.map(([id]) => id), rows.map(([, amount]) => amount)],
  ).then(result => result.rows.map(row => row.id as string))

  beforeAll(async () => {
    db = await connect()
    const { rows: [budget] } = await db.query('INSERT INTO "Budget" (name) VALUES ($1) RETURNING id', ['Category spent'])
    const { rows: [month] } = await db.query('INSERT INTO "Month" ("budgetId", year, month) VALUES ($1, 2031, 5) RETURNING id', [budget.id])
    monthId = month.id
    await db.query(`INSERT INTO "Category" (id, "monthId", name, budgeted, "sortOrder") VALUES ($1, $4, 'A', 0, 0), ($2, $4, 'B', 0, 1), ($3, $4, 'C', 0, 2)`, [category.A, category.B, category.C, monthId])
  })

  it('follows inserts, edits, moves, splits and deletes', async () => {
    await expectHeld({ A: 0, B: 0, C: 0 })
    const [first, second, third] = await insertTransactions(db, [[category.A, 1000], [category.A, 250], [category.B, -300], [null, 99]])
    await expectHeld({ A: 1250, B: -300, C: 0 })

    await db.query('UPDATE "Transaction" SET amount = 400 WHERE id = $1', [second])
    await db.query('UPDATE "Transaction" SET description = $2 WHERE id = $1', [first, 'Only the description'])
    await expectHeld({ A: 1400, B: -300, C: 0 })

    // Moved between categories, out of any, into one.
    await db.query('UPDATE "Transaction" SET "categoryId" = $2 WHERE id = $1', [first, category.C])
    await db.query('UPDATE "Transaction" SET "categoryId" = NULL WHERE id = $1', [third])
    await expectHeld({ A: 400, B: 0, C: 1000 })

    // Split: the transaction itself leaves its category; its parts spend.
    await db.query('UPDATE "Transaction" SET "categoryId" = NULL WHERE id = $1', [first])
    await db.query(`INSERT INTO "Split" ("transactionId", "categoryId", position, amount) VALUES ($1, $2, 0, 700), ($1, $3, 1, 200), ($1, NULL, 2, 100)`, [first, category.A, category.B])
    await expectHeld({ A: 1100, B: 200, C: 0 })
    await db.query('UPDATE "Split" SET amount = 150, "categoryId" = $2 WHERE "transactionId" = $1 AND position = 1', [first, category.C])
    await expectHeld({ A: 1100, B: 0, C: 150 })
    // The parts replaced, as a PATCH of splits does.
    await db.query('DELETE FROM "Split" WHERE "transactionId" = $1', [first])
    await db.query(`INSERT INTO "Split" ("transactionId", "categoryId", position, amount) VALUES ($1, $2, 0, 500), ($1, $2, 1, 500)`, [first, category.B])
    await expectHeld({ A: 400, B: 1000, C: 0 })

    // A deleted split transaction takes its parts with it.
    await db.query('DELETE FROM "Transaction" WHERE id = $1', [first])
    await expectHeld({ A: 400, B: 0, C: 0 })

    // A deleted category leaves its transactions and parts uncategorized; the others are untouched.
    const [, spare] = await insertTransactions(db, [[category.B, 50], [null, 10]])
    await db.query(`INSERT INTO "Split" ("transactionId", "categoryId", position, amount) VALUES ($1, $2, 0, 4), ($1, $3, 1, 6)`, [spare, category.B, category.C])
    await db.query('UPDATE "Transaction" SET "categoryId" = NULL WHERE id = $1', [spare])
    await expectHeld({ A: 400, B: 54, C: 6 })
    await db.query('DELETE FROM "Category" WHERE id = $1', [category.B])
    await expectHeld({ A: 400, C: 6 })
  })

  it('loses nothing when two connections write to the same categories at once', async () => {
    const before = await held()
    const writers = [[[category.A, 10], [category.C, 20]], [[category.C, 1], [category.A, 2]]] as [string, number][][]
    await Promise.all(writers.map(async (rows) => {
      const client = await connect()
      for (let i = 0; i < 20; i++) await insertTransactions(client, rows)
    }))
    const after = await held()
    expect(after).toEqual(await counted())
    expect([after[category.A]! - before[category.A]!, after[category.C]! - before[category.C]!]).toEqual([240, 420])
  })
})
