import { transactionPatchBody } from '#shared/schemas/months'
import { updateTransaction } from '../../domain/months'

export default defineEventHandler(async (event) => {
  const caller = await requireCaller(event)
  const changes = await readValidatedBody(event, transactionPatchBody.parse)
  return updateTransaction(await useDb(event), caller, getRouterParam(event, 'id')!, changes)
})
