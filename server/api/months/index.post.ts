import { monthCreateBody } from '#shared/schemas/months'
import { createMonth } from '../../domain/months'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const body = await readValidatedBody(event, monthCreateBody.parse)
  setResponseStatus(event, 201)
  return createMonth(await useDb(event), user.id, body)
})
