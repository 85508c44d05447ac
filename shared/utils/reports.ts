// Reports as plain functions over the sums one statement reads (server/domain/reports.ts):
// which months a report covers, and how its lists are laid out and ordered.
import type { Comparison, PlanVsActualReport, SpendingQuery, SpendingReport } from '#shared/schemas/reports'
import { FIRST_MONTH, LAST_MONTH, MAX_REPORT_MONTHS, REPORT_MONTHS, monthIndex } from '#shared/schemas/limits'
import { MONTHS, summarizePlan } from './plan-rules'

export interface MonthRange { first: number, last: number }

// The months asked for: both ends as given; one end, the 12 months from or to
// it; neither, the 12 ending at the newest month (none: null). Always within
// 2000-01..2100-12.
export function reportRange({ from, to }: SpendingQuery, newest: number | null): MonthRange | null {
  const span = REPORT_MONTHS - 1
  if (from !== undefined && to !== undefined) return { first: from, last: to }
  if (from !== undefined) return { first: from, last: Math.min(from + span, LAST_MONTH) }
  const last = to ?? newest
  return last === null ? null : { first: Math.max(last - span, FIRST_MONTH), last }
}

// "YYYY-MM" from 2000-01 to 2100-12 as its month index; anything else undefined.
export function readYearMonth(text: string): number | undefined {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text)
  const index = match ? monthIndex(Number(match[1]), Number(match[2])) : Number.NaN
  return index >= FIRST_MONTH && index <= LAST_MONTH ? index : undefined
}

// What is wrong with a range whose both ends were given: in the words the API and the page use.
export function rangeIssue(from: number, to: number): string | undefined {
  if (from > to) return 'The last month must not come before the first'
  if (to - from + 1 > MAX_REPORT_MONTHS) return `A report covers at most ${MAX_REPORT_MONTHS} months`
}

export const monthLabel = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`

// Names in code point order (JavaScript's own string order is by UTF-16 unit,
// which puts U+10000 and above before U+E000..U+FFFF).
export function byCodePoints(a: string, b: string): number {
  const left = [...a]
  const right = [...b]
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const difference = left[i]!.codePointAt(0)! - right[i]!.codePointAt(0)!
    if (difference) return difference
  }
  return left.length - right.length
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0)

// A value per slot, summed from (slot, amount) pairs; 0 where nothing fell.
function series<Row>(length: number, rows: Row[], slotOf: (row: Row) => number, amountOf: (row: Row) => number): number[] {
  const values: number[] = Array.from({ length }, () => 0)
  for (const row of rows) values[slotOf(row)]! += amountOf(row)
  return values
}

// One series per name, from rows that each give a name, a slot and an amount.
function seriesByName<Row extends { name: string }>(length: number, rows: Row[], slotOf: (row: Row) => number, amountOf: (row: Row) => number) {
  const groups = Map.groupBy(rows, row => row.name)
  return new Map([...groups].map(([name, group]) => [name, series(length, group, slotOf, amountOf)]))
}

export interface SpendingRows {
  // The budget's months in the range, each with its sums.
  months: { index: number, income: number, spent: number, uncategorized: number }[]
  // Every category of those months with what it spent.
  categories: { index: number, name: string, spent: number }[]
}

export function spendingReport(range: MonthRange | null, rows: SpendingRows): SpendingReport {
  if (!range) return { months: [], categories: [], uncategorized: [], income: [], totalSpent: [] }
  const length = range.last - range.first + 1
  const slot = (row: { index: number }) => row.index - range.first
  const categories = [...seriesByName(length, rows.categories, slot, row => row.spent)]
    .map(([name, spent]) => ({ name, spent, total: sum(spent) }))
    .sort((a, b) => b.total - a.total || byCodePoints(a.name, b.name))
    .map(({ name, spent }) => ({ name, spent }))
  return {
    months: Array.from({ length }, (_, i) => monthLabel(range.first + i)),
    categories,
    uncategorized: series(length, rows.months, slot, row => row.uncategorized),
    income: series(length, rows.months, slot, row => row.income),
    totalSpent: series(length, rows.months, slot, row => row.spent),
  }
}

type MonthAmount = { month: number, amount: number }

export interface PlanVsActualRows {
  planId: string | null
  // The plan's income entries, summed by month; its deductions; its category
  // entries summed by name and month.
  plannedIncome: MonthAmount[]
  deductions: { type: 'percent' | 'fixed', value: number }[]
  planned: ({ name: string } & MonthAmount)[]
  // The year's months, with what PostgreSQL summed.
  months: { month: number, income: number, spent: number, fixed: number, uncategorized: number }[]
  // Per month and name: a category's spent plus its fixed payments, or a fixed
  // payment without a category under its own name.
  actual: ({ name: string } & MonthAmount)[]
}

const compare = (planned: number[], actual: number[]): Comparison =>
  ({ planned, actual, difference: planned.map((value, i) => actual[i]! - value) })

export function planVsActual(year: number, rows: PlanVsActualRows): PlanVsActualReport {
  const slot = (row: { month: number }) => row.month - 1
  const twelve = <Row extends { month: number }>(list: Row[], amountOf: (row: Row) => number) => series(MONTHS.length, list, slot, amountOf)
  const planned = seriesByName(MONTHS.length, rows.planned, slot, row => row.amount)
  const entries = (amounts: number[]) => amounts.map((amount, i) => ({ month: i + 1, amount }))
  // The plan's own summary rule (deductions rounded one by one): its netIncome and expenses.
  const plan = summarizePlan({
    plan: { id: rows.planId ?? '', year },
    incomeSources: [{ entries: entries(twelve(rows.plannedIncome, row => row.amount)) }],
    deductions: rows.deductions,
    sections: [{ id: '', name: '', categories: [...planned.values()].map(amounts => ({ entries: entries(amounts) })) }],
  })
  const actual = seriesByName(MONTHS.length, rows.actual, slot, row => row.amount)
  const names = (map: Map<string, number[]>, other: Map<string, number[]>, both: boolean) =>
    [...map.keys()].filter(name => other.has(name) === both).sort(byCodePoints)
  return {
    year,
    planId: rows.planId,
    income: compare(plan.months.map(month => month.netIncome), twelve(rows.months, row => row.income)),
    expenses: compare(plan.months.map(month => month.expenses), twelve(rows.months, row => row.spent + row.fixed)),
    matched: names(planned, actual, true).map(name => ({ name, ...compare(planned.get(name)!, actual.get(name)!) })),
    planOnly: names(planned, actual, false).map(name => ({ name, planned: planned.get(name)! })),
    actualOnly: names(actual, planned, false).map(name => ({ name, actual: actual.get(name)! })),
    uncategorized: twelve(rows.months, row => row.uncategorized),
  }
}

export const OTHER = 'Other'

// A chart's series: the `count` categories that spent most over the range (the
// report's own order), then one for everything else, uncategorized spending
// included, when there is any.
export function largestCategories(report: SpendingReport, count: number): { name: string, spent: number[], other?: true }[] {
  const shown = report.categories.slice(0, count)
  const rest = [...report.categories.slice(count).map(category => category.spent), report.uncategorized]
  const other = report.months.map((_, i) => sum(rest.map(spent => spent[i] ?? 0)))
  if (other.every(amount => amount === 0)) return shown
  // A category of that name among the largest keeps its name.
  const name = shown.some(category => category.name === OTHER) ? `${OTHER} (the rest)` : OTHER
  return [...shown, { name, spent: other, other: true }]
}

export interface SpendingTableRow { label: string, values: number[], total: number, kind: 'category' | 'uncategorized' | 'total' | 'income' }

// The report as a table, one row per category (all, or those named), then what
// was not categorized (unless only some categories are shown), everything spent
// and the income; each row with its total over the months.
export function spendingTable(report: SpendingReport, names: string[] = []): SpendingTableRow[] {
  const row = (label: string, values: number[], kind: SpendingTableRow['kind']) => ({ label, values, total: sum(values), kind })
  const categories = names.length ? report.categories.filter(category => names.includes(category.name)) : report.categories
  return [
    ...categories.map(category => row(category.name, category.spent, 'category')),
    ...(names.length ? [] : [row('Uncategorized', report.uncategorized, 'uncategorized')]),
    row('Total spent', report.totalSpent, 'total'),
    row('Income', report.income, 'income'),
  ]
}
