import { monthCreateBody } from '#shared/schemas/months'
import { createMonth } from '../../domain/months'

export default defineEventHandler(async (event) => {
  const caller = await requireCaller(event)
  const body = await readValidatedBody(event, monthCreateBody.parse)
  setResponseStatus(event, 201)
  return createMonth(await useDb(event), caller, body)
})
