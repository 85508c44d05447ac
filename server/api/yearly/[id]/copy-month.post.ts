import { copyMonthBody } from '#shared/schemas/yearly'
import { copyPlanMonth } from '../../../domain/plans'

export default defineEventHandler(async (event) => {
  const caller = await requireCaller(event)
  const body = await readValidatedBody(event, copyMonthBody.parse)
  return copyPlanMonth(await useDb(event), caller, getRouterParam(event, 'id')!, body)
})
