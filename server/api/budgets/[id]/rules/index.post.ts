import { ruleCreateBody } from '#shared/schemas/rules'
import { createRule } from '../../../../domain/rules'

export default defineEventHandler(async (event) => {
  const caller = await requireCaller(event)
  const body = await readValidatedBody(event, ruleCreateBody.parse)
  const rule = await createRule(await useDb(event), caller, getRouterParam(event, 'id')!, body)
  setResponseStatus(event, 201)
  return rule
})
