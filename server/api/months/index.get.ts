import { listMonths } from '../../domain/months'

export default defineEventHandler(async (event) => {
  const caller = await requireCaller(event)
  return listMonths(await useReadDb(event), caller, await requestedBudgetId(event))
})
