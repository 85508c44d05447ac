import { deleteRule } from '../../domain/rules'

export default defineEventHandler(async (event) => {
  const caller = await requireCaller(event)
  await deleteRule(await useDb(event), caller, getRouterParam(event, 'id')!)
  return sendNoContent(event)
})
