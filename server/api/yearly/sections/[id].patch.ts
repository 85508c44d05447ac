import { sectionPatchBody } from '#shared/schemas/yearly'
import { updateSection } from '../../../domain/plans'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const body = await readValidatedBody(event, sectionPatchBody.parse)
  return updateSection(await useDb(event), user.id, getRouterParam(event, 'id')!, body)
})
