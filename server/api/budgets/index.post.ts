import { budgetCreateBody } from '#shared/schemas/budgets'
import { createBudget } from '../../domain/budgets'

export default defineEventHandler(async (event) => {
  const caller = await requireCaller(event)
  const body = await readValidatedBody(event, budgetCreateBody.parse)
  setResponseStatus(event, 201)
  return createBudget(await useDb(event), caller, body)
})
