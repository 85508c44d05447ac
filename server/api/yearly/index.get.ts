import { listPlans } from '../../domain/plans'

export default defineEventHandler(async (event) => {
  const caller = await requireCaller(event)
  return listPlans(await useReadDb(event), caller, await requestedBudgetId(event))
})
