import { deductionPatchBody } from '#shared/schemas/yearly'
import { updateDeduction } from '../../../domain/plans'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const body = await readValidatedBody(event, deductionPatchBody.parse)
  return updateDeduction(await useDb(event), user.id, getRouterParam(event, 'id')!, body)
})
