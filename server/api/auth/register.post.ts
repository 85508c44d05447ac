import { registerBody } from '#shared/schemas/auth'
import { registerUser } from '../../domain/accounts'

export default defineEventHandler(async (event) => {
  const body = await readValidatedBody(event, registerBody.parse)
  const { user, sessionId } = await registerUser(await useDb(event), body)
  await startSession(event, sessionId)
  setResponseStatus(event, 201)
  return { user }
})
