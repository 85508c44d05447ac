import { describe, expect, it } from 'vitest'
import { byCodePoints, largestCategories, monthLabel, planVsActual, reportRange, spendingReport, spendingTable } from '../../shared/utils/reports'
import { spendingCsv } from '../../shared/utils/spending-csv'
import { monthIndex } from '../../shared/schemas/limits'

const at = (year: number, month: number) => monthIndex(year, month)

describe('reportRange', () => {
  it('takes both ends as given, 12 months from or to one end, else the 12 ending at the newest month, within 2000-01..2100-12', () => {
    expect(reportRange({ from: at(2026, 3), to: at(2026, 5) }, at(2030, 1))).toEqual({ first: at(2026, 3), last: at(2026, 5) })
    expect(reportRange({ from: at(2026, 3) }, null)).toEqual({ first: at(2026, 3), last: at(2027, 2) })
    expect(reportRange({ to: at(2026, 3) }, null)).toEqual({ first: at(2025, 4), last: at(2026, 3) })
    expect(reportRange({}, at(2026, 12))).toEqual({ first: at(2026, 1), last: at(2026, 12) })
    expect(reportRange({}, null)).toBeNull()
    expect(reportRange({ from: at(2100, 6) }, null)).toEqual({ first: at(2100, 6), last: at(2100, 12) })
    expect(reportRange({ to: at(2000, 3) }, null)).toEqual({ first: at(2000, 1), last: at(2000, 3) })
    expect(reportRange({}, at(2000, 2))).toEqual({ first: at(2000, 1), last: at(2000, 2) })
  })

  it('labels months as YYYY-MM', () => {
    expect([at(2026, 1), at(2026, 12), at(2000, 1)].map(monthLabel)).toEqual(['2026-01', '2026-12', '2000-01'])
  })
})

describe('byCodePoints', () => {
  it('orders by code point, not by UTF-16 unit: U+FF3A before U+1F600', () => {
    expect(['😀', 'Ｚ', 'a', 'B', 'ab', ''].sort(byCodePoints)).toEqual(['', 'B', 'a', 'ab', 'Ｚ', '😀'])
  })
})

describe('spendingReport', () => {
  it('puts each sum in its month (0 where there is none) and orders categories by total, then name', () => {
    const report = spendingReport({ first: at(2026, 1), last: at(2026, 3) }, {
      months: [{ index: at(2026, 1), income: 500, spent: 90, uncategorized: 10 }, { index: at(2026, 3), income: 700, spent: 40, uncategorized: 0 }],
      categories: [
        { index: at(2026, 1), name: 'Rent', spent: 30 }, { index: at(2026, 3), name: 'Rent', spent: 10 },
        { index: at(2026, 1), name: '😀', spent: 50 }, { index: at(2026, 3), name: 'Ｚ', spent: 50 }, { index: at(2026, 3), name: 'Idle', spent: 0 },
      ],
    })
    expect(report).toEqual({
      months: ['2026-01', '2026-02', '2026-03'],
      categories: [{ name: 'Ｚ', spent: [0, 0, 50] }, { name: '😀', spent: [50, 0, 0] }, { name: 'Rent', spent: [30, 0, 10] }, { name: 'Idle', spent: [0, 0, 0] }],
      uncategorized: [10, 0, 0],
      income: [500, 0, 700],
      totalSpent: [90, 0, 40],
    })
  })
})

describe('planVsActual', () => {
  it('takes the plan summary\'s net income and expenses, and sorts names into matched, plan only and actual only', () => {
    const report = planVsActual(2026, {
      planId: 'p',
      plannedIncome: [{ month: 1, amount: 1000 }, { month: 1, amount: 1 }, { month: 2, amount: 3 }],
      deductions: [{ type: 'percent', value: 5000 }, { type: 'fixed', value: 1 }],
      planned: [{ name: 'Food', month: 1, amount: 100 }, { name: 'Food', month: 1, amount: 20 }, { name: 'Trip', month: 2, amount: 5 }],
      months: [{ month: 1, income: 900, spent: 80, fixed: 15, uncategorized: 4 }],
      actual: [{ name: 'Food', month: 1, amount: 76 }, { name: 'Gym', month: 1, amount: 15 }],
    })
    const twelve = (values: Record<number, number>) => Array.from({ length: 12 }, (_, i) => values[i + 1] ?? 0)
    // Month 1: gross 1001, 500.5 -> 501, + 1: net 499. Month 2: gross 3, 1.5 -> 2, + 1: net 0. Others: -1.
    expect(report.income.planned).toEqual([499, 0, ...Array.from({ length: 10 }, () => -1)])
    expect(report.income.difference[0]).toBe(900 - 499)
    expect(report.expenses).toEqual({ planned: twelve({ 1: 120, 2: 5 }), actual: twelve({ 1: 95 }), difference: twelve({ 1: -25, 2: -5 }) })
    expect(report.matched).toEqual([{ name: 'Food', planned: twelve({ 1: 120 }), actual: twelve({ 1: 76 }), difference: twelve({ 1: -44 }) }])
    expect(report.planOnly).toEqual([{ name: 'Trip', planned: twelve({ 2: 5 }) }])
    expect(report.actualOnly).toEqual([{ name: 'Gym', actual: twelve({ 1: 15 }) }])
    expect(report.uncategorized).toEqual(twelve({ 1: 4 }))
  })
})

describe('largestCategories', () => {
  const report = (names: string[], uncategorized = [0, 0]) => ({
    months: ['2026-01', '2026-02'],
    categories: names.map((name, i) => ({ name, spent: [100 - i, 1] })),
    uncategorized,
    income: [0, 0],
    totalSpent: [0, 0],
  })

  it('keeps the first `count` and sums the rest and the uncategorized into Other', () => {
    expect(largestCategories(report(['A', 'B', 'C', 'D']), 2)).toEqual([
      { name: 'A', spent: [100, 1] }, { name: 'B', spent: [99, 1] }, { name: 'Other', spent: [98 + 97, 2], other: true },
    ])
    expect(largestCategories(report(['A'], [5, -2]), 8)).toEqual([{ name: 'A', spent: [100, 1] }, { name: 'Other', spent: [5, -2], other: true }])
  })

  it('has no Other when nothing else spent, and does not take the name of a category shown', () => {
    expect(largestCategories(report(['A', 'B']), 8)).toEqual([{ name: 'A', spent: [100, 1] }, { name: 'B', spent: [99, 1] }])
    expect(largestCategories(report(['Other', 'B']), 1).map(series => series.name)).toEqual(['Other', 'Other (the rest)'])
  })
})

describe('spendingTable', () => {
  const report = {
    months: ['2026-01', '2026-02'],
    categories: [{ name: 'Rent', spent: [100, 100] }, { name: 'Food', spent: [30, -5] }],
    uncategorized: [7, 0],
    income: [500, 400],
    totalSpent: [137, 95],
  }

  it('lists every category, the uncategorized, the total spent and the income, each with its total', () => {
    expect(spendingTable(report)).toEqual([
      { label: 'Rent', values: [100, 100], total: 200, kind: 'category' },
      { label: 'Food', values: [30, -5], total: 25, kind: 'category' },
      { label: 'Uncategorized', values: [7, 0], total: 7, kind: 'uncategorized' },
      { label: 'Total spent', values: [137, 95], total: 232, kind: 'total' },
      { label: 'Income', values: [500, 400], total: 900, kind: 'income' },
    ])
  })

  it('keeps to the categories named, in the report\'s order, without the uncategorized', () => {
    expect(spendingTable(report, ['Food', 'Rent']).map(row => row.label)).toEqual(['Rent', 'Food', 'Total spent', 'Income'])
  })
})

describe('spendingCsv', () => {
  it('writes the months as the header and each row in major units, quoting what needs it', () => {
    const rows = [{ label: 'Food, "fresh"', values: [1050, -5], total: 1045, kind: 'category' as const }, { label: 'Income', values: [0, 100000], total: 100000, kind: 'income' as const }]
    expect(spendingCsv(['2026-01', '2026-02'], rows, 2)).toBe(',2026-01,2026-02,Total\r\n"Food, ""fresh""",10.50,-0.05,10.45\r\nIncome,0.00,1000.00,1000.00\r\n')
    expect(spendingCsv(['2026-01'], [{ label: 'Rent', values: [1200], total: 1200, kind: 'category' }], 0)).toBe(',2026-01,Total\r\nRent,1200,1200\r\n')
  })
})
