import { fixedPaymentPatchBody } from '#shared/schemas/months'
import { updateFixedPayment } from '../../domain/months'

export default defineEventHandler(async (event) => {
  const caller = await requireCaller(event)
  const changes = await readValidatedBody(event, fixedPaymentPatchBody.parse)
  return updateFixedPayment(await useDb(event), caller, getRouterParam(event, 'id')!, changes)
})
