import { deductionCreateBody } from '#shared/schemas/yearly'
import { createDeduction } from '../../../domain/plans'

export default defineEventHandler(async (event) => {
  const caller = await requireCaller(event)
  const body = await readValidatedBody(event, deductionCreateBody.parse)
  setResponseStatus(event, 201)
  return createDeduction(await useDb(event), caller, body)
})
