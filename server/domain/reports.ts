// Reports across a budget's months: any member reads them, each in one
// statement whatever the budget holds; PostgreSQL sums, and plain functions
// (shared/utils/reports.ts) lay the sums out.
import { Prisma } from '../generated/prisma/client'
import type { ReadDb } from '../utils/read-only'
import type { PlanVsActualReport, SpendingQuery, SpendingReport } from '#shared/schemas/reports'
import { REPORT_MONTHS } from '#shared/schemas/limits'
import { planVsActual, reportRange, spendingReport, type PlanVsActualRows, type SpendingRows } from '#shared/utils/reports'
import { requireBudget, type Caller } from './access'
import { spentPartsSql } from './spent-parts'

// What each month of `months` (a CTE with id) spent: in all, and uncategorized.
const monthSpending = Prisma.sql`
  'spent', coalesce((SELECT sum(s.spent) FROM spent s WHERE s."monthId" = m.id), 0),
  'uncategorized', coalesce((SELECT sum(s.spent) FROM spent s WHERE s."monthId" = m.id AND s."categoryId" IS NULL), 0)`

const spentByCategory = Prisma.sql`
  parts AS (${spentPartsSql(Prisma.sql`t."monthId" IN (SELECT id FROM m)`)}),
  spent AS (SELECT "monthId", "categoryId", sum(amount) AS spent FROM parts GROUP BY 1, 2)`

export async function getSpendingReport(db: ReadDb, caller: Caller, budgetId: string, query: SpendingQuery): Promise<SpendingReport> {
  const budget = requireBudget(caller, budgetId, 'viewer')
  // Without from or to, the range ends at the newest month, which the same statement finds.
  const asked = reportRange(query, null)
  const [row] = await db.$queryRaw<(SpendingRows & { newest: number | null })[]>`
    WITH newest AS (SELECT max(year * 12 + month - 1) AS idx FROM "Month" WHERE "budgetId" = ${budget.id}::uuid),
    m AS (
      SELECT id, year * 12 + month - 1 AS idx, income FROM "Month"
      WHERE "budgetId" = ${budget.id}::uuid
        AND year * 12 + month - 1 BETWEEN coalesce(${asked?.first ?? null}::int, (SELECT idx FROM newest) - ${REPORT_MONTHS - 1}::int)
          AND coalesce(${asked?.last ?? null}::int, (SELECT idx FROM newest))
    ),
    ${spentByCategory}
    SELECT (SELECT idx FROM newest) AS newest,
      coalesce((SELECT json_agg(json_build_object('index', m.idx, 'income', m.income, ${monthSpending})) FROM m), '[]') AS months,
      coalesce((SELECT json_agg(json_build_object('index', m.idx, 'name', c.name, 'spent', coalesce(s.spent, 0)))
        FROM m JOIN "Category" c ON c."monthId" = m.id LEFT JOIN spent s ON s."categoryId" = c.id), '[]') AS categories`
  return spendingReport(reportRange(query, row!.newest), row!)
}

export async function getPlanVsActualReport(db: ReadDb, caller: Caller, budgetId: string, year: number): Promise<PlanVsActualReport> {
  const budget = requireBudget(caller, budgetId, 'viewer')
  const [row] = await db.$queryRaw<PlanVsActualRows[]>`
    WITH plan AS (SELECT id FROM "Plan" WHERE "budgetId" = ${budget.id}::uuid AND year = ${year}::int),
    m AS (SELECT id, month, income FROM "Month" WHERE "budgetId" = ${budget.id}::uuid AND year = ${year}::int),
    ${spentByCategory},
    fixed AS (SELECT "monthId", "categoryId", name, amount FROM "FixedPayment" WHERE "monthId" IN (SELECT id FROM m)),
    actual AS (
      SELECT m.month, c.name, coalesce(s.spent, 0) + coalesce((SELECT sum(f.amount) FROM fixed f WHERE f."categoryId" = c.id), 0) AS amount
      FROM m JOIN "Category" c ON c."monthId" = m.id LEFT JOIN spent s ON s."categoryId" = c.id
      UNION ALL
      SELECT m.month, f.name, f.amount FROM m JOIN fixed f ON f."monthId" = m.id WHERE f."categoryId" IS NULL
    )
    SELECT (SELECT id FROM plan)::text AS "planId",
      coalesce((SELECT json_agg(json_build_object('month', e.month, 'amount', e.amount))
        FROM "IncomeSource" i JOIN "IncomeEntry" e ON e."sourceId" = i.id WHERE i."planId" IN (SELECT id FROM plan)), '[]') AS "plannedIncome",
      coalesce((SELECT json_agg(json_build_object('type', d.type, 'value', d.value)) FROM "Deduction" d WHERE d."planId" IN (SELECT id FROM plan)), '[]') AS deductions,
      coalesce((SELECT json_agg(json_build_object('name', y.name, 'month', e.month, 'amount', e.amount))
        FROM "Section" x JOIN "YearlyCategory" y ON y."sectionId" = x.id JOIN "CategoryEntry" e ON e."categoryId" = y.id
        WHERE x."planId" IN (SELECT id FROM plan)), '[]') AS planned,
      coalesce((SELECT json_agg(json_build_object('month', m.month, 'income', m.income, ${monthSpending},
        'fixed', coalesce((SELECT sum(f.amount) FROM fixed f WHERE f."monthId" = m.id), 0))) FROM m), '[]') AS months,
      coalesce((SELECT json_agg(json_build_object('name', a.name, 'month', a.month, 'amount', a.amount)) FROM actual a), '[]') AS actual`
  return planVsActual(year, row!)
}
