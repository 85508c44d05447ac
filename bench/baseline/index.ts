// The benchmark's baseline: the month summary with hand-written SQL through a
// plain pg client made per request (no ORM, no framework), through the same
// Hyperdrive binding as the app. The session and the caller's membership of
// the month's budget are checked in the same statement. Not part of the app.
import pg from 'pg'

interface Env { HYPERDRIVE: { connectionString: string } }

// Rollover written independently of the app's window functions: a recursive
// walk back from each category through the previous calendar months while the
// same name is there and rolls over. A transaction spends through its splits.
const SUMMARY = `
  WITH RECURSIVE target AS (
    SELECT m.id, m."budgetId", m.year, m.month, m.income
    FROM "Month" m JOIN "Membership" mb ON mb."budgetId" = m."budgetId" JOIN "Session" se ON se."userId" = mb."userId"
    WHERE m.id = $1 AND se.id = $2 AND se."expiresAt" > now()
  ),
  back(name, idx, "categoryId") AS (
    SELECT c.name, t.year * 12 + t.month - 1, NULL::uuid FROM target t JOIN "Category" c ON c."monthId" = t.id
    UNION ALL
    SELECT b.name, b.idx - 1, pc.id
    FROM back b CROSS JOIN target t
    JOIN "Month" pm ON pm."budgetId" = t."budgetId" AND pm.year = (b.idx - 1) / 12 AND pm.month = (b.idx - 1) % 12 + 1
    JOIN "Category" pc ON pc."monthId" = pm.id AND pc.name = b.name AND pc.rollover
  ),
  parts AS (
    SELECT coalesce(s."categoryId", t."categoryId") AS "categoryId", coalesce(s.amount, t.amount) AS amount
    FROM "Transaction" t LEFT JOIN "Split" s ON s."transactionId" = t.id WHERE t."monthId" = $1
  )
  SELECT m.id, m.year, m.month, m.income,
    (SELECT coalesce(sum(amount), 0) FROM "FixedPayment" WHERE "monthId" = m.id)::int AS fixed,
    (SELECT coalesce(sum(amount), 0) FROM "FixedPayment" WHERE "monthId" = m.id AND paid)::int AS "fixedPaid",
    (SELECT coalesce(sum(amount), 0) FROM parts WHERE "categoryId" IS NULL)::int AS uncategorized,
    coalesce((SELECT json_agg(json_build_object('categoryId', c.id, 'name', c.name, 'budgeted', c.budgeted, 'spent', coalesce(s.spent, 0), 'carriedIn', coalesce(r.carried, 0)) ORDER BY c."sortOrder", c.name)
      FROM "Category" c
      LEFT JOIN (SELECT "categoryId", sum(amount)::int AS spent FROM parts GROUP BY 1) s ON s."categoryId" = c.id
      LEFT JOIN (
        SELECT b.name, sum(pc.budgeted
          - (SELECT coalesce(sum(amount), 0) FROM "Transaction" WHERE "categoryId" = pc.id)
          - (SELECT coalesce(sum(amount), 0) FROM "Split" WHERE "categoryId" = pc.id))::int AS carried
        FROM back b JOIN "Category" pc ON pc.id = b."categoryId" GROUP BY b.name
      ) r ON r.name = c.name
      WHERE c."monthId" = m.id), '[]') AS categories
  FROM target m`

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url)
    const client = new pg.Client({ connectionString: env.HYPERDRIVE.connectionString })
    await client.connect()
    try {
      const { rows: [row] } = await client.query(SUMMARY, [url.searchParams.get('month'), url.searchParams.get('session')])
      if (!row) return Response.json({ statusCode: 404 }, { status: 404 })
      const categories = (row.categories as { categoryId: string, name: string, budgeted: number, spent: number, carriedIn: number }[])
        .map(({ carriedIn, ...c }) => ({ ...c, remaining: c.budgeted - c.spent, carriedIn, available: carriedIn + c.budgeted - c.spent }))
      const budgeted = categories.reduce((sum, c) => sum + c.budgeted, 0)
      const spent = categories.reduce((sum, c) => sum + c.spent, 0) + row.uncategorized
      const carriedIn = categories.reduce((sum, c) => sum + c.carriedIn, 0)
      return Response.json({
        monthId: row.id, year: row.year, month: row.month, income: row.income, budgeted, spent, fixed: row.fixed, fixedPaid: row.fixedPaid,
        uncategorizedSpent: row.uncategorized, available: row.income - row.fixed - budgeted, remaining: budgeted - spent, balance: row.income - row.fixed - spent, carriedIn, categories,
      })
    }
    finally {
      await client.end()
    }
  },
}
