import { rulePatchBody } from '#shared/schemas/rules'
import { updateRule } from '../../domain/rules'

export default defineEventHandler(async (event) => {
  const caller = await requireCaller(event)
  const changes = await readValidatedBody(event, rulePatchBody.parse)
  return updateRule(await useDb(event), caller, getRouterParam(event, 'id')!, changes)
})
