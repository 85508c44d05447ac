// Monthly budget rules as plain functions: no database, no HTTP. The API and
// the month page share them, so the page's figures are the server's.
import type { CategorySummary, MonthSummary } from '#shared/schemas/months'
import { MAX_SORT_ORDER } from '#shared/schemas/common'

export interface SummaryInput {
  month: { id: string, year: number, month: number, income: number }
  categories: { id: string, name: string, budgeted: number }[]
  spentByCategory: { categoryId: string | null, spent: number }[]
  fixedByPaid: { paid: boolean, amount: number }[]
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0)

export function summarizeMonth({ month, categories, spentByCategory, fixedByPaid }: SummaryInput): MonthSummary {
  const spentOf = new Map(spentByCategory.map(row => [row.categoryId, row.spent]))
  const rows: CategorySummary[] = categories.map((category) => {
    const spent = spentOf.get(category.id) ?? 0
    return { categoryId: category.id, name: category.name, budgeted: category.budgeted, spent, remaining: category.budgeted - spent }
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
    categories: rows,
  }
}

export interface PlanToCopy {
  categories: { id: string, name: string, budgeted: number, sortOrder: number }[]
  fixedPayments: { name: string, amount: number, dueDay: number | null, categoryId: string | null }[]
}

// What a new month takes from the one it copies: categories as they are, fixed
// payments unpaid and pointing at the copies of their categories (by name,
// which is unique within a month). Transactions are not copied.
export function copyOfMonth(source: PlanToCopy) {
  const nameOf = new Map(source.categories.map(category => [category.id, category.name]))
  return {
    categories: source.categories.map(({ name, budgeted, sortOrder }) => ({ name, budgeted, sortOrder })),
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
  transactions: { amount: number, categoryId: string | null }[]
}

// The summary of a month already loaded whole (the month page), by the same
// rules the summary route applies to PostgreSQL's sums.
export function summarizeDetail(detail: DetailLike): MonthSummary {
  const spent = new Map<string | null, number>()
  for (const transaction of detail.transactions) spent.set(transaction.categoryId, (spent.get(transaction.categoryId) ?? 0) + transaction.amount)
  const fixed = new Map<boolean, number>()
  for (const payment of detail.fixedPayments) fixed.set(payment.paid, (fixed.get(payment.paid) ?? 0) + payment.amount)
  return summarizeMonth({
    month: detail,
    categories: detail.categories,
    spentByCategory: [...spent].map(([categoryId, amount]) => ({ categoryId, spent: amount })),
    fixedByPaid: [...fixed].map(([paid, amount]) => ({ paid, amount })),
  })
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
