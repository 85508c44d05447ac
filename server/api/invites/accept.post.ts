import { inviteAcceptBody } from '#shared/schemas/budgets'
import { acceptInvite } from '../../domain/budgets'

export default defineEventHandler(async (event) => {
  const caller = await requireCaller(event)
  const { token } = await readValidatedBody(event, inviteAcceptBody.parse)
  return acceptInvite(await useDb(event), caller, token)
})
