// Monthly budgets: every lookup is scoped by the caller's budgets, so a record
// in someone else's budget answers exactly like an id that does not exist, and
// goes through the one guard (authorize) for the caller's role.
import { Prisma } from '../generated/prisma/client'
import type { Client, Db } from '../utils/db'
import type { ReadDb } from '../utils/read-only'
import type { Role } from '#shared/schemas/budgets'
import type { Category, CategoryCreate, CategoryPatch, FixedPayment, FixedPaymentCreate, FixedPaymentPatch, Month, MonthCreate, MonthDetail, MonthPatch, MonthSummary, Transaction, TransactionCreate, TransactionPatch } from '#shared/schemas/months'
import { conflict, invalid, invalidAll, isId, notFound, updateVersioned } from './errors'
import { authorize, chooseBudget, inCallerBudgets, requireBudget, type Caller } from './access'
import { copyOfMonth, isInMonth, nextSortOrder, nextSortOrders, splitIssues, spentParts, summarizeMonth, type SummaryInput } from '#shared/utils/month-rules'
import { IMPORT_TIMEOUT_MS, MAX_IMPORT_ROWS, formatTransactionsCsv, parseTransactionsCsv } from './transactions-csv'
import { currencyDecimals } from '#shared/utils/money'
import { spentPartsSql } from './spent-parts'

const monthFields = { id: true, budgetId: true, year: true, month: true, income: true, notes: true, version: true, createdAt: true, updatedAt: true } as const
const categoryFields = { id: true, monthId: true, name: true, budgeted: true, rollover: true, sortOrder: true, version: true } as const
const fixedPaymentFields = { id: true, monthId: true, name: true, amount: true, dueDay: true, paid: true, categoryId: true, version: true } as const
const splitFields = { select: { id: true, categoryId: true, amount: true, note: true }, orderBy: { position: 'asc' } } as const
const transactionFields = { id: true, monthId: true, categoryId: true, date: true, description: true, amount: true, splits: splitFields, importId: true, version: true, createdAt: true, createdBy: { select: { id: true, name: true } } } as const

const categoryOrder: Prisma.CategoryOrderByWithRelationInput[] = [{ sortOrder: 'asc' }, { name: 'asc' }, { id: 'asc' }]
const fixedPaymentOrder: Prisma.FixedPaymentOrderByWithRelationInput[] = [{ createdAt: 'asc' }, { seq: 'asc' }]
const transactionOrder: Prisma.TransactionOrderByWithRelationInput[] = [{ date: 'asc' }, { createdAt: 'asc' }, { seq: 'asc' }]

const toDate = (day: string) => new Date(`${day}T00:00:00.000Z`)
export const dayOf = (date: Date) => date.toISOString().slice(0, 10)

type TransactionRow = Omit<Transaction, 'date' | 'createdAt'> & { date: Date, createdAt: Date }
const presentTransaction = ({ date, createdAt, ...rest }: TransactionRow): Transaction => ({ ...rest, date: dayOf(date), createdAt: createdAt.toISOString() })

type MonthRow = Omit<Month, 'createdAt' | 'updatedAt'> & { createdAt: Date, updatedAt: Date }
const presentMonth = (row: MonthRow): Month => ({ ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() })

const detailSelect = {
  ...monthFields,
  categories: { select: categoryFields, orderBy: categoryOrder },
  fixedPayments: { select: fixedPaymentFields, orderBy: fixedPaymentOrder },
  transactions: { select: transactionFields, orderBy: transactionOrder },
} satisfies Prisma.MonthSelect

type DetailRow = MonthRow & { categories: Category[], fixedPayments: FixedPayment[], transactions: TransactionRow[] }
function presentDetail(row: DetailRow): MonthDetail {
  return { ...presentMonth(row), categories: row.categories, fixedPayments: row.fixedPayments, transactions: row.transactions.map(presentTransaction) }
}

export async function listMonths(db: ReadDb, caller: Caller, budgetId: string | undefined): Promise<Month[]> {
  const budget = chooseBudget(caller, budgetId)
  if (!budget) return []
  const rows = await db.month.findMany({ where: { budgetId: budget.id }, select: monthFields, orderBy: [{ year: 'desc' }, { month: 'desc' }] })
  return rows.map(presentMonth)
}

// A month of the caller's budgets (a member may read it).
const readableMonth = <T extends { budgetId: string }>(caller: Caller, row: T | null) => authorize(caller, 'viewer', 'Month', row, month => month.budgetId)

export async function getMonthDetail(db: ReadDb, caller: Caller, id: string): Promise<MonthDetail> {
  const row = isId(id) ? await db.month.findFirst({ where: { id, ...inCallerBudgets(caller) }, select: detailSelect }) : null
  return presentDetail(readableMonth(caller, row))
}

export async function getLatestMonthDetail(db: ReadDb, caller: Caller, budgetId: string | undefined): Promise<MonthDetail> {
  const budget = requireBudget(caller, budgetId, 'viewer')
  const row = await db.month.findFirst({ where: { budgetId: budget.id }, select: detailSelect, orderBy: [{ year: 'desc' }, { month: 'desc' }] })
  return presentDetail(readableMonth(caller, row))
}

// The month itself, in one of the caller's budgets where they hold `role`, with
// its budget's currency; or 404/403.
export async function requireMonth(db: ReadDb, caller: Caller, id: unknown, role: Role) {
  const month = isId(id)
    ? await db.month.findFirst({ where: { id, ...inCallerBudgets(caller) }, select: { id: true, year: true, month: true, budgetId: true, budget: { select: { currency: true } } } })
    : null
  return authorize(caller, role, 'Month', month, row => row.budgetId)
}

// Checks in the contract's order: the budget and the month to copy from (404;
// any of the caller's budgets), the role (403), then a month already there (409).
export async function createMonth(db: Db, caller: Caller, body: MonthCreate): Promise<MonthDetail> {
  const budget = chooseBudget(caller, body.budgetId)
  if (!budget) throw notFound('Budget')
  return db.$transaction(async (tx) => {
    if (body.copyFrom != null && !isId(body.copyFrom)) throw notFound('Month to copy from')
    const source = body.copyFrom == null
      ? null
      : await tx.month.findFirst({
          where: { id: body.copyFrom, ...inCallerBudgets(caller) },
          select: {
            categories: { select: { id: true, name: true, budgeted: true, rollover: true, sortOrder: true }, orderBy: categoryOrder },
            fixedPayments: { select: { name: true, amount: true, dueDay: true, categoryId: true }, orderBy: fixedPaymentOrder },
          },
        })
    if (body.copyFrom != null && !source) throw notFound('Month to copy from')
    authorize(caller, 'editor', 'Budget', budget, b => b.id)
    const taken = await tx.month.findFirst({ where: { budgetId: budget.id, year: body.year, month: body.month }, select: { id: true } })
    if (taken) throw conflict(`A budget for ${body.year}-${String(body.month).padStart(2, '0')} already exists.`)

    const month = await tx.month.create({
      data: { budgetId: budget.id, year: body.year, month: body.month, income: body.income ?? 0, notes: body.notes ?? '' },
      select: { id: true },
    })
    if (source) {
      const copy = copyOfMonth(source)
      const created = await tx.category.createManyAndReturn({
        data: copy.categories.map(category => ({ ...category, monthId: month.id })),
        select: { id: true, name: true },
      })
      const idOf = new Map(created.map(category => [category.name, category.id]))
      await tx.fixedPayment.createMany({
        data: copy.fixedPayments.map(({ categoryName, ...payment }) => ({ ...payment, monthId: month.id, categoryId: categoryName ? idOf.get(categoryName) ?? null : null })),
      })
    }
    return getMonthDetail(tx, caller, month.id)
  })
}

export async function updateMonth(db: Db, caller: Caller, id: string, { version, ...changes }: MonthPatch): Promise<Month> {
  const load = async () => {
    const row = isId(id) ? await db.month.findFirst({ where: { id, ...inCallerBudgets(caller) }, select: monthFields }) : null
    return row && presentMonth(row)
  }
  return updateVersioned({
    what: 'Month',
    load,
    guard: row => authorize(caller, 'editor', 'Month', row, month => month.budgetId),
    expectedVersion: version,
    write: async current => presentMonth(await db.month.update({
      where: { id, version: current.version },
      data: { ...changes, version: { increment: 1 } },
      select: monthFields,
    })),
  })
}

export async function deleteMonth(db: Db, caller: Caller, id: string) {
  const month = await requireMonth(db, caller, id, 'editor')
  const { count } = await db.month.deleteMany({ where: { id: month.id } })
  if (!count) throw notFound('Month')
}

type SummaryRow = SummaryInput['month'] & Omit<SummaryInput, 'month'>

// The month page's most frequent read, and every balance on the months list:
// one statement for one month or all of a budget's, with the sums PostgreSQL
// computes (no transaction row is loaded). A transaction spends through its
// splits when it has them.
//
// Rollover (shared/utils/rollover.ts states the rule) in the same statement:
// the categories of the budget's months up to the newest asked for are lined
// up by name; a category links to the one before it when that one is in the
// previous calendar month and rolls over. Each unbroken run is a chain, and a
// category's carriedIn is the sum of budgeted - spent over the earlier links of
// its chain. Only categories that roll over (and those of the months asked
// for) take part, and their spending is the sum each category keeps (its
// "spent", kept by triggers), so no earlier month's transaction is read.
// Names are only compared for equality here: byte order ("C") is enough.
async function summaries(db: ReadDb, where: Prisma.Sql): Promise<MonthSummary[]> {
  const rows = await db.$queryRaw<SummaryRow[]>`
    WITH target AS (SELECT m.id, m."budgetId", m.year, m.month, m.income FROM "Month" m WHERE ${where}),
    links AS (
      SELECT c.id, c."monthId", c.name, c.budgeted, c.spent, c."sortOrder", c.rollover, h."budgetId", h.year * 12 + h.month AS idx
      FROM "Month" h JOIN "Category" c ON c."monthId" = h.id
      WHERE h."budgetId" IN (SELECT "budgetId" FROM target)
        AND h.year * 12 + h.month <= (SELECT max(year * 12 + month) FROM target)
        AND (c.rollover OR h.id IN (SELECT id FROM target))
    ),
    linked AS (
      SELECT *, CASE WHEN lag(idx) OVER w = idx - 1 AND lag(rollover) OVER w THEN 0 ELSE 1 END AS starts
      FROM links WINDOW w AS (PARTITION BY "budgetId", name COLLATE "C" ORDER BY idx)
    ),
    chained AS (SELECT *, sum(starts) OVER (PARTITION BY "budgetId", name COLLATE "C" ORDER BY idx) AS chain FROM linked),
    carried AS (
      SELECT id, "monthId", name, budgeted, "sortOrder",
        coalesce(sum(budgeted - spent) OVER (PARTITION BY "budgetId", name COLLATE "C", chain ORDER BY idx ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS "carriedIn"
      FROM chained
    )
    SELECT m.id, m.year, m.month, m.income,
      coalesce((SELECT json_agg(json_build_object('id', c.id, 'name', c.name, 'budgeted', c.budgeted, 'carriedIn', c."carriedIn") ORDER BY c."sortOrder", c.name, c.id)
        FROM carried c WHERE c."monthId" = m.id), '[]') AS categories,
      coalesce((SELECT json_agg(json_build_object('categoryId', s."categoryId", 'spent', s.spent))
        FROM (SELECT "categoryId", sum(amount) AS spent FROM (${spentPartsSql(Prisma.sql`t."monthId" = m.id`)}) parts GROUP BY 1) s), '[]') AS "spentByCategory",
      coalesce((SELECT json_agg(json_build_object('paid', f.paid, 'amount', f.amount))
        FROM (SELECT paid, sum(amount) AS amount FROM "FixedPayment" WHERE "monthId" = m.id GROUP BY 1) f), '[]') AS "fixedByPaid"
    FROM target m`
  // Newest first, sorted here (a raw read keeps no order: server/utils/read-only.ts).
  return rows.sort((a, b) => b.year - a.year || b.month - a.month)
    .map(row => summarizeMonth({ month: row, categories: row.categories, spentByCategory: row.spentByCategory, fixedByPaid: row.fixedByPaid }))
}

export async function listMonthSummaries(db: ReadDb, caller: Caller, budgetId: string | undefined): Promise<MonthSummary[]> {
  const budget = chooseBudget(caller, budgetId)
  return budget ? summaries(db, Prisma.sql`m."budgetId" = ${budget.id}::uuid`) : []
}

// Any member reads a month, so the caller's budgets are the whole check.
export async function getMonthSummary(db: ReadDb, caller: Caller, id: string): Promise<MonthSummary> {
  if (!isId(id)) throw notFound('Month')
  const budgetIds = caller.budgets.map(budget => budget.id)
  const [summary] = await summaries(db, Prisma.sql`m.id = ${id}::uuid AND m."budgetId" = ANY(${budgetIds}::uuid[])`)
  if (!summary) throw notFound('Month')
  return summary
}

// The categories of the month among `ids`, locked against deletion until the
// writing transaction ends. deleteCategory locks its category first, so a
// category deleted meanwhile is simply not found here (400), and a write that
// came first is seen (and uncategorized, version + 1) by the delete.
async function lockCategoriesOfMonth(tx: Client, monthId: string, ids: (string | null | undefined)[]): Promise<Set<string>> {
  const wanted = [...new Set(ids.filter(isId))]
  if (!wanted.length) return new Set()
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id::text FROM "Category" WHERE id = ANY(${wanted}::uuid[]) AND "monthId" = ${monthId}::uuid FOR KEY SHARE`
  return new Set(rows.map(row => row.id))
}

const NOT_OF_MONTH = 'Must be a category of the same month'

// A categoryId that a record points at must be a category of its month: 400 otherwise.
async function checkCategoryOfMonth(tx: Client, monthId: string, categoryId: string | null | undefined) {
  if (categoryId == null) return
  if (!(await lockCategoriesOfMonth(tx, monthId, [categoryId])).has(categoryId)) throw invalid('categoryId', NOT_OF_MONTH)
}

async function checkNameFree(db: Client, monthId: string, name: string, exceptId?: string) {
  const clash = await db.category.findFirst({ where: { monthId, name, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } })
  if (clash) throw conflict(`This month already has a category named "${name}".`)
}

// A month's rows are reached through their month's budget.
const inCallerMonths = (caller: Caller) => ({ month: inCallerBudgets(caller) })
const withBudget = { month: { select: { budgetId: true } } } as const
const editable = (caller: Caller, what: string) => <T extends { month: { budgetId: string } }>(row: T | null) => authorize(caller, 'editor', what, row, r => r.month.budgetId)
const withoutMonth = <T extends { month: unknown }>({ month: _, ...row }: T): Omit<T, 'month'> => row

export async function createCategory(db: Db, caller: Caller, body: CategoryCreate): Promise<Category> {
  const month = await requireMonth(db, caller, body.monthId, 'editor')
  await checkNameFree(db, month.id, body.name)
  const sortOrder = body.sortOrder ?? nextSortOrder((await db.category.findMany({ where: { monthId: month.id }, select: { sortOrder: true } })).map(row => row.sortOrder))
  return db.category.create({ data: { monthId: month.id, name: body.name, budgeted: body.budgeted, rollover: body.rollover ?? false, sortOrder }, select: categoryFields })
}

export async function updateCategory(db: Db, caller: Caller, id: string, { version, ...changes }: CategoryPatch): Promise<Category> {
  const select = { ...categoryFields, ...withBudget }
  return updateVersioned({
    what: 'Category',
    load: async () => isId(id) ? db.category.findFirst({ where: { id, ...inCallerMonths(caller) }, select }) : null,
    guard: editable(caller, 'Category'),
    expectedVersion: version,
    validate: current => changes.name === undefined ? undefined : checkNameFree(db, current.monthId, changes.name, current.id),
    write: current => db.category.update({ where: { id, version: current.version }, data: { ...changes, version: { increment: 1 } }, select }),
    present: withoutMonth,
  })
}

// Its transactions, splits and fixed payments become uncategorized: a change to
// their own field (a split's is its transaction's), so their versions move too.
// The category is locked first, so no write can point at it meanwhile
// (lockCategoriesOfMonth).
export async function deleteCategory(db: Db, caller: Caller, id: string) {
  editable(caller, 'Category')(isId(id) ? await db.category.findFirst({ where: { id, ...inCallerMonths(caller) }, select: withBudget }) : null)
  const uncategorize = { categoryId: null, version: { increment: 1 } }
  await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "Category" WHERE id = ${id}::uuid FOR UPDATE`
    await tx.transaction.updateMany({ where: { categoryId: id }, data: uncategorize })
    await tx.transaction.updateMany({ where: { splits: { some: { categoryId: id } } }, data: { version: { increment: 1 } } })
    await tx.split.updateMany({ where: { categoryId: id }, data: { categoryId: null } })
    await tx.fixedPayment.updateMany({ where: { categoryId: id }, data: uncategorize })
    await tx.category.delete({ where: { id } })
  })
}

export async function createFixedPayment(db: Db, caller: Caller, body: FixedPaymentCreate): Promise<FixedPayment> {
  const month = await requireMonth(db, caller, body.monthId, 'editor')
  return db.$transaction(async (tx) => {
    await checkCategoryOfMonth(tx, month.id, body.categoryId)
    return tx.fixedPayment.create({
      data: { monthId: month.id, name: body.name, amount: body.amount, dueDay: body.dueDay ?? null, paid: body.paid ?? false, categoryId: body.categoryId ?? null },
      select: fixedPaymentFields,
    })
  })
}

export async function updateFixedPayment(db: Db, caller: Caller, id: string, { version, ...changes }: FixedPaymentPatch): Promise<FixedPayment> {
  const select = { ...fixedPaymentFields, ...withBudget }
  return db.$transaction(tx => updateVersioned({
    what: 'Fixed payment',
    load: async () => isId(id) ? tx.fixedPayment.findFirst({ where: { id, ...inCallerMonths(caller) }, select }) : null,
    guard: editable(caller, 'Fixed payment'),
    expectedVersion: version,
    validate: current => checkCategoryOfMonth(tx, current.monthId, changes.categoryId),
    write: current => tx.fixedPayment.update({ where: { id, version: current.version }, data: { ...changes, version: { increment: 1 } }, select }),
    present: withoutMonth,
  }))
}

export async function deleteFixedPayment(db: Db, caller: Caller, id: string) {
  editable(caller, 'Fixed payment')(isId(id) ? await db.fixedPayment.findFirst({ where: { id, ...inCallerMonths(caller) }, select: withBudget }) : null)
  const { count } = await db.fixedPayment.deleteMany({ where: { id } })
  if (!count) throw notFound('Fixed payment')
}

function checkDateInMonth(date: string, month: { year: number, month: number }) {
  if (!isInMonth(date, month.year, month.month)) throw invalid('date', `Must be a day of ${month.year}-${String(month.month).padStart(2, '0')}`)
}

type SplitInput = NonNullable<TransactionCreate['splits']>[number]

// A split transaction as it would be afterwards: 2–50 parts adding up to its
// amount, its own category null, and each part's category one of its month's.
async function checkSplits(tx: Client, monthId: string, transaction: { amount: number, categoryId: string | null, splits: { amount: number, categoryId?: string | null }[] }) {
  const issues = splitIssues(transaction)
  const known = await lockCategoriesOfMonth(tx, monthId, transaction.splits.map(split => split.categoryId))
  transaction.splits.forEach((split, i) => {
    if (split.categoryId != null && !known.has(split.categoryId)) issues.push({ path: `splits.${i}.categoryId`, message: NOT_OF_MONTH })
  })
  if (issues.length) throw invalidAll(issues)
}

// New records for the whole list, in the order sent.
const splitRows = (splits: SplitInput[]) => splits.map((split, position) => ({ position, amount: split.amount, categoryId: split.categoryId ?? null, note: split.note ?? '' }))

export async function createTransaction(db: Db, caller: Caller, body: TransactionCreate): Promise<Transaction> {
  const month = await requireMonth(db, caller, body.monthId, 'editor')
  checkDateInMonth(body.date, month)
  const splits = body.splits ?? []
  return db.$transaction(async (tx) => {
    await checkCategoryOfMonth(tx, month.id, body.categoryId)
    await checkSplits(tx, month.id, { amount: body.amount, categoryId: body.categoryId ?? null, splits })
    return presentTransaction(await tx.transaction.create({
      data: {
        monthId: month.id,
        date: toDate(body.date),
        description: body.description ?? '',
        amount: body.amount,
        categoryId: body.categoryId ?? null,
        createdById: caller.user.id,
        splits: { create: splitRows(splits) },
      },
      select: transactionFields,
    }))
  })
}

// A new list of splits replaces the old one (new ids); any change to them or
// to the amount is checked against the whole transaction as it would be.
export async function updateTransaction(db: Db, caller: Caller, id: string, { version, date, splits, ...changes }: TransactionPatch): Promise<Transaction> {
  const select = { ...transactionFields, month: { select: { year: true, month: true, budgetId: true } } } as const
  return db.$transaction(tx => updateVersioned({
    what: 'Transaction',
    load: async () => isId(id) ? tx.transaction.findFirst({ where: { id, ...inCallerMonths(caller) }, select }) : null,
    guard: editable(caller, 'Transaction'),
    expectedVersion: version,
    validate: async (current) => {
      if (date !== undefined) checkDateInMonth(date, current.month)
      await checkCategoryOfMonth(tx, current.monthId, changes.categoryId)
      await checkSplits(tx, current.monthId, {
        amount: changes.amount ?? current.amount,
        categoryId: changes.categoryId === undefined ? current.categoryId : changes.categoryId,
        splits: splits ?? current.splits,
      })
    },
    write: current => tx.transaction.update({
      where: { id, version: current.version },
      data: {
        ...changes,
        ...(date === undefined ? {} : { date: toDate(date) }),
        ...(splits === undefined ? {} : { splits: { deleteMany: {}, create: splitRows(splits) } }),
        version: { increment: 1 },
      },
      select,
    }),
    present: row => presentTransaction(withoutMonth(row)),
  }))
}

export async function deleteTransaction(db: Db, caller: Caller, id: string) {
  editable(caller, 'Transaction')(isId(id) ? await db.transaction.findFirst({ where: { id, ...inCallerMonths(caller) }, select: withBudget }) : null)
  const { count } = await db.transaction.deleteMany({ where: { id } })
  if (!count) throw notFound('Transaction')
}

// Amounts in the budget's currency.
export async function exportTransactionsCsv(db: ReadDb, caller: Caller, id: string) {
  const month = await requireMonth(db, caller, id, 'viewer')
  const category = { select: { name: true } } as const
  const rows = await db.transaction.findMany({
    where: { monthId: month.id },
    select: { date: true, description: true, amount: true, category, splits: { select: { amount: true, category }, orderBy: { position: 'asc' } } },
    orderBy: transactionOrder,
  })
  // One line per split: the transaction's date and description, the part's amount and category.
  const lines = rows.flatMap(row => spentParts(row).map(part => ({ date: dayOf(row.date), description: row.description, amount: part.amount, categoryName: part.category?.name ?? '' })))
  const csv = formatTransactionsCsv(lines, currencyDecimals(month.budget.currency))
  return { csv, filename: `transactions-${month.year}-${String(month.month).padStart(2, '0')}.csv` }
}

// All or nothing: the categories the file names that the month lacks are
// created (budgeted 0, after the last one, in order of first mention), then
// every row, in file order.
export async function importTransactionsCsv(db: Db, caller: Caller, id: string, csv: string) {
  const month = await requireMonth(db, caller, id, 'editor')
  const parsed = parseTransactionsCsv(csv, month, currencyDecimals(month.budget.currency))
  if (!parsed.ok && parsed.tooMany) throw createError({ statusCode: 413, message: `A file may hold at most ${MAX_IMPORT_ROWS} transactions.` })
  if (!parsed.ok) throw createError({ statusCode: 400, message: `The file has ${parsed.issues.length} bad row${parsed.issues.length === 1 ? '' : 's'}; nothing was imported.`, data: { issues: parsed.issues } })

  return db.$transaction(async (tx) => {
    const existing = await tx.category.findMany({ where: { monthId: month.id }, select: { id: true, name: true, sortOrder: true } })
    const idOf = new Map(existing.map(category => [category.name, category.id]))
    const missing = [...new Set(parsed.rows.map(row => row.categoryName).filter(name => name && !idOf.has(name)))]
    const orders = nextSortOrders(existing.map(category => category.sortOrder), missing.length)
    const created = missing.length
      ? await tx.category.createManyAndReturn({ data: missing.map((name, i) => ({ monthId: month.id, name, budgeted: 0, sortOrder: orders[i]! })), select: { id: true, name: true } })
      : []
    for (const category of created) idOf.set(category.name, category.id)
    const { count } = await tx.transaction.createMany({
      data: parsed.rows.map(row => ({ monthId: month.id, date: toDate(row.date), description: row.description, amount: row.amount, categoryId: row.categoryName ? idOf.get(row.categoryName)! : null, createdById: caller.user.id })),
    })
    return { imported: count, createdCategories: missing }
  }, { timeout: IMPORT_TIMEOUT_MS })
}
