import { deleteMonth } from '../../domain/months'

export default defineEventHandler(async (event) => {
  const caller = await requireCaller(event)
  await deleteMonth(await useDb(event), caller, getRouterParam(event, 'id')!)
  return sendNoContent(event)
})
