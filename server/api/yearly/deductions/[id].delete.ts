import { deleteDeduction } from '../../../domain/plans'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  await deleteDeduction(await useDb(event), user.id, getRouterParam(event, 'id')!)
  return sendNoContent(event)
})
