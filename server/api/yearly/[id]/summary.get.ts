import { getPlanSummary } from '../../../domain/plans'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  return getPlanSummary(await useDb(event), user.id, getRouterParam(event, 'id')!)
})
