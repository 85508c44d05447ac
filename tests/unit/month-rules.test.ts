import { describe, expect, it } from 'vitest'
import { copyOfMonth, daysInMonth, defaultTransactionDate, isInMonth, nextSortOrder, nextSortOrders, summarizeDetail, summarizeMonth } from '../../shared/utils/month-rules'

describe('summarizeMonth', () => {
  it('adds up exactly and lets any figure go negative', () => {
    const summary = summarizeMonth({
      month: { id: 'm', year: 2026, month: 2, income: 1000 },
      categories: [{ id: 'a', name: 'A', budgeted: 700 }, { id: 'b', name: 'B', budgeted: 0 }],
      spentByCategory: [{ categoryId: 'a', spent: 900 }, { categoryId: null, spent: -50 }],
      fixedByPaid: [{ paid: true, amount: 300 }, { paid: false, amount: 200 }],
    })
    expect(summary).toEqual({
      monthId: 'm', year: 2026, month: 2, income: 1000, budgeted: 700, spent: 850, fixed: 500, fixedPaid: 300,
      uncategorizedSpent: -50, available: -200, remaining: -150, balance: -350,
      categories: [
        { categoryId: 'a', name: 'A', budgeted: 700, spent: 900, remaining: -200 },
        { categoryId: 'b', name: 'B', budgeted: 0, spent: 0, remaining: 0 },
      ],
    })
  })
})

describe('copyOfMonth', () => {
  it('resets paid and maps fixed payments to categories by name', () => {
    const copy = copyOfMonth({
      categories: [{ id: 'c1', name: 'Home', budgeted: 5, sortOrder: 3 }],
      fixedPayments: [{ name: 'Rent', amount: 9, dueDay: 1, categoryId: 'c1' }, { name: 'Gym', amount: 2, dueDay: null, categoryId: null }],
    })
    expect(copy).toEqual({
      categories: [{ name: 'Home', budgeted: 5, sortOrder: 3 }],
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

describe('summarizeDetail', () => {
  it('matches summarizeMonth over the same rows', () => {
    const detail = {
      id: 'm', year: 2026, month: 5, income: 100,
      categories: [{ id: 'a', name: 'A', budgeted: 50 }],
      fixedPayments: [{ amount: 10, paid: true }, { amount: 5, paid: false }, { amount: 1, paid: true }],
      transactions: [{ amount: 20, categoryId: 'a' }, { amount: -5, categoryId: 'a' }, { amount: 7, categoryId: null }],
    }
    expect(summarizeDetail(detail)).toMatchObject({ budgeted: 50, spent: 22, fixed: 16, fixedPaid: 11, uncategorizedSpent: 7, available: 34, balance: 62, categories: [{ categoryId: 'a', spent: 15, remaining: 35 }] })
  })

  it('defaults the transaction date to today inside the month', () => {
    expect(defaultTransactionDate(2026, 3, new Date(2026, 2, 14))).toBe('2026-03-14')
    expect(defaultTransactionDate(2026, 4, new Date(2026, 2, 14))).toBe('2026-04-01')
    expect(daysInMonth(2028, 2)).toBe(29)
  })
})
