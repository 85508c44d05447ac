import { getLatestPlanDetail } from '../../domain/plans'

export default defineEventHandler(async (event) => {
  const caller = await requireCaller(event)
  return getLatestPlanDetail(await useReadDb(event), caller, await requestedBudgetId(event))
})
