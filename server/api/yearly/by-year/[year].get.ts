import { getPlanDetailByYear } from '../../../domain/plans'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  return getPlanDetailByYear(await useReadDb(event), user.id, getRouterParam(event, 'year')!)
})
