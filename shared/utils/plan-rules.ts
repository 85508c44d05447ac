// Yearly plan rules as plain functions, shared by the API and the grid page.
import type { PlanMonthSummary, PlanSummary } from '#shared/schemas/yearly'
import { MAX_PERCENT_BASIS_POINTS } from '#shared/schemas/limits'
import { formatMoneyInput, parseMoney, type MoneyParse } from './money'

export const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const

// gross × basisPoints / 10000, rounded half up to a whole minor unit, exactly
// (BigInt: the product can pass 2^53).
export function percentOf(gross: number, basisPoints: number): number {
  const whole = BigInt(10000)
  const product = BigInt(gross) * BigInt(basisPoints)
  const quotient = product / whole
  const remainder = product % whole
  return Number(remainder * BigInt(2) >= whole ? quotient + BigInt(1) : quotient)
}

export interface PlanSummaryInput {
  plan: { id: string, year: number }
  incomeSources: { entries: { month: number, amount: number }[] }[]
  deductions: { type: 'percent' | 'fixed', value: number }[]
  sections: { id: string, name: string, categories: { entries: { month: number, amount: number }[] }[] }[]
}

export function summarizePlan({ plan, incomeSources, deductions, sections }: PlanSummaryInput): PlanSummary {
  const amountIn = (entries: { month: number, amount: number }[], month: number) => entries.find(entry => entry.month === month)?.amount ?? 0
  const months: PlanMonthSummary[] = MONTHS.map((month) => {
    const grossIncome = incomeSources.reduce((sum, source) => sum + amountIn(source.entries, month), 0)
    // Each deduction is rounded on its own, then summed.
    const deducted = deductions.reduce((sum, deduction) => sum + (deduction.type === 'percent' ? percentOf(grossIncome, deduction.value) : deduction.value), 0)
    const sectionTotals = sections.map(section => ({
      sectionId: section.id,
      name: section.name,
      total: section.categories.reduce((sum, category) => sum + amountIn(category.entries, month), 0),
    }))
    const expenses = sectionTotals.reduce((sum, section) => sum + section.total, 0)
    const netIncome = grossIncome - deducted
    return { month, grossIncome, deductions: deducted, netIncome, sections: sectionTotals, expenses, balance: netIncome - expenses }
  })
  const total = (key: 'grossIncome' | 'deductions' | 'netIncome' | 'expenses' | 'balance') => months.reduce((sum, month) => sum + month[key], 0)
  return {
    planId: plan.id,
    year: plan.year,
    months,
    totals: { grossIncome: total('grossIncome'), deductions: total('deductions'), netIncome: total('netIncome'), expenses: total('expenses'), balance: total('balance') },
  }
}

// A deduction's value as typed in the user's locale: a percentage of gross
// income (in basis points, at most 100 %) or an amount per month. Empty is 0.
export function readDeductionValue(type: 'percent' | 'fixed', text: string, options: { decimals: number, locale: string }): MoneyParse {
  if (type === 'fixed') return parseMoney(text, options)
  const reading = parseMoney(text.replace('%', ''), { decimals: 2, locale: options.locale })
  if (!reading.ok) return { ok: false, message: `Not a percentage: type it like ${formatMoneyInput(2550, 2, options.locale)}` }
  if ((reading.value ?? 0) > MAX_PERCENT_BASIS_POINTS) return { ok: false, message: 'A percentage is at most 100' }
  return reading
}
