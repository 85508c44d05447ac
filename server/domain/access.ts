// Who may see and change what: the one guard every budget record passes.
// Membership replaces ownership: a record is reached only through a budget the
// caller belongs to, and the caller's role there decides what they may do.
import type { User } from '#shared/schemas/auth'
import type { Budget, Role } from '#shared/schemas/budgets'
import { isId, notFound } from './errors'

// The signed-in user and their budgets (each with their role in it, oldest
// membership first), read from the primary with the session on every request,
// never kept across requests: a removal or role change applies at once.
export interface Caller {
  user: User
  budgets: Budget[]
}

const RANK: Record<Role, number> = { viewer: 0, editor: 1, owner: 2 }
const ROLE_NEEDED: Record<Role, string> = {
  viewer: 'a member',
  editor: 'an editor or owner',
  owner: 'an owner',
}

// A where-clause for records whose budgetId is one of the caller's. Every
// lookup goes through it, so that a record in someone else's budget is not
// found, exactly like an id that names nothing.
export const inCallerBudgets = (caller: Caller) => ({ budgetId: { in: caller.budgets.map(budget => budget.id) } })

function roleIn(caller: Caller, budgetId: string): Role | undefined {
  return caller.budgets.find(budget => budget.id === budgetId)?.role
}

// The guard: a record found among the caller's budgets (or null: 404, as for
// an unknown id), then the role it takes (403, naming the role needed).
export function authorize<T>(caller: Caller, role: Role, what: string, record: T | null, budgetIdOf: (record: T) => string): T {
  if (!record) throw notFound(what)
  const held = roleIn(caller, budgetIdOf(record))
  if (!held) throw notFound(what)
  if (RANK[held] < RANK[role]) {
    throw createError({ statusCode: 403, message: `Only ${ROLE_NEEDED[role]} of this budget can do this; you are a${held === 'editor' ? 'n' : ''} ${held}.` })
  }
  return record
}

// The budget a list or a new month or plan is for: the one named (one of the
// caller's, or 404), else the caller's first; null when they have none.
export function chooseBudget(caller: Caller, budgetId: string | undefined): Budget | null {
  if (budgetId === undefined) return caller.budgets[0] ?? null
  const budget = isId(budgetId) ? caller.budgets.find(b => b.id === budgetId) : undefined
  if (!budget) throw notFound('Budget')
  return budget
}

// The same for a route that needs a budget (a list answers [] without one).
export function requireBudget(caller: Caller, budgetId: string | undefined, role: Role): Budget {
  return authorize(caller, role, 'Budget', chooseBudget(caller, budgetId), budget => budget.id)
}
