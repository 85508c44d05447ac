import { deleteFixedPayment } from '../../domain/months'

export default defineEventHandler(async (event) => {
  const caller = await requireCaller(event)
  await deleteFixedPayment(await useDb(event), caller, getRouterParam(event, 'id')!)
  return sendNoContent(event)
})
