import { categoryPatchBody } from '#shared/schemas/months'
import { updateCategory } from '../../domain/months'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const changes = await readValidatedBody(event, categoryPatchBody.parse)
  return updateCategory(await useDb(event), user.id, getRouterParam(event, 'id')!, changes)
})
