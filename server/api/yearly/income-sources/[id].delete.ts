import { deleteIncomeSource } from '../../../domain/plans'

export default defineEventHandler(async (event) => {
  const caller = await requireCaller(event)
  await deleteIncomeSource(await useDb(event), caller, getRouterParam(event, 'id')!)
  return sendNoContent(event)
})
