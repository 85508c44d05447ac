// Monthly budgets: every query is scoped by the owner, so another user's id
// answers exactly like an id that does not exist.
import { Prisma } from '../generated/prisma/client'
import type { Db } from '../utils/db'
import type { ReadDb } from '../utils/read-only'
import type { Category, CategoryCreate, CategoryPatch, FixedPayment, FixedPaymentCreate, FixedPaymentPatch, Month, MonthCreate, MonthDetail, MonthPatch, MonthSummary, Transaction, TransactionCreate, TransactionPatch } from '#shared/schemas/months'
import { conflict, invalid, isId, notFound, updateVersioned } from './errors'
import { copyOfMonth, isInMonth, nextSortOrder, nextSortOrders, summarizeMonth, type SummaryInput } from '#shared/utils/month-rules'
import { MAX_IMPORT_ROWS, formatTransactionsCsv, parseTransactionsCsv } from './transactions-csv'
import { currencyDecimals } from '#shared/utils/money'

type Client = Db | Parameters<Parameters<Db['$transaction']>[0]>[0]

const monthFields = { id: true, year: true, month: true, income: true, notes: true, version: true, createdAt: true, updatedAt: true } as const
const categoryFields = { id: true, monthId: true, name: true, budgeted: true, sortOrder: true, version: true } as const
const fixedPaymentFields = { id: true, monthId: true, name: true, amount: true, dueDay: true, paid: true, categoryId: true, version: true } as const
const transactionFields = { id: true, monthId: true, categoryId: true, date: true, description: true, amount: true, version: true, createdAt: true } as const

const categoryOrder: Prisma.CategoryOrderByWithRelationInput[] = [{ sortOrder: 'asc' }, { name: 'asc' }, { id: 'asc' }]
const fixedPaymentOrder: Prisma.FixedPaymentOrderByWithRelationInput[] = [{ createdAt: 'asc' }, { seq: 'asc' }]
const transactionOrder: Prisma.TransactionOrderByWithRelationInput[] = [{ date: 'asc' }, { createdAt: 'asc' }, { seq: 'asc' }]

const toDate = (day: string) => new Date(`${day}T00:00:00.000Z`)
const dayOf = (date: Date) => date.toISOString().slice(0, 10)

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

export async function listMonths(db: ReadDb, userId: string): Promise<Month[]> {
  const rows = await db.month.findMany({ where: { userId }, select: monthFields, orderBy: [{ year: 'desc' }, { month: 'desc' }] })
  return rows.map(presentMonth)
}

export async function getMonthDetail(db: ReadDb, userId: string, id: string): Promise<MonthDetail> {
  const row = isId(id) ? await db.month.findFirst({ where: { id, userId }, select: detailSelect }) : null
  if (!row) throw notFound('Month')
  return presentDetail(row)
}

export async function getLatestMonthDetail(db: ReadDb, userId: string): Promise<MonthDetail> {
  const row = await db.month.findFirst({ where: { userId }, select: detailSelect, orderBy: [{ year: 'desc' }, { month: 'desc' }] })
  if (!row) throw notFound('Month')
  return presentDetail(row)
}

// The month itself, owned by userId, or 404.
export async function requireMonth(db: ReadDb, userId: string, id: unknown) {
  const month = isId(id) ? await db.month.findFirst({ where: { id, userId }, select: { id: true, year: true, month: true } }) : null
  if (!month) throw notFound('Month')
  return month
}

export async function createMonth(db: Db, userId: string, body: MonthCreate): Promise<MonthDetail> {
  return db.$transaction(async (tx) => {
    if (body.copyFrom != null && !isId(body.copyFrom)) throw notFound('Month to copy from')
    const source = body.copyFrom == null
      ? null
      : await tx.month.findFirst({
          where: { id: body.copyFrom, userId },
          select: {
            categories: { select: { id: true, name: true, budgeted: true, sortOrder: true }, orderBy: categoryOrder },
            fixedPayments: { select: { name: true, amount: true, dueDay: true, categoryId: true }, orderBy: fixedPaymentOrder },
          },
        })
    if (body.copyFrom != null && !source) throw notFound('Month to copy from')
    const taken = await tx.month.findFirst({ where: { userId, year: body.year, month: body.month }, select: { id: true } })
    if (taken) throw conflict(`A budget for ${body.year}-${String(body.month).padStart(2, '0')} already exists.`)

    const month = await tx.month.create({
      data: { userId, year: body.year, month: body.month, income: body.income ?? 0, notes: body.notes ?? '' },
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
    return getMonthDetail(tx, userId, month.id)
  })
}

export async function updateMonth(db: Db, userId: string, id: string, { version, ...changes }: MonthPatch): Promise<Month> {
  const load = async () => {
    const row = isId(id) ? await db.month.findFirst({ where: { id, userId }, select: monthFields }) : null
    return row && presentMonth(row)
  }
  return updateVersioned({
    what: 'Month',
    load,
    expectedVersion: version,
    write: async current => presentMonth(await db.month.update({
      where: { id, version: current.version },
      data: { ...changes, version: { increment: 1 } },
      select: monthFields,
    })),
  })
}

export async function deleteMonth(db: Db, userId: string, id: string) {
  const { count } = isId(id) ? await db.month.deleteMany({ where: { id, userId } }) : { count: 0 }
  if (!count) throw notFound('Month')
}

type SummaryRow = SummaryInput['month'] & Omit<SummaryInput, 'month'>

// The month page's most frequent read, and every balance on the months list:
// one statement for one month or all of a user's, newest first, with the sums
// PostgreSQL computes (no transaction row is loaded).
export async function listMonthSummaries(db: ReadDb, userId: string, monthId?: string): Promise<MonthSummary[]> {
  const rows = await db.$queryRaw<SummaryRow[]>`
    SELECT m.id, m.year, m.month, m.income,
      coalesce((SELECT json_agg(json_build_object('id', c.id, 'name', c.name, 'budgeted', c.budgeted) ORDER BY c."sortOrder", c.name, c.id)
        FROM "Category" c WHERE c."monthId" = m.id), '[]') AS categories,
      coalesce((SELECT json_agg(json_build_object('categoryId', s."categoryId", 'spent', s.spent))
        FROM (SELECT "categoryId", sum(amount) AS spent FROM "Transaction" WHERE "monthId" = m.id GROUP BY 1) s), '[]') AS "spentByCategory",
      coalesce((SELECT json_agg(json_build_object('paid', f.paid, 'amount', f.amount))
        FROM (SELECT paid, sum(amount) AS amount FROM "FixedPayment" WHERE "monthId" = m.id GROUP BY 1) f), '[]') AS "fixedByPaid"
    FROM "Month" m WHERE m."userId" = ${userId}::uuid ${monthId !== undefined ? Prisma.sql`AND m.id = ${monthId}::uuid` : Prisma.empty}`
  // Newest first, sorted here (a raw read keeps no order: server/utils/read-only.ts).
  return rows.sort((a, b) => b.year - a.year || b.month - a.month)
    .map(row => summarizeMonth({ month: row, categories: row.categories, spentByCategory: row.spentByCategory, fixedByPaid: row.fixedByPaid }))
}

export async function getMonthSummary(db: ReadDb, userId: string, id: string): Promise<MonthSummary> {
  if (!isId(id)) throw notFound('Month')
  const [summary] = await listMonthSummaries(db, userId, id)
  if (!summary) throw notFound('Month')
  return summary
}

// A categoryId that a record points at must be a category of its month: 400 otherwise.
async function checkCategoryOfMonth(db: Client, monthId: string, categoryId: string | null | undefined) {
  if (categoryId == null) return
  const category = isId(categoryId) ? await db.category.findFirst({ where: { id: categoryId, monthId }, select: { id: true } }) : null
  if (!category) throw invalid('categoryId', 'Must be a category of the same month')
}

async function checkNameFree(db: Client, monthId: string, name: string, exceptId?: string) {
  const clash = await db.category.findFirst({ where: { monthId, name, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } })
  if (clash) throw conflict(`This month already has a category named "${name}".`)
}

const ownedBy = (userId: string) => ({ month: { userId } })

export async function createCategory(db: Db, userId: string, body: CategoryCreate): Promise<Category> {
  const month = await requireMonth(db, userId, body.monthId)
  await checkNameFree(db, month.id, body.name)
  const sortOrder = body.sortOrder ?? nextSortOrder((await db.category.findMany({ where: { monthId: month.id }, select: { sortOrder: true } })).map(row => row.sortOrder))
  return db.category.create({ data: { monthId: month.id, name: body.name, budgeted: body.budgeted, sortOrder }, select: categoryFields })
}

export async function updateCategory(db: Db, userId: string, id: string, { version, ...changes }: CategoryPatch): Promise<Category> {
  return updateVersioned({
    what: 'Category',
    load: async () => isId(id) ? db.category.findFirst({ where: { id, ...ownedBy(userId) }, select: categoryFields }) : null,
    expectedVersion: version,
    validate: current => changes.name === undefined ? undefined : checkNameFree(db, current.monthId, changes.name, current.id),
    write: current => db.category.update({ where: { id, version: current.version }, data: { ...changes, version: { increment: 1 } }, select: categoryFields }),
  })
}

// Its transactions and fixed payments become uncategorized: a change to their
// own field, so their versions move too.
export async function deleteCategory(db: Db, userId: string, id: string) {
  const category = isId(id) ? await db.category.findFirst({ where: { id, ...ownedBy(userId) }, select: { id: true } }) : null
  if (!category) throw notFound('Category')
  const uncategorize = { categoryId: null, version: { increment: 1 } }
  await db.$transaction([
    db.transaction.updateMany({ where: { categoryId: id }, data: uncategorize }),
    db.fixedPayment.updateMany({ where: { categoryId: id }, data: uncategorize }),
    db.category.delete({ where: { id } }),
  ])
}

export async function createFixedPayment(db: Db, userId: string, body: FixedPaymentCreate): Promise<FixedPayment> {
  const month = await requireMonth(db, userId, body.monthId)
  await checkCategoryOfMonth(db, month.id, body.categoryId)
  return db.fixedPayment.create({
    data: { monthId: month.id, name: body.name, amount: body.amount, dueDay: body.dueDay ?? null, paid: body.paid ?? false, categoryId: body.categoryId ?? null },
    select: fixedPaymentFields,
  })
}

export async function updateFixedPayment(db: Db, userId: string, id: string, { version, ...changes }: FixedPaymentPatch): Promise<FixedPayment> {
  return updateVersioned({
    what: 'Fixed payment',
    load: async () => isId(id) ? db.fixedPayment.findFirst({ where: { id, ...ownedBy(userId) }, select: fixedPaymentFields }) : null,
    expectedVersion: version,
    validate: current => checkCategoryOfMonth(db, current.monthId, changes.categoryId),
    write: current => db.fixedPayment.update({ where: { id, version: current.version }, data: { ...changes, version: { increment: 1 } }, select: fixedPaymentFields }),
  })
}

export async function deleteFixedPayment(db: Db, userId: string, id: string) {
  const { count } = isId(id) ? await db.fixedPayment.deleteMany({ where: { id, ...ownedBy(userId) } }) : { count: 0 }
  if (!count) throw notFound('Fixed payment')
}

function checkDateInMonth(date: string, month: { year: number, month: number }) {
  if (!isInMonth(date, month.year, month.month)) throw invalid('date', `Must be a day of ${month.year}-${String(month.month).padStart(2, '0')}`)
}

export async function createTransaction(db: Db, userId: string, body: TransactionCreate): Promise<Transaction> {
  const month = await requireMonth(db, userId, body.monthId)
  checkDateInMonth(body.date, month)
  await checkCategoryOfMonth(db, month.id, body.categoryId)
  return presentTransaction(await db.transaction.create({
    data: { monthId: month.id, date: toDate(body.date), description: body.description ?? '', amount: body.amount, categoryId: body.categoryId ?? null },
    select: transactionFields,
  }))
}

export async function updateTransaction(db: Db, userId: string, id: string, { version, date, ...changes }: TransactionPatch): Promise<Transaction> {
  const select = { ...transactionFields, month: { select: { year: true, month: true } } } as const
  return updateVersioned({
    what: 'Transaction',
    load: async () => isId(id) ? db.transaction.findFirst({ where: { id, ...ownedBy(userId) }, select }) : null,
    expectedVersion: version,
    validate: async (current) => {
      if (date !== undefined) checkDateInMonth(date, current.month)
      await checkCategoryOfMonth(db, current.monthId, changes.categoryId)
    },
    write: current => db.transaction.update({
      where: { id, version: current.version },
      data: { ...changes, ...(date === undefined ? {} : { date: toDate(date) }), version: { increment: 1 } },
      select,
    }),
    present: ({ month: _, ...row }) => presentTransaction(row),
  })
}

export async function deleteTransaction(db: Db, userId: string, id: string) {
  const { count } = isId(id) ? await db.transaction.deleteMany({ where: { id, ...ownedBy(userId) } }) : { count: 0 }
  if (!count) throw notFound('Transaction')
}

export async function exportTransactionsCsv(db: ReadDb, userId: string, id: string, currency: string) {
  const month = await requireMonth(db, userId, id)
  const rows = await db.transaction.findMany({
    where: { monthId: month.id },
    select: { date: true, description: true, amount: true, category: { select: { name: true } } },
    orderBy: transactionOrder,
  })
  const csv = formatTransactionsCsv(rows.map(row => ({ date: dayOf(row.date), description: row.description, amount: row.amount, categoryName: row.category?.name ?? '' })), currencyDecimals(currency))
  return { csv, filename: `transactions-${month.year}-${String(month.month).padStart(2, '0')}.csv` }
}

// All or nothing: the categories the file names that the month lacks are
// created (budgeted 0, after the last one, in order of first mention), then
// every row, in file order.
export async function importTransactionsCsv(db: Db, userId: string, id: string, csv: string, currency: string) {
  const month = await requireMonth(db, userId, id)
  const parsed = parseTransactionsCsv(csv, month, currencyDecimals(currency))
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
      data: parsed.rows.map(row => ({ monthId: month.id, date: toDate(row.date), description: row.description, amount: row.amount, categoryId: row.categoryName ? idOf.get(row.categoryName)! : null })),
    })
    return { imported: count, createdCategories: missing }
  })
}
