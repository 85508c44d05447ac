import { exportTransactionsCsv } from '../../../domain/months'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { csv, filename } = await exportTransactionsCsv(await useReadDb(event), user.id, getRouterParam(event, 'id')!, user.currency)
  setResponseHeader(event, 'content-type', 'text/csv; charset=utf-8')
  setResponseHeader(event, 'content-disposition', `attachment; filename="${filename}"`)
  return csv
})
