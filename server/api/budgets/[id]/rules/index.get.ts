import { listRules } from '../../../../domain/rules'

export default defineEventHandler(async (event) => {
  const caller = await requireCaller(event)
  return listRules(await useReadDb(event), caller, getRouterParam(event, 'id')!)
})
