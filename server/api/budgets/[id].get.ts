import { getBudget } from '../../domain/budgets'

export default defineEventHandler(async (event) => {
  const caller = await requireCaller(event)
  return getBudget(await useDb(event), caller, getRouterParam(event, 'id')!)
})
