import type { H3Event } from 'h3'
import type { User } from '#shared/schemas/auth'
import { SESSION_DAYS, findSessionUser } from '../domain/accounts'
import { UUID } from '#shared/schemas/common'

declare module 'h3' {
  interface H3EventContext {
    user?: User
  }
}

const sessionConfig = { maxAge: SESSION_DAYS * 24 * 60 * 60 }

async function sessionId(event: H3Event): Promise<string | undefined> {
  const session = await getUserSession(event)
  const id = session.secure?.sessionId
  return typeof id === 'string' && UUID.test(id) ? id : undefined
}

// The signed-in user, or 401. The sealed cookie names a server-side session, so
// that signing out ends that session for good, not just in this browser. The
// session is looked up on the primary, even on a GET served by the replica: a
// replica that lags (or has stopped replaying) must not keep an ended session alive.
export async function requireUser(event: H3Event): Promise<User> {
  if (event.context.user) return event.context.user
  const id = await sessionId(event)
  const user = id ? await findSessionUser(await useDb(event), id) : null
  if (!user) throw createError({ statusCode: 401, message: 'Please sign in.' })
  event.context.user = user
  return user
}

export async function startSession(event: H3Event, id: string) {
  await replaceUserSession(event, { secure: { sessionId: id } }, sessionConfig)
}

export async function currentSessionId(event: H3Event) {
  return sessionId(event)
}
