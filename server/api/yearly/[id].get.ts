import { getPlanDetail } from '../../domain/plans'

export default defineEventHandler(async (event) => {
  const caller = await requireCaller(event)
  return withEtag(event, await getPlanDetail(await useReadDb(event), caller, getRouterParam(event, 'id')!))
})
