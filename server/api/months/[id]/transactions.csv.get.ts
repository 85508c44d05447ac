import { exportTransactionsCsv } from '../../../domain/months'

export default defineEventHandler(async (event) => {
  const caller = await requireCaller(event)
  const { csv, filename } = await exportTransactionsCsv(await useReadDb(event), caller, getRouterParam(event, 'id')!)
  setResponseHeader(event, 'content-type', 'text/csv; charset=utf-8')
  setResponseHeader(event, 'content-disposition', `attachment; filename="${filename}"`)
  return csv
})
