import { deleteYearlyCategory } from '../../../domain/plans'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  await deleteYearlyCategory(await useDb(event), user.id, getRouterParam(event, 'id')!)
  return sendNoContent(event)
})
