import { listMonths } from '../../domain/months'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  return listMonths(await useReadDb(event), user.id)
})
