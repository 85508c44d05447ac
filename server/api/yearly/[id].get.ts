import { getPlanDetail } from '../../domain/plans'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  return withEtag(event, await getPlanDetail(await useReadDb(event), user.id, getRouterParam(event, 'id')!))
})
