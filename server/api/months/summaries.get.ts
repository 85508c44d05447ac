import { listMonthSummaries } from '../../domain/months'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  return withEtag(event, await listMonthSummaries(await useReadDb(event), user.id))
})
