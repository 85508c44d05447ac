import { memberPatchBody } from '#shared/schemas/budgets'
import { updateMemberRole } from '../../../../domain/budgets'

export default defineEventHandler(async (event) => {
  const caller = await requireCaller(event)
  const { role } = await readValidatedBody(event, memberPatchBody.parse)
  return updateMemberRole(await useDb(event), caller, getRouterParam(event, 'id')!, getRouterParam(event, 'userId')!, role)
})
