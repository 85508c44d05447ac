// Monthly budget rules as plain functions: no database, no HTTP. The API and
// the month page share them, so the page's figures are the server's.
import type { CategorySummary, MonthSummary } from '#shared/schemas/months'
import type { Issue } from '#shared/schemas/common'
import { MAX_SORT_ORDER, MAX_SPLITS, MIN_SPLITS } from '#shared/schemas/limits'

export interface SummaryInput {
  month: { id: string, year: number, month: number, income: number }
  // carriedIn: what the category of the same name brought from last month.
  categories: { id: string, name: string, budgeted: number, carriedIn: number }[]
  spentByCategory: { categoryId: string | null, spent: number }[]
  fixedByPaid: { paid: boolean, amount: number }[]
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0)

export function summarizeMonth({ month, categories, spentByCategory, fixedByPaid }: SummaryInput): MonthSummary {
  const spentOf = new Map(spentByCategory.map(row => [row.categoryId, row.spent]))
  const rows: CategorySummary[] = categories.map((category) => {
    const spent = spentOf.get(category.id) ?? 0
    return {
      categoryId: category.id,
      name: category.name,
      budgeted: category.budgeted,
      spent,
      remaining: category.budgeted - spent,
      carriedIn: category.carriedIn,
      available: category.carriedIn + category.budgeted - spent,
    }
  })
  const budgeted = sum(categories.map(category => category.budgeted))
  const spent = sum(spentByCategory.map(row => row.spent))
  const fixed = sum(fixedByPaid.map(row => row.amount))
  return {
    monthId: month.id,
    year: month.year,
    month: month.month,
    income: month.income,
    budgeted,
    spent,
    fixed,
    fixedPaid: sum(fixedByPaid.filter(row => row.paid).map(row => row.amount)),
    uncategorizedSpent: spentOf.get(null) ?? 0,
    available: month.income - fixed - budgeted,
    remaining: budgeted - spent,
    balance: month.income - fixed - spent,
    carriedIn: sum(categories.map(category => category.carriedIn)),
    categories: rows,
  }
}

export interface PlanToCopy {
  categories: { id: string, name: string, budgeted: number, rollover: boolean, sortOrder: number }[]
  fixedPayments: { name: string, amount: number, dueDay: number | null, categoryId: string | null }[]
}

// What a new month takes from the one it copies: categories as they are, fixed
// payments unpaid and pointing at the copies of their categories (by name,
// which is unique within a month). Transactions are not copied.
export function copyOfMonth(source: PlanToCopy) {
  const nameOf = new Map(source.categories.map(category => [category.id, category.name]))
  return {
    categories: source.categories.map(({ name, budgeted, rollover, sortOrder }) => ({ name, budgeted, rollover, sortOrder })),
    fixedPayments: source.fixedPayments.map(payment => ({
      name: payment.name,
      amount: payment.amount,
      dueDay: payment.dueDay,
      paid: false,
      categoryName: payment.categoryId ? nameOf.get(payment.categoryId) ?? null : null,
    })),
  }
}

// "YYYY-MM-DD" lies in the given month.
export function isInMonth(date: string, year: number, month: number) {
  return date.startsWith(`${year}-${String(month).padStart(2, '0')}-`)
}

// The sortOrders of `count` new records after every other one in the list,
// never past the contract's limit: at the limit they tie with the last one
// (ties go by name).
export function nextSortOrders(existing: number[], count: number): number[] {
  const last = existing.length ? existing.reduce((max, order) => Math.max(max, order)) : -1
  return Array.from({ length: count }, (_, i) => Math.min(last + 1 + i, MAX_SORT_ORDER))
}

export function nextSortOrder(existing: number[]): number {
  return nextSortOrders(existing, 1)[0]!
}

interface DetailLike {
  id: string
  year: number
  month: number
  income: number
  categories: { id: string, name: string, budgeted: number }[]
  fixedPayments: { amount: number, paid: boolean }[]
  transactions: { amount: number, categoryId: string | null, splits: { amount: number, categoryId: string | null }[] }[]
}

// The summary of a month already loaded whole (the month page), by the same
// rules the summary route applies to PostgreSQL's sums. What each category
// carried in comes from earlier months, which the page does not hold: it is
// looked up by name (the summary route's answer).
export function summarizeDetail(detail: DetailLike, carriedIn: (name: string) => number = () => 0): MonthSummary {
  const spent = new Map<string | null, number>()
  for (const part of detail.transactions.flatMap(spentParts)) spent.set(part.categoryId, (spent.get(part.categoryId) ?? 0) + part.amount)
  const fixed = new Map<boolean, number>()
  for (const payment of detail.fixedPayments) fixed.set(payment.paid, (fixed.get(payment.paid) ?? 0) + payment.amount)
  return summarizeMonth({
    month: detail,
    categories: detail.categories.map(category => ({ ...category, carriedIn: carriedIn(category.name) })),
    spentByCategory: [...spent].map(([categoryId, amount]) => ({ categoryId, spent: amount })),
    fixedByPaid: [...fixed].map(([paid, amount]) => ({ paid, amount })),
  })
}

// What a transaction spends, and where: its splits, or itself when it has none.
export function spentParts<Part>(transaction: Part & { splits: Part[] }): Part[] {
  return transaction.splits.length ? transaction.splits : [transaction]
}

// What is left to assign to a split's parts (0 when they add up).
export function unassigned(amount: number, splits: { amount: number }[]) {
  return amount - splits.reduce((total, split) => total + split.amount, 0)
}

// The rules a split transaction must meet, as it would be after a change.
export function splitIssues(transaction: { amount: number, categoryId: string | null, splits: { amount: number }[] }): Issue[] {
  const { splits } = transaction
  if (!splits.length) return []
  const issues: Issue[] = []
  if (splits.length < MIN_SPLITS || splits.length > MAX_SPLITS) issues.push({ path: 'splits', message: `A split transaction has ${MIN_SPLITS} to ${MAX_SPLITS} parts (${splits.length} given); send [] to un-split it` })
  const left = unassigned(transaction.amount, splits)
  if (left !== 0) issues.push({ path: 'splits', message: `The parts add up to ${transaction.amount - left}, but the transaction's amount is ${transaction.amount} (in minor units)` })
  if (transaction.categoryId !== null) issues.push({ path: 'categoryId', message: 'Must be null on a split transaction (each part has its own category)' })
  return issues
}

export function monthName(year: number, month: number, locale: string) {
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, 1))
}

export function daysInMonth(year: number, month: number) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

// Today if it lies in the month, else the month's first day.
export function defaultTransactionDate(year: number, month: number, today = new Date()) {
  const pad = (n: number) => String(n).padStart(2, '0')
  const local = `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`
  return isInMonth(local, year, month) ? local : `${year}-${pad(month)}-01`
}

// Where the day `today` ("YYYY-MM-DD") stands to a month: inside it with so
// many days left, today included; after it; or before it, so many days ahead.
export function monthProgress(year: number, month: number, today: string): { when: 'now' | 'past' | 'future', days: number } {
  const DAY = 86_400_000
  const start = Date.UTC(year, month - 1, 1)
  const end = Date.UTC(year, month, 1)
  const day = Date.parse(`${today}T00:00:00Z`)
  if (day >= end) return { when: 'past', days: 0 }
  if (day < start) return { when: 'future', days: (start - day) / DAY }
  return { when: 'now', days: (end - day) / DAY }
}
