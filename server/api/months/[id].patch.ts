import { monthPatchBody } from '#shared/schemas/months'
import { updateMonth } from '../../domain/months'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const changes = await readValidatedBody(event, monthPatchBody.parse)
  return updateMonth(await useDb(event), user.id, getRouterParam(event, 'id')!, changes)
})
