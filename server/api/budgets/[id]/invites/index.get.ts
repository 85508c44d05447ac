import { listInvites } from '../../../../domain/budgets'

export default defineEventHandler(async (event) => {
  const caller = await requireCaller(event)
  return listInvites(await useDb(event), caller, getRouterParam(event, 'id')!)
})
