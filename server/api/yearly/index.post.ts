import { planCreateBody } from '#shared/schemas/yearly'
import { createPlan } from '../../domain/plans'

export default defineEventHandler(async (event) => {
  const caller = await requireCaller(event)
  const body = await readValidatedBody(event, planCreateBody.parse)
  setResponseStatus(event, 201)
  return createPlan(await useDb(event), caller, body)
})
