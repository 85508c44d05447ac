import { deleteMonth } from '../../domain/months'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  await deleteMonth(await useDb(event), user.id, getRouterParam(event, 'id')!)
  return sendNoContent(event)
})
