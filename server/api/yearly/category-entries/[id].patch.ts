import { entryPatchBody } from '#shared/schemas/yearly'
import { updateCategoryEntry } from '../../../domain/plans'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const body = await readValidatedBody(event, entryPatchBody.parse)
  return updateCategoryEntry(await useDb(event), user.id, getRouterParam(event, 'id')!, body)
})
