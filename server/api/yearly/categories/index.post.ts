import { yearlyCategoryCreateBody } from '#shared/schemas/yearly'
import { createYearlyCategory } from '../../../domain/plans'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const body = await readValidatedBody(event, yearlyCategoryCreateBody.parse)
  setResponseStatus(event, 201)
  return createYearlyCategory(await useDb(event), user.id, body)
})
