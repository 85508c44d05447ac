import { getLatestMonthDetail } from '../../domain/months'

export default defineEventHandler(async (event) => {
  const caller = await requireCaller(event)
  return getLatestMonthDetail(await useReadDb(event), caller, await requestedBudgetId(event))
})
