import type { H3Event } from 'h3'
import { budgetQuery } from '#shared/schemas/budgets'

// `?budgetId=` on the lists: the budget asked for, or undefined for the
// caller's first. Given twice: 400.
export async function requestedBudgetId(event: H3Event): Promise<string | undefined> {
  return (await getValidatedQuery(event, budgetQuery.parse)).budgetId
}
