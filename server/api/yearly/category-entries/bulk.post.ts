import { bulkEntriesBody } from '#shared/schemas/yearly'
import { bulkUpdateCategoryEntries } from '../../../domain/plans'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const body = await readValidatedBody(event, bulkEntriesBody.parse)
  return bulkUpdateCategoryEntries(await useDb(event), user.id, body)
})
