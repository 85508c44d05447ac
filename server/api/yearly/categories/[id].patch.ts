import { yearlyCategoryPatchBody } from '#shared/schemas/yearly'
import { updateYearlyCategory } from '../../../domain/plans'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const body = await readValidatedBody(event, yearlyCategoryPatchBody.parse)
  return updateYearlyCategory(await useDb(event), user.id, getRouterParam(event, 'id')!, body)
})
