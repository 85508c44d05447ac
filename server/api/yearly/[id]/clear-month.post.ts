import { clearMonthBody } from '#shared/schemas/yearly'
import { clearPlanMonth } from '../../../domain/plans'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const body = await readValidatedBody(event, clearMonthBody.parse)
  return clearPlanMonth(await useDb(event), user.id, getRouterParam(event, 'id')!, body.month)
})
