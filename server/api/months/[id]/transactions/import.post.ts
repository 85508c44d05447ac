import { importTransactionsCsv } from '../../../../domain/months'

export default defineEventHandler(async (event) => {
  const caller = await requireCaller(event)
  const csv = await readCsvBody(event)
  setResponseStatus(event, 201)
  return importTransactionsCsv(await useDb(event), caller, getRouterParam(event, 'id')!, csv)
})
