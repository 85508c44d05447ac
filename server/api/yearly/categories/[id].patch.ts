import { yearlyCategoryPatchBody } from '#shared/schemas/yearly'
import { updateYearlyCategory } from '../../../domain/plans'

export default defineEventHandler(async (event) => {
  const caller = await requireCaller(event)
  const body = await readValidatedBody(event, yearlyCategoryPatchBody.parse)
  return updateYearlyCategory(await useDb(event), caller, getRouterParam(event, 'id')!, body)
})
