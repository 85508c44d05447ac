import { categoryPatchBody } from '#shared/schemas/months'
import { updateCategory } from '../../domain/months'

export default defineEventHandler(async (event) => {
  const caller = await requireCaller(event)
  const changes = await readValidatedBody(event, categoryPatchBody.parse)
  return updateCategory(await useDb(event), caller, getRouterParam(event, 'id')!, changes)
})
