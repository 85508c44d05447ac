import { planPatchBody } from '#shared/schemas/yearly'
import { updatePlan } from '../../domain/plans'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const body = await readValidatedBody(event, planPatchBody.parse)
  return updatePlan(await useDb(event), user.id, getRouterParam(event, 'id')!, body)
})
