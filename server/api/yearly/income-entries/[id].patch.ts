import { entryPatchBody } from '#shared/schemas/yearly'
import { updateIncomeEntry } from '../../../domain/plans'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const body = await readValidatedBody(event, entryPatchBody.parse)
  return updateIncomeEntry(await useDb(event), user.id, getRouterParam(event, 'id')!, body)
})
