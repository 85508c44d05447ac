import { bulkEntriesBody } from '#shared/schemas/yearly'
import { bulkUpdateCategoryEntries } from '../../../domain/plans'

export default defineEventHandler(async (event) => {
  const caller = await requireCaller(event)
  const body = await readValidatedBody(event, bulkEntriesBody.parse)
  return bulkUpdateCategoryEntries(await useDb(event), caller, body)
})
