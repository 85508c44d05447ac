import { removeMember } from '../../../../domain/budgets'

export default defineEventHandler(async (event) => {
  const caller = await requireCaller(event)
  await removeMember(await useDb(event), caller, getRouterParam(event, 'id')!, getRouterParam(event, 'userId')!)
  return sendNoContent(event)
})
