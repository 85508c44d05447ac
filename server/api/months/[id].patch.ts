import { monthPatchBody } from '#shared/schemas/months'
import { updateMonth } from '../../domain/months'

export default defineEventHandler(async (event) => {
  const caller = await requireCaller(event)
  const changes = await readValidatedBody(event, monthPatchBody.parse)
  return updateMonth(await useDb(event), caller, getRouterParam(event, 'id')!, changes)
})
