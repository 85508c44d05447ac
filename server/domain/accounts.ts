import type { Db } from '../utils/db'
import type { ProfileBody, RegisterBody, User } from '#shared/schemas/auth'
import type { Caller } from './access'
import { budgetFields, presentBudget } from './budgets'

export const SESSION_DAYS = 30
export const LOGIN_FAILURE_LIMIT = 10
export const LOGIN_FAILURE_WINDOW_MS = 15 * 60 * 1000

const userFields = { id: true, email: true, name: true, currency: true, locale: true } as const

// Verified against when the email has no account, so that a miss costs as much
// time as a wrong password and does not reveal which addresses are registered.
const ABSENT_USER_HASH = '$scrypt$n=16384,r=8,p=1$h2ZSDjCdERJlvIqe2myPDw$VW9JrvITVs4hrIvdv2kOEmVT5pLN4dZfxNzDKVTgVIRGQfo/kdJDfEXTkDlpwBx/7Gf5vYY9WDpSmRlYdD42RA'

export const emailKey = (email: string) => email.toLowerCase()

function sessionExpiry(now = Date.now()) {
  return new Date(now + SESSION_DAYS * 24 * 60 * 60 * 1000)
}

export async function registerUser(db: Db, body: RegisterBody): Promise<{ user: User, sessionId: string }> {
  const passwordHash = await hashPassword(body.password)
  const taken = await db.user.findUnique({ where: { emailKey: emailKey(body.email) }, select: { id: true } })
  if (taken) throw createError({ statusCode: 409, message: 'An account with this email already exists. Sign in instead.' })
  const created = await db.user.create({
    data: {
      email: body.email,
      emailKey: emailKey(body.email),
      name: body.name ?? null,
      passwordHash,
      sessions: { create: { expiresAt: sessionExpiry() } },
      // The first budget, in the same transaction as the account.
      memberships: { create: { role: 'owner', budget: { create: { name: 'Personal' } } } },
    },
    select: { ...userFields, sessions: { select: { id: true } } },
  })
  const { sessions, ...user } = created
  return { user, sessionId: sessions[0]!.id }
}

export type LoginOutcome
  = | { ok: true, user: User, sessionId: string }
    | { ok: false, reason: 'invalid' | 'rate-limited' }

// The rate limit's check and count are one step: under a per-email lock, the
// attempt takes a place among the email's recent failures before the password
// is checked (or is refused when 10 are taken), so concurrent tries cannot all
// pass the count. A right password gives its place back.
export async function authenticate(db: Db, email: string, password: string): Promise<LoginOutcome> {
  const key = emailKey(email)
  const windowStart = new Date(Date.now() - LOGIN_FAILURE_WINDOW_MS)
  const [, , claimed] = await db.$transaction([
    db.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`login:${key}`}, 0))`,
    db.loginFailure.deleteMany({ where: { email: key, createdAt: { lte: windowStart } } }),
    db.$queryRaw<{ id: string }[]>`
      INSERT INTO "LoginFailure" (email)
      SELECT ${key}
      WHERE (SELECT count(*) FROM "LoginFailure" WHERE email = ${key} AND "createdAt" > ${windowStart}) < ${LOGIN_FAILURE_LIMIT}
      RETURNING id::text`,
  ])
  if (!claimed.length) return { ok: false, reason: 'rate-limited' }

  const account = await db.user.findUnique({ where: { emailKey: key }, select: { ...userFields, passwordHash: true } })
  const matches = await verifyPassword(account?.passwordHash ?? ABSENT_USER_HASH, password)
  if (!account || !matches) return { ok: false, reason: 'invalid' }
  const { passwordHash: _, ...user } = account
  const [, , session] = await db.$transaction([
    db.loginFailure.deleteMany({ where: { id: claimed[0]!.id } }),
    db.session.deleteMany({ where: { userId: user.id, expiresAt: { lte: new Date() } } }),
    db.session.create({ data: { userId: user.id, expiresAt: sessionExpiry() }, select: { id: true } }),
  ])
  return { ok: true, user, sessionId: session.id }
}

// The session's user and their budgets in one query: membership costs no
// round trip of its own, and is read afresh on every request.
export async function findSessionCaller(db: Db, sessionId: string): Promise<Caller | null> {
  const session = await db.session.findFirst({
    where: { id: sessionId, expiresAt: { gt: new Date() } },
    select: {
      user: {
        select: {
          ...userFields,
          memberships: { select: { role: true, budget: { select: budgetFields } }, orderBy: [{ joinedAt: 'asc' }, { budgetId: 'asc' }] },
        },
      },
    },
  })
  if (!session) return null
  const { memberships, ...user } = session.user
  return { user, budgets: memberships.map(({ role, budget }) => presentBudget(budget, role)) }
}

export async function endSession(db: Db, sessionId: string) {
  await db.session.deleteMany({ where: { id: sessionId } })
}

export async function updateProfile(db: Db, userId: string, changes: ProfileBody): Promise<User> {
  return db.user.update({
    where: { id: userId },
    data: { ...changes, version: { increment: 1 } },
    select: userFields,
  })
}
