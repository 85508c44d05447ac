import { rowPatchBody } from '#shared/schemas/yearly'
import { updateIncomeSource } from '../../../domain/plans'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const body = await readValidatedBody(event, rowPatchBody.parse)
  return updateIncomeSource(await useDb(event), user.id, getRouterParam(event, 'id')!, body)
})
