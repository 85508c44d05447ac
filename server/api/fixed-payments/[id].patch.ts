import { fixedPaymentPatchBody } from '#shared/schemas/months'
import { updateFixedPayment } from '../../domain/months'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const changes = await readValidatedBody(event, fixedPaymentPatchBody.parse)
  return updateFixedPayment(await useDb(event), user.id, getRouterParam(event, 'id')!, changes)
})
