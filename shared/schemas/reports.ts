import { z } from 'zod'
import { year } from './common'
import { readYearMonth, rangeIssue } from '../utils/reports'
import { MAX_YEAR, MIN_YEAR } from './limits'

const MONTH_RANGE = `Must be a month from ${MIN_YEAR}-01 to ${MAX_YEAR}-12, as YYYY-MM`

// "YYYY-MM", given once, read as its month index.
const yearMonth = z.string({ error: 'Give one month, as YYYY-MM' })
  .refine(text => readYearMonth(text) !== undefined, MONTH_RANGE)
  .transform(text => readYearMonth(text)!)

export const spendingQuery = z.object({ from: yearMonth.optional(), to: yearMonth.optional() })
  .superRefine(({ from, to }, ctx) => {
    const issue = from !== undefined && to !== undefined ? rangeIssue(from, to) : undefined
    if (issue) ctx.addIssue({ code: 'custom', path: ['to'], message: issue })
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
