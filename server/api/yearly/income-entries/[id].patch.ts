import { entryPatchBody } from '#shared/schemas/yearly'
import { updateIncomeEntry } from '../../../domain/plans'

export default defineEventHandler(async (event) => {
  const caller = await requireCaller(event)
  const body = await readValidatedBody(event, entryPatchBody.parse)
  return updateIncomeEntry(await useDb(event), caller, getRouterParam(event, 'id')!, body)
})
