import { deductionPatchBody } from '#shared/schemas/yearly'
import { updateDeduction } from '../../../domain/plans'

export default defineEventHandler(async (event) => {
  const caller = await requireCaller(event)
  const body = await readValidatedBody(event, deductionPatchBody.parse)
  return updateDeduction(await useDb(event), caller, getRouterParam(event, 'id')!, body)
})
