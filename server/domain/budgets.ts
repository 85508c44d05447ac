// Budgets, their members and invites. Only an owner changes a budget, its
// members and invites; any member reads it and may leave.
import type { Budget, BudgetCreate, BudgetDetail, BudgetPatch, CreatedInvite, Invite, InviteCreate, Member, Role } from '#shared/schemas/budgets'
import { MAX_PENDING_INVITES } from '#shared/schemas/budgets'
import { INVITE_DAYS } from '#shared/schemas/limits'
import type { Client, Db } from '../utils/db'
import { authorize, requireBudget, type Caller } from './access'
import { conflict, isId, notFound, updateVersioned } from './errors'
import { hashInviteToken, newInviteToken } from './invite-tokens'

export const budgetFields = { id: true, name: true, currency: true, createdAt: true, version: true } as const
type BudgetRow = Omit<Budget, 'role' | 'createdAt'> & { createdAt: Date }

export const presentBudget = (row: BudgetRow, role: Role): Budget => ({ ...row, role, createdAt: row.createdAt.toISOString() })

const inviteFields = { id: true, role: true, createdAt: true, expiresAt: true } as const
type InviteRow = { id: string, role: Role, createdAt: Date, expiresAt: Date }
const presentInvite = (row: InviteRow): Invite => ({ id: row.id, role: row.role as Invite['role'], createdAt: row.createdAt.toISOString(), expiresAt: row.expiresAt.toISOString() })

const pending = () => ({ usedAt: null, revokedAt: null, expiresAt: { gt: new Date() } })

export async function createBudget(db: Db, caller: Caller, body: BudgetCreate): Promise<Budget> {
  const row = await db.budget.create({
    data: { name: body.name, currency: body.currency ?? caller.user.currency, memberships: { create: { userId: caller.user.id, role: 'owner' } } },
    select: budgetFields,
  })
  return presentBudget(row, 'owner')
}

const memberSelect = { userId: true, role: true, joinedAt: true, user: { select: { name: true, email: true } } } as const
type MemberRow = { userId: string, role: Role, joinedAt: Date, user: { name: string | null, email: string } }
const presentMember = (row: MemberRow): Member => ({ userId: row.userId, name: row.user.name, email: row.user.email, role: row.role, joinedAt: row.joinedAt.toISOString() })

// Owners first, then by when they joined.
export async function getBudget(db: Db, caller: Caller, id: string): Promise<BudgetDetail> {
  const budget = requireBudget(caller, id, 'viewer')
  const rows = await db.membership.findMany({ where: { budgetId: budget.id }, select: memberSelect, orderBy: [{ joinedAt: 'asc' }, { userId: 'asc' }] })
  const members = rows.map(presentMember)
  return { ...budget, members: [...members.filter(m => m.role === 'owner'), ...members.filter(m => m.role !== 'owner')] }
}

export async function updateBudget(db: Db, caller: Caller, id: string, { version, ...changes }: BudgetPatch): Promise<Budget> {
  const budget = requireBudget(caller, id, 'owner')
  return updateVersioned({
    what: 'Budget',
    load: () => db.budget.findUnique({ where: { id: budget.id }, select: budgetFields }),
    guard: row => authorize(caller, 'owner', 'Budget', row, r => r.id),
    expectedVersion: version,
    write: current => db.budget.update({ where: { id: budget.id, version: current.version }, data: { ...changes, version: { increment: 1 } }, select: budgetFields }),
    present: row => presentBudget(row, budget.role),
  })
}

// With everything in it, in one statement (the database cascades).
export async function deleteBudget(db: Db, caller: Caller, id: string) {
  const budget = requireBudget(caller, id, 'owner')
  if (caller.budgets.length === 1) throw conflict('This is your only budget. Create another one before deleting it.')
  await db.budget.deleteMany({ where: { id: budget.id } })
}

export async function listInvites(db: Db, caller: Caller, id: string): Promise<Invite[]> {
  const budget = requireBudget(caller, id, 'owner')
  const rows = await db.invite.findMany({ where: { budgetId: budget.id, ...pending() }, select: inviteFields, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] })
  return rows.map(presentInvite)
}

// Serializes the changes to one budget's members, invites and rules (the owner
// count, the pending invites' and the rules' counts) until the transaction ends.
export async function lockBudget(tx: Client, budgetId: string) {
  await tx.$queryRaw`SELECT 1 FROM "Budget" WHERE id = ${budgetId}::uuid FOR UPDATE`
}

export async function createInvite(db: Db, caller: Caller, id: string, body: InviteCreate): Promise<CreatedInvite> {
  const budget = requireBudget(caller, id, 'owner')
  const token = newInviteToken()
  const tokenHash = await hashInviteToken(token)
  const days = body.expiresInDays ?? INVITE_DAYS.default
  const now = new Date()
  const row = await db.$transaction(async (tx) => {
    await lockBudget(tx, budget.id)
    if (await tx.invite.count({ where: { budgetId: budget.id, ...pending() } }) >= MAX_PENDING_INVITES) {
      throw conflict(`This budget already has ${MAX_PENDING_INVITES} pending invites. Revoke some first.`)
    }
    return tx.invite.create({
      data: { budgetId: budget.id, role: body.role, tokenHash, createdAt: now, expiresAt: new Date(now.getTime() + days * 24 * 60 * 60 * 1000) },
      select: inviteFields,
    })
  })
  return { ...presentInvite(row), token, path: `/join/${token}` }
}

export async function revokeInvite(db: Db, caller: Caller, id: string, inviteId: string) {
  const budget = requireBudget(caller, id, 'owner')
  const { count } = isId(inviteId) ? await db.invite.updateMany({ where: { id: inviteId, budgetId: budget.id, ...pending() }, data: { revokedAt: new Date() } }) : { count: 0 }
  if (!count) throw notFound('Invite')
}

const INVITE_GONE = 'This invite link is not valid: it may have expired, been revoked or already been used. Ask for a new one.'

// One step: the pending invite is locked, checked and used, and the caller
// joins, or nothing changes. Of concurrent accepts one wins; the rest find the
// invite used. Unknown, expired, revoked and used tokens answer alike.
export async function acceptInvite(db: Db, caller: Caller, token: string): Promise<Budget> {
  const tokenHash = await hashInviteToken(token)
  return db.$transaction(async (tx) => {
    const [invite] = await tx.$queryRaw<{ id: string, budgetId: string, role: Role }[]>`
      SELECT id::text, "budgetId"::text AS "budgetId", role::text AS role FROM "Invite"
      WHERE "tokenHash" = ${tokenHash} AND "usedAt" IS NULL AND "revokedAt" IS NULL AND "expiresAt" > now()
      FOR UPDATE`
    if (!invite) throw createError({ statusCode: 404, message: INVITE_GONE })
    // Which budget is no secret to a member: the page links to it.
    if (caller.budgets.some(budget => budget.id === invite.budgetId)) {
      throw createError({ statusCode: 409, message: 'You are already a member of this budget.', data: { budgetId: invite.budgetId } })
    }
    await tx.invite.update({ where: { id: invite.id }, data: { usedAt: new Date(), usedById: caller.user.id } })
    const { budget } = await tx.membership.create({ data: { budgetId: invite.budgetId, userId: caller.user.id, role: invite.role }, select: { budget: { select: budgetFields } } })
    return presentBudget(budget, invite.role)
  })
}

// A change to one member, by a caller with `role` in the budget. Refused when
// it would leave the budget without an owner: the owners are counted under the
// budget's lock, after the change, so two owners demoting each other at once
// cannot both succeed.
async function changeMember<T>(db: Db, caller: Caller, id: string, userId: string, role: Role, change: (tx: Client, budgetId: string) => Promise<T>): Promise<T> {
  const budgetId = requireBudget(caller, id, 'viewer').id
  return db.$transaction(async (tx) => {
    await lockBudget(tx, budgetId)
    const member = isId(userId) ? await tx.membership.findUnique({ where: { budgetId_userId: { budgetId, userId } }, select: { role: true } }) : null
    if (!member) throw notFound('Member')
    requireBudget(caller, id, role)
    const result = await change(tx, budgetId)
    if (!await tx.membership.count({ where: { budgetId, role: 'owner' } })) {
      throw conflict('A budget needs an owner. Make someone else an owner first.')
    }
    return result
  })
}

export async function updateMemberRole(db: Db, caller: Caller, id: string, userId: string, role: Role): Promise<Member> {
  return changeMember(db, caller, id, userId, 'owner', async (tx, budgetId) => presentMember(await tx.membership.update({
    where: { budgetId_userId: { budgetId, userId } },
    data: { role },
    select: memberSelect,
  })))
}

// An owner removes anyone; any member may remove themself (leave).
export async function removeMember(db: Db, caller: Caller, id: string, userId: string) {
  await changeMember(db, caller, id, userId, userId === caller.user.id ? 'viewer' : 'owner', (tx, budgetId) =>
    tx.membership.delete({ where: { budgetId_userId: { budgetId, userId } } }))
}
