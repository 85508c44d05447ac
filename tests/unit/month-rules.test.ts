import { describe, expect, it } from 'vitest'
import { copyOfMonth, daysInMonth, defaultTransactionDate, isInMonth, monthProgress, nextSortOrder, nextSortOrders, splitIssues, summarizeDetail, summarizeMonth, unassigned } from '../../shared/utils/month-rules'
import { carryOver } from '../../shared/utils/rollover'

describe('summarizeMonth', () => {
  it('adds up exactly and lets any figure go negative', () => {
    const summary = summarizeMonth({
      month: { id: 'm', year: 2026, month: 2, income: 1000 },
      categories: [{ id: 'a', name: 'A', budgeted: 700, carriedIn: -300 }, { id: 'b', name: 'B', budgeted: 0, carriedIn: 40 }],
      spentByCategory: [{ categoryId: 'a', spent: 900 }, { categoryId: null, spent: -50 }],
      fixedByPaid: [{ paid: true, amount: 300 }, { paid: false, amount: 200 }],
    })
    expect(summary).toEqual({
      monthId: 'm', year: 2026, month: 2, income: 1000, budgeted: 700, spent: 850, fixed: 500, fixedPaid: 300,
      uncategorizedSpent: -50, available: -200, remaining: -150, balance: -350, carriedIn: -260,
      categories: [
        { categoryId: 'a', name: 'A', budgeted: 700, spent: 900, remaining: -200, carriedIn: -300, available: -500 },
        { categoryId: 'b', name: 'B', budgeted: 0, spent: 0, remaining: 0, carriedIn: 40, available: 40 },
      ],
    })
  })
})

describe('copyOfMonth', () => {
  it('resets paid and maps fixed payments to categories by name', () => {
    const copy = copyOfMonth({
      categories: [{ id: 'c1', name: 'Home', budgeted: 5, rollover: true, sortOrder: 3 }],
      fixedPayments: [{ name: 'Rent', amount: 9, dueDay: 1, categoryId: 'c1' }, { name: 'Gym', amount: 2, dueDay: null, categoryId: null }],
    })
    expect(copy).toEqual({
      categories: [{ name: 'Home', budgeted: 5, rollover: true, sortOrder: 3 }],
      fixedPayments: [
        { name: 'Rent', amount: 9, dueDay: 1, paid: false, categoryName: 'Home' },
        { name: 'Gym', amount: 2, dueDay: null, paid: false, categoryName: null },
      ],
    })
  })
})

describe('small rules', () => {
  it('isInMonth and nextSortOrder', () => {
    expect(isInMonth('2026-02-28', 2026, 2)).toBe(true)
    expect(isInMonth('2026-12-01', 2026, 1)).toBe(false)
    expect(isInMonth('2026-01-01', 2026, 1)).toBe(true)
    expect(nextSortOrder([])).toBe(0)
    expect(nextSortOrder([3, -1, 7])).toBe(8)
    expect(nextSortOrder([-5, -9])).toBe(-4)
    // Never past the contract's |sortOrder| <= 1e9: at the limit, a tie.
    expect(nextSortOrder([999_999_999])).toBe(1_000_000_000)
    expect(nextSortOrder([1_000_000_000, 3])).toBe(1_000_000_000)
    expect(nextSortOrders([999_999_998], 4)).toEqual([999_999_999, 1_000_000_000, 1_000_000_000, 1_000_000_000])
    expect(nextSortOrders([], 2)).toEqual([0, 1])
  })
})

describe('monthProgress', () => {
  it('counts the days left with today, the days until a month starts, and nothing after it ends', () => {
    expect(monthProgress(2026, 12, '2026-12-02')).toEqual({ when: 'now', days: 30 })
    expect(monthProgress(2026, 12, '2026-12-31')).toEqual({ when: 'now', days: 1 })
    expect(monthProgress(2028, 2, '2028-02-01')).toEqual({ when: 'now', days: 29 })
    expect(monthProgress(2026, 11, '2026-12-01')).toEqual({ when: 'past', days: 0 })
    expect(monthProgress(2027, 1, '2026-12-30')).toEqual({ when: 'future', days: 2 })
  })
})

describe('summarizeDetail', () => {
  it('matches summarizeMonth over the same rows', () => {
    const detail = {
      id: 'm', year: 2026, month: 5, income: 100,
      categories: [{ id: 'a', name: 'A', budgeted: 50 }],
      fixedPayments: [{ amount: 10, paid: true }, { amount: 5, paid: false }, { amount: 1, paid: true }],
      transactions: [{ amount: 20, categoryId: 'a', splits: [] }, { amount: -5, categoryId: 'a', splits: [] }, { amount: 7, categoryId: null, splits: [] }],
    }
    expect(summarizeDetail(detail)).toMatchObject({ budgeted: 50, spent: 22, fixed: 16, fixedPaid: 11, uncategorizedSpent: 7, available: 34, balance: 62, carriedIn: 0, categories: [{ categoryId: 'a', spent: 15, remaining: 35, carriedIn: 0, available: 35 }] })
  })

  it('counts a split transaction through its parts and takes what each category carried in by name', () => {
    const detail = {
      id: 'm', year: 2026, month: 5, income: 100,
      categories: [{ id: 'a', name: 'A', budgeted: 50 }, { id: 'b', name: 'B', budgeted: 10 }],
      fixedPayments: [],
      transactions: [
        { amount: 30, categoryId: null, splits: [{ amount: 45, categoryId: 'a' }, { amount: -20, categoryId: 'b' }, { amount: 5, categoryId: null }] },
        { amount: 3, categoryId: null, splits: [] },
      ],
    }
    const summary = summarizeDetail(detail, name => (name === 'B' ? -7 : 0))
    expect(summary).toMatchObject({ spent: 33, uncategorizedSpent: 8, carriedIn: -7 })
    expect(summary.categories).toEqual([
      { categoryId: 'a', name: 'A', budgeted: 50, spent: 45, remaining: 5, carriedIn: 0, available: 5 },
      { categoryId: 'b', name: 'B', budgeted: 10, spent: -20, remaining: 30, carriedIn: -7, available: 23 },
    ])
  })

  it('defaults the transaction date to today inside the month', () => {
    expect(defaultTransactionDate(2026, 3, new Date(2026, 2, 14))).toBe('2026-03-14')
    expect(defaultTransactionDate(2026, 4, new Date(2026, 2, 14))).toBe('2026-04-01')
    expect(daysInMonth(2028, 2)).toBe(29)
  })
})

describe('splitIssues', () => {
  it('wants 2–50 parts adding up exactly to the amount and no category of its own; [] is a plain transaction', () => {
    const parts = (...amounts: number[]) => amounts.map(amount => ({ amount }))
    expect(splitIssues({ amount: 100, categoryId: 'c', splits: [] })).toEqual([])
    expect(splitIssues({ amount: 100, categoryId: null, splits: parts(60, 40) })).toEqual([])
    expect(splitIssues({ amount: -10, categoryId: null, splits: parts(30, -40) })).toEqual([])
    expect(splitIssues({ amount: 100, categoryId: null, splits: parts(100) }).map(issue => issue.path)).toEqual(['splits'])
    expect(splitIssues({ amount: 100, categoryId: null, splits: parts(...Array(51).fill(1), 49) }).map(issue => issue.path)).toEqual(['splits'])
    expect(splitIssues({ amount: 50, categoryId: null, splits: parts(...Array(50).fill(1)) })).toEqual([])
    const off = splitIssues({ amount: 100, categoryId: 'c', splits: parts(60, 41) })
    expect(off.map(issue => issue.path)).toEqual(['splits', 'categoryId'])
    expect(off[0]!.message).toMatch(/add up to 101.*100/)
    expect(unassigned(100, parts(60, 41))).toBe(-1)
    expect(unassigned(100, [])).toBe(100)
  })
})

describe('carryOver (the rollover rule)', () => {
  const month = (year: number, m: number, ...categories: [string, boolean, number, number][]) =>
    ({ year, month: m, categories: categories.map(([name, rollover, budgeted, spent]) => ({ name, rollover, budgeted, spent })) })

  it('chains across months and the new year, carries negatives, and breaks on a gap, a rename or rollover off', () => {
    const carried = carryOver([
      month(2026, 11, ['Food', true, 100, 30], ['Fun', true, 10, 50], ['Gifts', false, 20, 0]),
      month(2026, 12, ['Food', true, 100, 200], ['Fun', false, 10, 0], ['Gifts', true, 20, 0], ['Car', true, 5, 0]),
      month(2027, 1, ['Food', true, 0, 0], ['Fun', true, 0, 0], ['Gifts', true, 0, 0], ['Auto', true, 0, 0]),
      month(2027, 3, ['Food', true, 0, 0]),
    ])
    const of = (key: string, name: string) => carried.get(key)!.get(name)
    expect(of('2026-11', 'Food')).toEqual({ carriedIn: 0, available: 70 })
    expect(of('2026-12', 'Food')).toEqual({ carriedIn: 70, available: -30 })
    expect(of('2027-1', 'Food')).toEqual({ carriedIn: -30, available: -30 })
    expect(of('2026-12', 'Fun')).toEqual({ carriedIn: -40, available: -30 })
    expect(of('2027-1', 'Fun')).toEqual({ carriedIn: 0, available: 0 })
    expect(of('2026-12', 'Gifts')).toEqual({ carriedIn: 0, available: 20 })
    expect(of('2027-1', 'Gifts')).toEqual({ carriedIn: 20, available: 20 })
    expect(of('2027-1', 'Auto')).toEqual({ carriedIn: 0, available: 0 })
    expect(of('2027-3', 'Food')).toEqual({ carriedIn: 0, available: 0 })
  })
})
