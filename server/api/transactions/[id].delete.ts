import { deleteTransaction } from '../../domain/months'

export default defineEventHandler(async (event) => {
  const caller = await requireCaller(event)
  await deleteTransaction(await useDb(event), caller, getRouterParam(event, 'id')!)
  return sendNoContent(event)
})
