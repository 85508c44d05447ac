import { getLatestMonthDetail } from '../../domain/months'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  return getLatestMonthDetail(await useDb(event), user.id)
})
