import { getPlanSummary } from '../../../domain/plans'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  return withEtag(event, await getPlanSummary(await useReadDb(event), user.id, getRouterParam(event, 'id')!))
})
