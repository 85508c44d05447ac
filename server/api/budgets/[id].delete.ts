import { deleteBudget } from '../../domain/budgets'

export default defineEventHandler(async (event) => {
  const caller = await requireCaller(event)
  await deleteBudget(await useDb(event), caller, getRouterParam(event, 'id')!)
  return sendNoContent(event)
})
