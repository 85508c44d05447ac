import { transactionPatchBody } from '#shared/schemas/months'
import { updateTransaction } from '../../domain/months'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const changes = await readValidatedBody(event, transactionPatchBody.parse)
  return updateTransaction(await useDb(event), user.id, getRouterParam(event, 'id')!, changes)
})
