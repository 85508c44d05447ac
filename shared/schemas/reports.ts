import { z } from 'zod'
import { year } from './common'
import { MAX_YEAR, MIN_YEAR } from './limits'

// A report's months run from 2000-01 to 2100-12; a default range is 12 months,
// a range asked for at most 36.
export const REPORT_MONTHS = 12
export const MAX_REPORT_MONTHS = 36

// A calendar month as a number that counts months: year * 12 + month - 1.
export const monthIndex = (year: number, month: number) => year * 12 + month - 1
export const FIRST_MONTH = monthIndex(MIN_YEAR, 1)
export const LAST_MONTH = monthIndex(MAX_YEAR, 12)

const YEAR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/
const MONTH_RANGE = `Must be a month from ${MIN_YEAR}-01 to ${MAX_YEAR}-12, as YYYY-MM`

// "YYYY-MM", given once, read as its month index.
const yearMonth = z.string({ error: 'Give one month, as YYYY-MM' })
  .regex(YEAR_MONTH, MONTH_RANGE)
  .transform(text => monthIndex(Number(text.slice(0, 4)), Number(text.slice(5))))
  .refine(index => index >= FIRST_MONTH && index <= LAST_MONTH, MONTH_RANGE)

export const spendingQuery = z.object({ from: yearMonth.optional(), to: yearMonth.optional() })
  .superRefine(({ from, to }, ctx) => {
    if (from === undefined || to === undefined) return
    if (from > to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Must not be before from' })
    else if (to - from + 1 > MAX_REPORT_MONTHS) ctx.addIssue({ code: 'custom', path: ['to'], message: `A report covers at most ${MAX_REPORT_MONTHS} months` })
  })

export const planVsActualQuery = z.object({
  year: z.string({ error: 'Give one year, as YYYY' }).regex(/^\d{4}$/, 'Must be a year as YYYY').transform(Number).pipe(year),
})

export type SpendingQuery = z.infer<typeof spendingQuery>

export interface SpendingReport {
  months: string[]
  categories: { name: string, spent: number[] }[]
  uncategorized: number[]
  income: number[]
  totalSpent: number[]
}

// Every array has 12 values, January first.
export interface Comparison { planned: number[], actual: number[], difference: number[] }

export interface PlanVsActualReport {
  year: number
  planId: string | null
  income: Comparison
  expenses: Comparison
  matched: ({ name: string } & Comparison)[]
  planOnly: { name: string, planned: number[] }[]
  actualOnly: { name: string, actual: number[] }[]
  uncategorized: number[]
}
