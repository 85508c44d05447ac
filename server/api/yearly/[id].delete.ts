import { deletePlan } from '../../domain/plans'

export default defineEventHandler(async (event) => {
  const caller = await requireCaller(event)
  await deletePlan(await useDb(event), caller, getRouterParam(event, 'id')!)
  return sendNoContent(event)
})
