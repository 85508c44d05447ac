import { planCreateBody } from '#shared/schemas/yearly'
import { createPlan } from '../../domain/plans'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const body = await readValidatedBody(event, planCreateBody.parse)
  setResponseStatus(event, 201)
  return createPlan(await useDb(event), user.id, body)
})
