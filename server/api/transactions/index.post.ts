import { transactionCreateBody } from '#shared/schemas/months'
import { createTransaction } from '../../domain/months'

export default defineEventHandler(async (event) => {
  const caller = await requireCaller(event)
  const body = await readValidatedBody(event, transactionCreateBody.parse)
  setResponseStatus(event, 201)
  return createTransaction(await useDb(event), caller, body)
})
