import { sectionPatchBody } from '#shared/schemas/yearly'
import { updateSection } from '../../../domain/plans'

export default defineEventHandler(async (event) => {
  const caller = await requireCaller(event)
  const body = await readValidatedBody(event, sectionPatchBody.parse)
  return updateSection(await useDb(event), caller, getRouterParam(event, 'id')!, body)
})
