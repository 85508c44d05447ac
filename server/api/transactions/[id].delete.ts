import { deleteTransaction } from '../../domain/months'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  await deleteTransaction(await useDb(event), user.id, getRouterParam(event, 'id')!)
  return sendNoContent(event)
})
