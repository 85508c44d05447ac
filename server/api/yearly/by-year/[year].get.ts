import { getPlanDetailByYear } from '../../../domain/plans'

export default defineEventHandler(async (event) => {
  const caller = await requireCaller(event)
  return getPlanDetailByYear(await useReadDb(event), caller, getRouterParam(event, 'year')!, await requestedBudgetId(event))
})
