import { planPatchBody } from '#shared/schemas/yearly'
import { updatePlan } from '../../domain/plans'

export default defineEventHandler(async (event) => {
  const caller = await requireCaller(event)
  const body = await readValidatedBody(event, planPatchBody.parse)
  return updatePlan(await useDb(event), caller, getRouterParam(event, 'id')!, body)
})
