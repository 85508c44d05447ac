import { listPlans } from '../../domain/plans'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  return listPlans(await useReadDb(event), user.id)
})
