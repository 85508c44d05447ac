import { fixedPaymentCreateBody } from '#shared/schemas/months'
import { createFixedPayment } from '../../domain/months'

export default defineEventHandler(async (event) => {
  const caller = await requireCaller(event)
  const body = await readValidatedBody(event, fixedPaymentCreateBody.parse)
  setResponseStatus(event, 201)
  return createFixedPayment(await useDb(event), caller, body)
})
