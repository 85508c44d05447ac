import { listMonthSummaries } from '../../domain/months'

export default defineEventHandler(async (event) => {
  const caller = await requireCaller(event)
  return withEtag(event, await listMonthSummaries(await useReadDb(event), caller, await requestedBudgetId(event)))
})
