import { budgetPatchBody } from '#shared/schemas/budgets'
import { updateBudget } from '../../domain/budgets'

export default defineEventHandler(async (event) => {
  const caller = await requireCaller(event)
  const changes = await readValidatedBody(event, budgetPatchBody.parse)
  return updateBudget(await useDb(event), caller, getRouterParam(event, 'id')!, changes)
})
