import { z } from 'zod'
import { EMPTY_PATCH, changesSomething, monthNumber, name, nonNegativeMoney, recordId, sortOrder, version, year } from './common'
import { MAX_PERCENT_BASIS_POINTS } from './limits'

export const DEFAULT_SECTIONS = ['Fixed expenses', 'Variable expenses', 'Savings']

export const planCreateBody = z.strictObject({
  budgetId: z.string().optional(),
  year,
  name: name.optional(),
  copyFrom: recordId.nullable().optional(),
})

export const planPatchBody = z.strictObject({
  name: name.optional(),
  version: version.optional(),
}).refine(changesSomething, EMPTY_PATCH)

export const copyMonthBody = z.strictObject({
  from: monthNumber,
  to: z.array(monthNumber).min(1).max(11),
}).refine(body => !body.to.includes(body.from), { message: 'Must not include the month copied from', path: ['to'] })
  .refine(body => new Set(body.to).size === body.to.length, { message: 'Must not repeat a month', path: ['to'] })

export const clearMonthBody = z.strictObject({ month: monthNumber })

export const incomeSourceCreateBody = z.strictObject({ planId: recordId, name, amount: nonNegativeMoney.optional() })
export const rowPatchBody = z.strictObject({ name: name.optional(), sortOrder: sortOrder.optional(), version: version.optional() }).refine(changesSomething, EMPTY_PATCH)
export const entryPatchBody = z.strictObject({ amount: nonNegativeMoney, version: version.optional() })

const deductionType = z.enum(['percent', 'fixed'])

export function deductionValueIssue(type: 'percent' | 'fixed', value: number): string | undefined {
  if (type === 'percent' && value > MAX_PERCENT_BASIS_POINTS) return 'A percent deduction is 0–10000 basis points (10000 = 100 %)'
  return undefined
}

export const deductionCreateBody = z.strictObject({ planId: recordId, name, type: deductionType, value: nonNegativeMoney })
  .superRefine((body, ctx) => {
    const issue = deductionValueIssue(body.type, body.value)
    if (issue) ctx.addIssue({ code: 'custom', message: issue, path: ['value'] })
  })
export const deductionPatchBody = z.strictObject({
  name: name.optional(),
  type: deductionType.optional(),
  value: nonNegativeMoney.optional(),
  sortOrder: sortOrder.optional(),
  version: version.optional(),
}).refine(changesSomething, EMPTY_PATCH)

export const sectionPatchBody = z.strictObject({
  name: name.optional(),
  sortOrder: sortOrder.optional(),
  collapsed: z.boolean().optional(),
  version: version.optional(),
}).refine(changesSomething, EMPTY_PATCH)

export const yearlyCategoryCreateBody = z.strictObject({ sectionId: recordId, name, amount: nonNegativeMoney.optional() })
export const yearlyCategoryPatchBody = z.strictObject({
  name: name.optional(),
  sortOrder: sortOrder.optional(),
  sectionId: recordId.optional(),
  version: version.optional(),
}).refine(changesSomething, EMPTY_PATCH)

export const MAX_BULK = 600
export const bulkEntriesBody = z.strictObject({
  updates: z.array(z.strictObject({ id: recordId, amount: nonNegativeMoney })).min(1).max(MAX_BULK),
}).refine(body => new Set(body.updates.map(update => update.id)).size === body.updates.length, { message: 'Must not name an entry twice', path: ['updates'] })

export type PlanCreate = z.infer<typeof planCreateBody>
export type PlanPatch = z.infer<typeof planPatchBody>
export type CopyMonth = z.infer<typeof copyMonthBody>
export type RowPatch = z.infer<typeof rowPatchBody>
export type DeductionCreate = z.infer<typeof deductionCreateBody>
export type DeductionPatch = z.infer<typeof deductionPatchBody>
export type SectionPatch = z.infer<typeof sectionPatchBody>
export type YearlyCategoryPatch = z.infer<typeof yearlyCategoryPatchBody>
export type BulkEntries = z.infer<typeof bulkEntriesBody>

export interface Plan { id: string, budgetId: string, year: number, name: string, version: number, createdAt: string, updatedAt: string }
export interface Entry { id: string, month: number, amount: number, version: number }
export interface CategoryEntry extends Entry { categoryId: string }
export interface IncomeEntry extends Entry { sourceId: string }
export interface YearlyCategory { id: string, sectionId: string, name: string, sortOrder: number, version: number, entries: CategoryEntry[] }
export interface Section { id: string, planId: string, name: string, sortOrder: number, collapsed: boolean, version: number }
export interface SectionDetail extends Section { categories: YearlyCategory[] }
export interface IncomeSource { id: string, planId: string, name: string, sortOrder: number, version: number, entries: IncomeEntry[] }
export interface Deduction { id: string, planId: string, name: string, type: 'percent' | 'fixed', value: number, sortOrder: number, version: number }
export interface PlanDetail extends Plan { sections: SectionDetail[], incomeSources: IncomeSource[], deductions: Deduction[] }

export interface PlanMonthSummary {
  month: number
  grossIncome: number
  deductions: number
  netIncome: number
  sections: { sectionId: string, name: string, total: number }[]
  expenses: number
  balance: number
}
export interface PlanSummary {
  planId: string
  year: number
  months: PlanMonthSummary[]
  totals: { grossIncome: number, deductions: number, netIncome: number, expenses: number, balance: number }
}
