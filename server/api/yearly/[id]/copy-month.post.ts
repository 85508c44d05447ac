import { copyMonthBody } from '#shared/schemas/yearly'
import { copyPlanMonth } from '../../../domain/plans'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const body = await readValidatedBody(event, copyMonthBody.parse)
  return copyPlanMonth(await useDb(event), user.id, getRouterParam(event, 'id')!, body)
})
