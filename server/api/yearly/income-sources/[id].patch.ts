import { rowPatchBody } from '#shared/schemas/yearly'
import { updateIncomeSource } from '../../../domain/plans'

export default defineEventHandler(async (event) => {
  const caller = await requireCaller(event)
  const body = await readValidatedBody(event, rowPatchBody.parse)
  return updateIncomeSource(await useDb(event), caller, getRouterParam(event, 'id')!, body)
})
