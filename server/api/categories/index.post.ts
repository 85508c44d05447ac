import { categoryCreateBody } from '#shared/schemas/months'
import { createCategory } from '../../domain/months'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const body = await readValidatedBody(event, categoryCreateBody.parse)
  setResponseStatus(event, 201)
  return createCategory(await useDb(event), user.id, body)
})
