// The benchmark's baseline: the month summary with hand-written SQL through a
// plain pg client made per request (no ORM, no framework), through the same
// Hyperdrive binding as the app. The session and the caller's membership of
// the month's budget are checked in the same statement. Not part of the app.
import pg from 'pg'

interface Env { HYPERDRIVE: { connectionString: string } }

const SUMMARY = `
  SELECT m.id, m.year, m.month, m.income,
    (SELECT coalesce(sum(amount), 0) FROM "FixedPayment" WHERE "monthId" = m.id)::int AS fixed,
    (SELECT coalesce(sum(amount), 0) FROM "FixedPayment" WHERE "monthId" = m.id AND paid)::int AS "fixedPaid",
    (SELECT coalesce(sum(amount), 0) FROM "Transaction" WHERE "monthId" = m.id AND "categoryId" IS NULL)::int AS uncategorized,
    coalesce((SELECT json_agg(json_build_object('categoryId', c.id, 'name', c.name, 'budgeted', c.budgeted, 'spent', coalesce(s.spent, 0)) ORDER BY c."sortOrder", c.name)
      FROM "Category" c LEFT JOIN (SELECT "categoryId", sum(amount)::int AS spent FROM "Transaction" WHERE "monthId" = m.id GROUP BY 1) s ON s."categoryId" = c.id
      WHERE c."monthId" = m.id), '[]') AS categories
  FROM "Month" m JOIN "Membership" mb ON mb."budgetId" = m."budgetId" JOIN "Session" se ON se."userId" = mb."userId"
  WHERE m.id = $1 AND se.id = $2 AND se."expiresAt" > now()`

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url)
    const client = new pg.Client({ connectionString: env.HYPERDRIVE.connectionString })
    await client.connect()
    try {
      const { rows: [row] } = await client.query(SUMMARY, [url.searchParams.get('month'), url.searchParams.get('session')])
      if (!row) return Response.json({ statusCode: 404 }, { status: 404 })
      const categories = (row.categories as { categoryId: string, name: string, budgeted: number, spent: number }[]).map(c => ({ ...c, remaining: c.budgeted - c.spent }))
      const budgeted = categories.reduce((sum, c) => sum + c.budgeted, 0)
      const spent = categories.reduce((sum, c) => sum + c.spent, 0) + row.uncategorized
      return Response.json({
        monthId: row.id, year: row.year, month: row.month, income: row.income, budgeted, spent, fixed: row.fixed, fixedPaid: row.fixedPaid,
        uncategorizedSpent: row.uncategorized, available: row.income - row.fixed - budgeted, remaining: budgeted - spent, balance: row.income - row.fixed - spent, categories,
      })
    }
    finally {
      await client.end()
    }
  },
}
