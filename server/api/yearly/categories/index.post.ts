import { yearlyCategoryCreateBody } from '#shared/schemas/yearly'
import { createYearlyCategory } from '../../../domain/plans'

export default defineEventHandler(async (event) => {
  const caller = await requireCaller(event)
  const body = await readValidatedBody(event, yearlyCategoryCreateBody.parse)
  setResponseStatus(event, 201)
  return createYearlyCategory(await useDb(event), caller, body)
})
