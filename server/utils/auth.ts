import type { H3Event } from 'h3'
import type { User } from '#shared/schemas/auth'
import { SESSION_DAYS, findSessionCaller } from '../domain/accounts'
import type { Caller } from '../domain/access'
import { UUID } from '#shared/schemas/common'

declare module 'h3' {
  interface H3EventContext {
    caller?: Caller
  }
}

const sessionConfig = { maxAge: SESSION_DAYS * 24 * 60 * 60 }

async function sessionId(event: H3Event): Promise<string | undefined> {
  const session = await getUserSession(event)
  const id = session.secure?.sessionId
  return typeof id === 'string' && UUID.test(id) ? id : undefined
}

// The signed-in caller with their budgets and roles, or 401. The sealed cookie
// names a server-side session, so that signing out ends that session for good,
// not just in this browser. The session and memberships are looked up on the
// primary, even on a GET served by the replica: a replica that lags (or has
// stopped replaying) must not keep an ended session or a removed member alive.
export async function requireCaller(event: H3Event): Promise<Caller> {
  if (event.context.caller) return event.context.caller
  const id = await sessionId(event)
  const caller = id ? await findSessionCaller(await useDb(event), id) : null
  if (!caller) throw createError({ statusCode: 401, message: 'Please sign in.' })
  event.context.caller = caller
  return caller
}

// The signed-in user, for the routes about the account itself.
export async function requireUser(event: H3Event): Promise<User> {
  return (await requireCaller(event)).user
}

export async function startSession(event: H3Event, id: string) {
  await replaceUserSession(event, { secure: { sessionId: id } }, sessionConfig)
}

export async function currentSessionId(event: H3Event) {
  return sessionId(event)
}
