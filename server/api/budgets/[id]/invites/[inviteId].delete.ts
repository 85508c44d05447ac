import { revokeInvite } from '../../../../domain/budgets'

export default defineEventHandler(async (event) => {
  const caller = await requireCaller(event)
  await revokeInvite(await useDb(event), caller, getRouterParam(event, 'id')!, getRouterParam(event, 'inviteId')!)
  return sendNoContent(event)
})
