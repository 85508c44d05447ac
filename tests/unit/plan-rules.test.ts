import { describe, expect, it } from 'vitest'
import { MONTHS, percentOf, summarizePlan } from '../../shared/utils/plan-rules'

describe('percentOf', () => {
  it('rounds half up at exactly .5, and exactly beyond 2^53', () => {
    expect(percentOf(1, 5000)).toBe(1) // 0.5 -> 1
    expect(percentOf(3, 5000)).toBe(2) // 1.5 -> 2
    expect(percentOf(1, 4999)).toBe(0) // 0.4999 -> 0
    expect(percentOf(10001, 2550)).toBe(2550) // 2550.255 -> 2550
    expect(percentOf(10002, 2500)).toBe(2501) // 2500.5 -> 2501
    expect(percentOf(0, 10000)).toBe(0)
    expect(percentOf(100_000_000_000, 10000)).toBe(100_000_000_000)
    expect(percentOf(900_719_925_474_099, 9999)).toBe(900_629_853_481_552) // product above 2^53
  })
})

describe('summarizePlan', () => {
  it('rounds each deduction on its own, sums sections, and lets balances go negative', () => {
    const entries = (amounts: number[]) => MONTHS.map((month, i) => ({ month, amount: amounts[i] ?? 0 }))
    const summary = summarizePlan({
      plan: { id: 'p', year: 2026 },
      incomeSources: [{ entries: entries([1, 3, 100]) }, { entries: entries([0, 0, 50]) }],
      deductions: [{ type: 'percent', value: 5000 }, { type: 'percent', value: 5000 }, { type: 'fixed', value: 10 }],
      sections: [{ id: 's', name: 'Fixed', categories: [{ entries: entries([5, 0, 20]) }, { entries: entries([0, 1, 0]) }] }],
    })
    // Month 1: gross 1; 0.5 -> 1 twice; + 10 fixed = 12; net -11; expenses 5; balance -16.
    expect(summary.months[0]).toEqual({ month: 1, grossIncome: 1, deductions: 12, netIncome: -11, sections: [{ sectionId: 's', name: 'Fixed', total: 5 }], expenses: 5, balance: -16 })
    // Month 2: gross 3; 1.5 -> 2 twice; + 10 = 14.
    expect(summary.months[1]).toMatchObject({ grossIncome: 3, deductions: 14, netIncome: -11, expenses: 1, balance: -12 })
    expect(summary.months[2]).toMatchObject({ grossIncome: 150, deductions: 160, netIncome: -10, expenses: 20, balance: -30 })
    expect(summary.months[11]).toMatchObject({ grossIncome: 0, deductions: 10, netIncome: -10, expenses: 0, balance: -10 })
    expect(summary.months).toHaveLength(12)
    expect(summary.totals.grossIncome).toBe(154)
    expect(summary.totals.deductions).toBe(12 + 14 + 160 + 9 * 10)
    expect(summary.totals.balance).toBe(summary.months.reduce((sum, m) => sum + m.balance, 0))
  })
})
