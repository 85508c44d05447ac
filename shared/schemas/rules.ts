import { z } from 'zod'
import { EMPTY_PATCH, changesSomething, name, sortOrder, version } from './common'

export const RULE_MATCHES = ['contains', 'equals', 'startsWith'] as const
export type RuleMatch = typeof RULE_MATCHES[number]
export const MAX_RULES = 500

export const ruleCreateBody = z.strictObject({
  match: z.enum(RULE_MATCHES),
  text: name,
  categoryName: name,
  sortOrder: sortOrder.optional(),
})
export type RuleCreate = z.infer<typeof ruleCreateBody>

export const rulePatchBody = z.strictObject({
  match: z.enum(RULE_MATCHES).optional(),
  text: name.optional(),
  categoryName: name.optional(),
  sortOrder: sortOrder.optional(),
  version: version.optional(),
}).refine(changesSomething, EMPTY_PATCH)
export type RulePatch = z.infer<typeof rulePatchBody>

export interface Rule { id: string, budgetId: string, match: RuleMatch, text: string, categoryName: string, sortOrder: number, version: number, createdAt: string }
