import { z } from 'zod'
import { EMPTY_PATCH, changesSomething, currency, name, version } from './common'
import { INVITE_DAYS, INVITE_ROLES, ROLES } from './limits'

export type Role = typeof ROLES[number]

export const MAX_PENDING_INVITES = 50

export const budgetCreateBody = z.strictObject({
  name,
  currency: currency.optional(),
})

export const budgetPatchBody = z.strictObject({
  name: name.optional(),
  currency: currency.optional(),
  version: version.optional(),
}).refine(changesSomething, EMPTY_PATCH)

export const inviteCreateBody = z.strictObject({
  role: z.enum(INVITE_ROLES),
  expiresInDays: z.number().int().min(INVITE_DAYS.min).max(INVITE_DAYS.max).optional(),
})

export const inviteAcceptBody = z.strictObject({
  token: z.string().max(200),
})

export const memberPatchBody = z.strictObject({
  role: z.enum(ROLES),
})

// `?budgetId=` on the lists: a string, given at most once.
export const budgetQuery = z.object({
  budgetId: z.string({ error: 'Give one budget id' }).optional(),
})

export type BudgetCreate = z.infer<typeof budgetCreateBody>
export type BudgetPatch = z.infer<typeof budgetPatchBody>
export type InviteCreate = z.infer<typeof inviteCreateBody>

export interface Budget {
  id: string
  name: string
  currency: string
  role: Role
  createdAt: string
  version: number
}
export interface Member {
  userId: string
  name: string | null
  email: string
  role: Role
  joinedAt: string
}
export interface BudgetDetail extends Budget {
  members: Member[]
}
export interface Invite {
  id: string
  role: Exclude<Role, 'owner'>
  createdAt: string
  expiresAt: string
}
// Answered once, when the invite is made: the token is never stored or shown again.
export interface CreatedInvite extends Invite {
  token: string
  path: string
}
