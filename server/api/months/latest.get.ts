import { getLatestMonthDetail } from '../../domain/months'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  return getLatestMonthDetail(await useReadDb(event), user.id)
})
