import { inviteCreateBody } from '#shared/schemas/budgets'
import { createInvite } from '../../../../domain/budgets'

export default defineEventHandler(async (event) => {
  const caller = await requireCaller(event)
  const body = await readValidatedBody(event, inviteCreateBody.parse)
  const invite = await createInvite(await useDb(event), caller, getRouterParam(event, 'id')!, body)
  setResponseStatus(event, 201)
  return invite
})
