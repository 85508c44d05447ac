import { getLatestPlanDetail } from '../../domain/plans'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  return getLatestPlanDetail(await useReadDb(event), user.id)
})
