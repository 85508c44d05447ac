import { categoryCreateBody } from '#shared/schemas/months'
import { createCategory } from '../../domain/months'

export default defineEventHandler(async (event) => {
  const caller = await requireCaller(event)
  const body = await readValidatedBody(event, categoryCreateBody.parse)
  setResponseStatus(event, 201)
  return createCategory(await useDb(event), caller, body)
})
