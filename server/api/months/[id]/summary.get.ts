import { getMonthSummary } from '../../../domain/months'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  return withEtag(event, await getMonthSummary(await useReadDb(event), user.id, getRouterParam(event, 'id')!))
})
