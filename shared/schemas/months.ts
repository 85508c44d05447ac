import { z } from 'zod'
import { MAX_SPLITS } from './limits'
import { EMPTY_PATCH, changesSomething, isoDate, monthNumber, money, name, nonNegativeMoney, recordId, sortOrder, text, version, year } from './common'

export const monthCreateBody = z.strictObject({
  budgetId: z.string().optional(),
  year,
  month: monthNumber,
  income: nonNegativeMoney.optional(),
  notes: text(2000).optional(),
  copyFrom: recordId.nullable().optional(),
})

export const monthPatchBody = z.strictObject({
  income: nonNegativeMoney.optional(),
  notes: text(2000).optional(),
  version: version.optional(),
}).refine(changesSomething, EMPTY_PATCH)

export const categoryCreateBody = z.strictObject({
  monthId: recordId,
  name,
  budgeted: nonNegativeMoney,
  rollover: z.boolean().optional(),
  sortOrder: sortOrder.optional(),
})

export const categoryPatchBody = z.strictObject({
  name: name.optional(),
  budgeted: nonNegativeMoney.optional(),
  rollover: z.boolean().optional(),
  sortOrder: sortOrder.optional(),
  version: version.optional(),
}).refine(changesSomething, EMPTY_PATCH)

const dueDay = z.number().int().min(1).max(31).nullable()

export const fixedPaymentCreateBody = z.strictObject({
  monthId: recordId,
  name,
  amount: nonNegativeMoney,
  dueDay: dueDay.optional(),
  paid: z.boolean().optional(),
  categoryId: recordId.nullable().optional(),
})

export const fixedPaymentPatchBody = z.strictObject({
  name: name.optional(),
  amount: nonNegativeMoney.optional(),
  dueDay: dueDay.optional(),
  paid: z.boolean().optional(),
  categoryId: recordId.nullable().optional(),
  version: version.optional(),
}).refine(changesSomething, EMPTY_PATCH)

const transactionAmount = money.refine(value => value !== 0, 'Must not be zero (a negative amount is a refund)')
export const MAX_DESCRIPTION = 200

// The whole list of a transaction's parts, at most MAX_SPLITS (a longer one is
// refused before anything is looked up); the least and their sum are checked
// against the transaction as it would be afterwards (splitIssues).
const splits = z.array(z.strictObject({
  amount: money.refine(value => value !== 0, 'Must not be zero'),
  categoryId: recordId.nullable().optional(),
  note: text(MAX_DESCRIPTION).optional(),
})).max(MAX_SPLITS, `A split transaction has at most ${MAX_SPLITS} parts`)

export const transactionCreateBody = z.strictObject({
  monthId: recordId,
  date: isoDate,
  description: text(MAX_DESCRIPTION).optional(),
  amount: transactionAmount,
  categoryId: recordId.nullable().optional(),
  splits: splits.optional(),
})

export const transactionPatchBody = z.strictObject({
  date: isoDate.optional(),
  description: text(MAX_DESCRIPTION).optional(),
  amount: transactionAmount.optional(),
  categoryId: recordId.nullable().optional(),
  splits: splits.optional(),
  version: version.optional(),
}).refine(changesSomething, EMPTY_PATCH)

export type MonthCreate = z.infer<typeof monthCreateBody>
export type MonthPatch = z.infer<typeof monthPatchBody>
export type CategoryCreate = z.infer<typeof categoryCreateBody>
export type CategoryPatch = z.infer<typeof categoryPatchBody>
export type FixedPaymentCreate = z.infer<typeof fixedPaymentCreateBody>
export type FixedPaymentPatch = z.infer<typeof fixedPaymentPatchBody>
export type TransactionCreate = z.infer<typeof transactionCreateBody>
export type TransactionPatch = z.infer<typeof transactionPatchBody>

export interface Month {
  id: string
  budgetId: string
  year: number
  month: number
  income: number
  notes: string
  version: number
  createdAt: string
  updatedAt: string
}
export interface Category { id: string, monthId: string, name: string, budgeted: number, rollover: boolean, sortOrder: number, version: number }
export interface FixedPayment { id: string, monthId: string, name: string, amount: number, dueDay: number | null, paid: boolean, categoryId: string | null, version: number }
export interface Split { id: string, categoryId: string | null, amount: number, note: string }
// createdBy: who added it (their current name), null once that account is gone.
// splits: its parts in the order sent, [] for a plain transaction.
export interface Transaction { id: string, monthId: string, categoryId: string | null, date: string, description: string, amount: number, splits: Split[], importId: string | null, version: number, createdAt: string, createdBy: { id: string, name: string | null } | null }
export interface MonthDetail extends Month {
  categories: Category[]
  fixedPayments: FixedPayment[]
  transactions: Transaction[]
}
// available = carriedIn + budgeted - spent; carriedIn from the same name last month (rollover).
export interface CategorySummary { categoryId: string, name: string, budgeted: number, spent: number, remaining: number, carriedIn: number, available: number }
export interface MonthSummary {
  monthId: string
  year: number
  month: number
  income: number
  budgeted: number
  spent: number
  fixed: number
  fixedPaid: number
  uncategorizedSpent: number
  available: number
  remaining: number
  balance: number
  carriedIn: number
  categories: CategorySummary[]
}
