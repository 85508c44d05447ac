import { loginBody } from '#shared/schemas/auth'
import { authenticate } from '../../domain/accounts'

export default defineEventHandler(async (event) => {
  const { email, password } = await readValidatedBody(event, loginBody.parse)
  const outcome = await authenticate(await useDb(event), email, password)
  if (!outcome.ok && outcome.reason === 'rate-limited') {
    throw createError({ statusCode: 429, message: 'Too many failed sign-in attempts for this email. Please wait 15 minutes and try again.' })
  }
  if (!outcome.ok) throw createError({ statusCode: 401, message: 'Wrong email or password.' })
  await startSession(event, outcome.sessionId)
  return { user: outcome.user }
})
