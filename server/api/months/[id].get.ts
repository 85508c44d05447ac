import { getMonthDetail } from '../../domain/months'

export default defineEventHandler(async (event) => {
  const caller = await requireCaller(event)
  return withEtag(event, await getMonthDetail(await useReadDb(event), caller, getRouterParam(event, 'id')!))
})
