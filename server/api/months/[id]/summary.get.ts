import { getMonthSummary } from '../../../domain/months'

export default defineEventHandler(async (event) => {
  const caller = await requireCaller(event)
  return withEtag(event, await getMonthSummary(await useReadDb(event), caller, getRouterParam(event, 'id')!))
})
