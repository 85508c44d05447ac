import { clearMonthBody } from '#shared/schemas/yearly'
import { clearPlanMonth } from '../../../domain/plans'

export default defineEventHandler(async (event) => {
  const caller = await requireCaller(event)
  const body = await readValidatedBody(event, clearMonthBody.parse)
  return clearPlanMonth(await useDb(event), caller, getRouterParam(event, 'id')!, body.month)
})
