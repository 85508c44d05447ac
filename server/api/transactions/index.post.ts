import { transactionCreateBody } from '#shared/schemas/months'
import { createTransaction } from '../../domain/months'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const body = await readValidatedBody(event, transactionCreateBody.parse)
  setResponseStatus(event, 201)
  return createTransaction(await useDb(event), user.id, body)
})
