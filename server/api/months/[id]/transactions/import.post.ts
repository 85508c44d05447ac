import { importTransactionsCsv } from '../../../../domain/months'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const csv = await readCsvBody(event)
  setResponseStatus(event, 201)
  return importTransactionsCsv(await useDb(event), user.id, getRouterParam(event, 'id')!, csv, user.currency)
})
