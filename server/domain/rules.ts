// A budget's categorization rules for statement imports. Any member reads
// them; an editor changes them. A rule is reached through its budget, so
// another budget's rule answers like one that does not exist.
import type { Db } from '../utils/db'
import type { ReadDb } from '../utils/read-only'
import { MAX_RULES, type Rule, type RuleCreate, type RulePatch } from '#shared/schemas/rules'
import { nextSortOrder } from '#shared/utils/month-rules'
import { conflict, isId, notFound, updateVersioned } from './errors'
import { authorize, inCallerBudgets, requireBudget, type Caller } from './access'
import { lockBudget } from './budgets'

const ruleFields = { id: true, budgetId: true, match: true, text: true, categoryName: true, sortOrder: true, version: true, createdAt: true } as const
export const ruleOrder = [{ sortOrder: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }] as const

type RuleRow = Omit<Rule, 'createdAt'> & { createdAt: Date }
const presentRule = ({ createdAt, ...rest }: RuleRow): Rule => ({ ...rest, createdAt: createdAt.toISOString() })

export async function listRules(db: ReadDb, caller: Caller, budgetId: string): Promise<Rule[]> {
  const budget = requireBudget(caller, budgetId, 'viewer')
  return (await db.rule.findMany({ where: { budgetId: budget.id }, select: ruleFields, orderBy: [...ruleOrder] })).map(presentRule)
}

// After the last rule unless a sortOrder is given; at most MAX_RULES a budget
// (the budget's row locked, so two creating the last one cannot both succeed).
export async function createRule(db: Db, caller: Caller, budgetId: string, body: RuleCreate): Promise<Rule> {
  const budget = requireBudget(caller, budgetId, 'editor')
  return db.$transaction(async (tx) => {
    await lockBudget(tx, budget.id)
    const orders = (await tx.rule.findMany({ where: { budgetId: budget.id }, select: { sortOrder: true } })).map(rule => rule.sortOrder)
    if (orders.length >= MAX_RULES) throw conflict(`A budget may have at most ${MAX_RULES} rules. Delete some first.`)
    return presentRule(await tx.rule.create({ data: { ...body, budgetId: budget.id, sortOrder: body.sortOrder ?? nextSortOrder(orders) }, select: ruleFields }))
  })
}

export async function updateRule(db: Db, caller: Caller, id: string, { version, ...changes }: RulePatch): Promise<Rule> {
  return updateVersioned({
    what: 'Rule',
    load: async () => isId(id) ? db.rule.findFirst({ where: { id, ...inCallerBudgets(caller) }, select: ruleFields }) : null,
    guard: row => authorize(caller, 'editor', 'Rule', row, rule => rule.budgetId),
    expectedVersion: version,
    write: current => db.rule.update({ where: { id, version: current.version }, data: { ...changes, version: { increment: 1 } }, select: ruleFields }),
    present: presentRule,
  })
}

export async function deleteRule(db: Db, caller: Caller, id: string) {
  const rule = isId(id) ? await db.rule.findFirst({ where: { id, ...inCallerBudgets(caller) }, select: { id: true, budgetId: true } }) : null
  authorize(caller, 'editor', 'Rule', rule, row => row.budgetId)
  const { count } = await db.rule.deleteMany({ where: { id } })
  if (!count) throw notFound('Rule')
}
