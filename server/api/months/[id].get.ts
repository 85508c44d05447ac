import { getMonthDetail } from '../../domain/months'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  return getMonthDetail(await useDb(event), user.id, getRouterParam(event, 'id')!)
})
