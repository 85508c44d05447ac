import { getPlanSummary } from '../../../domain/plans'

export default defineEventHandler(async (event) => {
  const caller = await requireCaller(event)
  return withEtag(event, await getPlanSummary(await useReadDb(event), caller, getRouterParam(event, 'id')!))
})
