import { spendingQuery } from '#shared/schemas/reports'
import { getSpendingReport } from '../../../../domain/reports'

export default defineEventHandler(async (event) => {
  const caller = await requireCaller(event)
  const query = await getValidatedQuery(event, spendingQuery.parse)
  return withEtag(event, await getSpendingReport(await useReadDb(event), caller, getRouterParam(event, 'id')!, query))
})
