import { endSession } from '../../domain/accounts'

export default defineEventHandler(async (event) => {
  await requireUser(event)
  const id = await currentSessionId(event)
  if (id) await endSession(await useDb(event), id)
  await clearUserSession(event)
  return sendNoContent(event)
})
