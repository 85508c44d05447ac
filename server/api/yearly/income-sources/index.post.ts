import { incomeSourceCreateBody } from '#shared/schemas/yearly'
import { createIncomeSource } from '../../../domain/plans'

export default defineEventHandler(async (event) => {
  const caller = await requireCaller(event)
  const body = await readValidatedBody(event, incomeSourceCreateBody.parse)
  setResponseStatus(event, 201)
  return createIncomeSource(await useDb(event), caller, body)
})
