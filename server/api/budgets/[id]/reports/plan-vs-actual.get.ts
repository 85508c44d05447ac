import { planVsActualQuery } from '#shared/schemas/reports'
import { getPlanVsActualReport } from '../../../../domain/reports'

export default defineEventHandler(async (event) => {
  const caller = await requireCaller(event)
  const { year } = await getValidatedQuery(event, planVsActualQuery.parse)
  return withEtag(event, await getPlanVsActualReport(await useReadDb(event), caller, getRouterParam(event, 'id')!, year))
})
