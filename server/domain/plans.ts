// Yearly plans: a 12-month grid. Every lookup is scoped by the caller's budgets
// and passes the one guard (authorize) for the role; every multi-row write is
// one transaction of set-based statements.
import { randomUUID } from 'node:crypto'
import type { Prisma } from '../generated/prisma/client'
import type { Client, Db } from '../utils/db'
import type { ReadDb } from '../utils/read-only'
import type { BulkEntries, CategoryEntry, CopyMonth, Deduction, DeductionCreate, DeductionPatch, IncomeEntry, IncomeSource, Plan, PlanCreate, PlanDetail, PlanPatch, PlanSummary, RowPatch, Section, SectionPatch, YearlyCategory, YearlyCategoryPatch } from '#shared/schemas/yearly'
import { DEFAULT_SECTIONS, deductionValueIssue } from '#shared/schemas/yearly'
import { MONTHS, summarizePlan } from '#shared/utils/plan-rules'
import { nextSortOrder } from '#shared/utils/month-rules'
import { conflict, invalid, isId, notFound, updateVersioned } from './errors'
import { authorize, chooseBudget, inCallerBudgets, requireBudget, type Caller } from './access'

const planFields = { id: true, budgetId: true, year: true, name: true, version: true, createdAt: true, updatedAt: true } as const
const entryFields = { id: true, month: true, amount: true, version: true } as const
const byOrder = [{ sortOrder: 'asc' }, { name: 'asc' }, { id: 'asc' }] as Prisma.SectionOrderByWithRelationInput[]
const byMonth = [{ month: 'asc' }] as Prisma.CategoryEntryOrderByWithRelationInput[]
const sectionFields = { id: true, planId: true, name: true, sortOrder: true, collapsed: true, version: true } as const
const categorySelect = { id: true, sectionId: true, name: true, sortOrder: true, version: true, entries: { select: { ...entryFields, categoryId: true }, orderBy: byMonth } } satisfies Prisma.YearlyCategorySelect
const sourceSelect = { id: true, planId: true, name: true, sortOrder: true, version: true, entries: { select: { ...entryFields, sourceId: true }, orderBy: byMonth } } satisfies Prisma.IncomeSourceSelect
const deductionFields = { id: true, planId: true, name: true, type: true, value: true, sortOrder: true, version: true } as const

const detailSelect = {
  ...planFields,
  sections: { select: { ...sectionFields, categories: { select: categorySelect, orderBy: byOrder } }, orderBy: byOrder },
  incomeSources: { select: sourceSelect, orderBy: byOrder },
  deductions: { select: deductionFields, orderBy: byOrder },
} satisfies Prisma.PlanSelect

type Dated<T> = Omit<T, 'createdAt' | 'updatedAt'> & { createdAt: Date, updatedAt: Date }
const presentPlan = <T extends Dated<Plan>>(row: T) => ({ ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() })

// A plan any member may read, found among the caller's budgets.
async function findDetail(db: ReadDb, caller: Caller, where: Prisma.PlanWhereInput, orderBy?: Prisma.PlanOrderByWithRelationInput): Promise<PlanDetail> {
  const row = await db.plan.findFirst({ where: { AND: [where, inCallerBudgets(caller)] }, select: detailSelect, orderBy })
  return presentPlan(authorize(caller, 'viewer', 'Plan', row, plan => plan.budgetId))
}

export async function listPlans(db: ReadDb, caller: Caller, budgetId: string | undefined): Promise<Plan[]> {
  const budget = chooseBudget(caller, budgetId)
  if (!budget) return []
  return (await db.plan.findMany({ where: { budgetId: budget.id }, select: planFields, orderBy: { year: 'desc' } })).map(presentPlan)
}

export const getPlanDetail = (db: ReadDb, caller: Caller, id: string) => isId(id) ? findDetail(db, caller, { id }) : Promise.reject(notFound('Plan'))
export const getLatestPlanDetail = (db: ReadDb, caller: Caller, budgetId: string | undefined) =>
  findDetail(db, caller, { budgetId: requireBudget(caller, budgetId, 'viewer').id }, { year: 'desc' })
export function getPlanDetailByYear(db: ReadDb, caller: Caller, year: string, budgetId: string | undefined) {
  const budget = requireBudget(caller, budgetId, 'viewer')
  return /^\d{4}$/.test(year) ? findDetail(db, caller, { budgetId: budget.id, year: Number(year) }) : Promise.reject(notFound('Plan'))
}

export async function getPlanSummary(db: ReadDb, caller: Caller, id: string): Promise<PlanSummary> {
  const plan = await getPlanDetail(db, caller, id)
  return summarizePlan({ plan, incomeSources: plan.incomeSources, deductions: plan.deductions, sections: plan.sections })
}

// A plan the caller may change, or 404/403.
async function requireEditablePlan(db: ReadDb, caller: Caller, id: unknown) {
  const plan = isId(id) ? await db.plan.findFirst({ where: { id, ...inCallerBudgets(caller) }, select: { id: true, budgetId: true } }) : null
  return authorize(caller, 'editor', 'Plan', plan, row => row.budgetId)
}

const twelve = (amount = 0) => MONTHS.map(month => ({ month, amount }))

// Checks in the contract's order: the budget and the plan to copy from (404;
// any of the caller's budgets), the role (403), then a plan already there (409).
export async function createPlan(db: Db, caller: Caller, body: PlanCreate): Promise<PlanDetail> {
  const budget = chooseBudget(caller, body.budgetId)
  if (!budget) throw notFound('Budget')
  if (body.copyFrom != null && !isId(body.copyFrom)) throw notFound('Plan to copy from')
  return db.$transaction(async (tx) => {
    const source = body.copyFrom == null ? null : await findDetail(tx, caller, { id: body.copyFrom }).catch(() => null)
    if (body.copyFrom != null && !source) throw notFound('Plan to copy from')
    authorize(caller, 'editor', 'Budget', budget, b => b.id)
    if (await tx.plan.findFirst({ where: { budgetId: budget.id, year: body.year }, select: { id: true } })) throw conflict(`A plan for ${body.year} already exists.`)
    const plan = await tx.plan.create({ data: { budgetId: budget.id, year: body.year, name: body.name ?? String(body.year) }, select: { id: true } })
    if (!source) {
      await tx.section.createMany({ data: DEFAULT_SECTIONS.map((name, sortOrder) => ({ planId: plan.id, name, sortOrder })) })
    }
    else {
      await copyPlanRows(tx, source, plan.id)
    }
    return findDetail(tx, caller, { id: plan.id })
  })
}

// New ids are made here, so that every copied row knows its new parent
// without a read back: six INSERTs, whatever the plan holds.
async function copyPlanRows(tx: Client, source: PlanDetail, planId: string) {
  const sections = source.sections.map(section => ({ ...section, newId: randomUUID() }))
  const categories = sections.flatMap(section => section.categories.map(category => ({ ...category, newId: randomUUID(), newSectionId: section.newId })))
  const sources = source.incomeSources.map(income => ({ ...income, newId: randomUUID() }))
  await tx.section.createMany({ data: sections.map(s => ({ id: s.newId, planId, name: s.name, sortOrder: s.sortOrder, collapsed: s.collapsed })) })
  await tx.yearlyCategory.createMany({ data: categories.map(c => ({ id: c.newId, sectionId: c.newSectionId, name: c.name, sortOrder: c.sortOrder })) })
  await tx.categoryEntry.createMany({ data: categories.flatMap(c => c.entries.map(e => ({ categoryId: c.newId, month: e.month, amount: e.amount }))) })
  await tx.incomeSource.createMany({ data: sources.map(s => ({ id: s.newId, planId, name: s.name, sortOrder: s.sortOrder })) })
  await tx.incomeEntry.createMany({ data: sources.flatMap(s => s.entries.map(e => ({ sourceId: s.newId, month: e.month, amount: e.amount }))) })
  await tx.deduction.createMany({ data: source.deductions.map(d => ({ planId, name: d.name, type: d.type, value: d.value, sortOrder: d.sortOrder })) })
}

export async function updatePlan(db: Db, caller: Caller, id: string, { version, ...changes }: PlanPatch): Promise<Plan> {
  return updateVersioned({
    what: 'Plan',
    load: async () => isId(id) ? db.plan.findFirst({ where: { id, ...inCallerBudgets(caller) }, select: planFields }) : null,
    guard: row => authorize(caller, 'editor', 'Plan', row, plan => plan.budgetId),
    expectedVersion: version,
    write: current => db.plan.update({ where: { id, version: current.version }, data: { ...changes, version: { increment: 1 } }, select: planFields }),
    present: presentPlan,
  })
}

export async function deletePlan(db: Db, caller: Caller, id: string) {
  const plan = await requireEditablePlan(db, caller, id)
  const { count } = await db.plan.deleteMany({ where: { id: plan.id } })
  if (!count) throw notFound('Plan')
}

// Every income and category entry of the `to` months takes the amount of `from`.
export async function copyPlanMonth(db: Db, caller: Caller, id: string, { from, to }: CopyMonth): Promise<PlanDetail> {
  return db.$transaction(async (tx) => {
    const plan = await requireEditablePlan(tx, caller, id)
    await tx.$executeRaw`
      UPDATE "CategoryEntry" AS target SET amount = source.amount, version = target.version + 1
      FROM "CategoryEntry" AS source, "YearlyCategory" AS category, "Section" AS section
      WHERE source."categoryId" = target."categoryId" AND source.month = ${from} AND target.month = ANY(${to}::int[])
        AND category.id = target."categoryId" AND section.id = category."sectionId" AND section."planId" = ${plan.id}::uuid`
    await tx.$executeRaw`
      UPDATE "IncomeEntry" AS target SET amount = source.amount, version = target.version + 1
      FROM "IncomeEntry" AS source, "IncomeSource" AS income
      WHERE source."sourceId" = target."sourceId" AND source.month = ${from} AND target.month = ANY(${to}::int[])
        AND income.id = target."sourceId" AND income."planId" = ${plan.id}::uuid`
    return findDetail(tx, caller, { id: plan.id })
  })
}

export async function clearPlanMonth(db: Db, caller: Caller, id: string, month: number): Promise<PlanDetail> {
  return db.$transaction(async (tx) => {
    const plan = await requireEditablePlan(tx, caller, id)
    const cleared = { amount: 0, version: { increment: 1 } }
    await tx.categoryEntry.updateMany({ where: { month, category: { section: { planId: plan.id } } }, data: cleared })
    await tx.incomeEntry.updateMany({ where: { month, source: { planId: plan.id } }, data: cleared })
    return findDetail(tx, caller, { id: plan.id })
  })
}

export async function createIncomeSource(db: Db, caller: Caller, body: { planId: string, name: string, amount?: number }): Promise<IncomeSource> {
  const plan = await requireEditablePlan(db, caller, body.planId)
  const orders = await db.incomeSource.findMany({ where: { planId: plan.id }, select: { sortOrder: true } })
  return db.incomeSource.create({
    data: { planId: plan.id, name: body.name, sortOrder: nextSortOrder(orders.map(o => o.sortOrder)), entries: { createMany: { data: twelve(body.amount) } } },
    select: sourceSelect,
  })
}

// A plan's rows are reached through their plan's budget: `inPlan` scopes a
// lookup, `planBudget` selects the budget for the guard, `withoutPlan` drops it.
const inPlan = (caller: Caller) => ({ plan: inCallerBudgets(caller) })
const planBudget = { plan: { select: { budgetId: true } } } as const
const editable = (caller: Caller, what: string) => <T extends { plan: { budgetId: string } }>(row: T | null) => authorize(caller, 'editor', what, row, r => r.plan.budgetId)
const withoutPlan = <T extends { plan: unknown }>({ plan: _, ...row }: T): Omit<T, 'plan'> => row

export async function updateIncomeSource(db: Db, caller: Caller, id: string, { version, ...changes }: RowPatch): Promise<IncomeSource> {
  const select = { ...sourceSelect, ...planBudget }
  return updateVersioned({
    what: 'Income source',
    load: async () => isId(id) ? db.incomeSource.findFirst({ where: { id, ...inPlan(caller) }, select }) : null,
    guard: editable(caller, 'Income source'),
    expectedVersion: version,
    write: current => db.incomeSource.update({ where: { id, version: current.version }, data: { ...changes, version: { increment: 1 } }, select }),
    present: withoutPlan,
  })
}

export async function deleteIncomeSource(db: Db, caller: Caller, id: string) {
  editable(caller, 'Income source')(isId(id) ? await db.incomeSource.findFirst({ where: { id, ...inPlan(caller) }, select: planBudget }) : null)
  const { count } = await db.incomeSource.deleteMany({ where: { id } })
  if (!count) throw notFound('Income source')
}

export async function updateIncomeEntry(db: Db, caller: Caller, id: string, { amount, version }: { amount: number, version?: number }): Promise<IncomeEntry> {
  const select = { ...entryFields, sourceId: true, source: { select: planBudget } } as const
  return updateVersioned({
    what: 'Income entry',
    load: async () => isId(id) ? db.incomeEntry.findFirst({ where: { id, source: inPlan(caller) }, select }) : null,
    guard: row => authorize(caller, 'editor', 'Income entry', row, r => r.source.plan.budgetId),
    expectedVersion: version,
    write: current => db.incomeEntry.update({ where: { id, version: current.version }, data: { amount, version: { increment: 1 } }, select }),
    present: ({ source: _, ...entry }) => entry,
  })
}

export async function createDeduction(db: Db, caller: Caller, body: DeductionCreate): Promise<Deduction> {
  const plan = await requireEditablePlan(db, caller, body.planId)
  const orders = await db.deduction.findMany({ where: { planId: plan.id }, select: { sortOrder: true } })
  return db.deduction.create({
    data: { planId: plan.id, name: body.name, type: body.type, value: body.value, sortOrder: nextSortOrder(orders.map(o => o.sortOrder)) },
    select: deductionFields,
  })
}

export async function updateDeduction(db: Db, caller: Caller, id: string, { version, ...changes }: DeductionPatch): Promise<Deduction> {
  const select = { ...deductionFields, ...planBudget }
  return updateVersioned({
    what: 'Deduction',
    load: async () => isId(id) ? db.deduction.findFirst({ where: { id, ...inPlan(caller) }, select }) : null,
    guard: editable(caller, 'Deduction'),
    expectedVersion: version,
    validate: (current) => {
      const issue = deductionValueIssue(changes.type ?? current.type, changes.value ?? current.value)
      if (issue) throw invalid(changes.value === undefined ? 'type' : 'value', issue)
    },
    write: current => db.deduction.update({ where: { id, version: current.version }, data: { ...changes, version: { increment: 1 } }, select }),
    present: withoutPlan,
  })
}

export async function deleteDeduction(db: Db, caller: Caller, id: string) {
  editable(caller, 'Deduction')(isId(id) ? await db.deduction.findFirst({ where: { id, ...inPlan(caller) }, select: planBudget }) : null)
  const { count } = await db.deduction.deleteMany({ where: { id } })
  if (!count) throw notFound('Deduction')
}

export async function updateSection(db: Db, caller: Caller, id: string, { version, ...changes }: SectionPatch): Promise<Section> {
  const select = { ...sectionFields, ...planBudget }
  return updateVersioned({
    what: 'Section',
    load: async () => isId(id) ? db.section.findFirst({ where: { id, ...inPlan(caller) }, select }) : null,
    guard: editable(caller, 'Section'),
    expectedVersion: version,
    write: current => db.section.update({ where: { id, version: current.version }, data: { ...changes, version: { increment: 1 } }, select }),
    present: withoutPlan,
  })
}

// A yearly category's budget is its section's plan's.
const inSection = (caller: Caller) => ({ section: inPlan(caller) })
const sectionBudget = { section: { select: { planId: true, ...planBudget } } } as const
const editableInSection = (caller: Caller, what: string) => <T extends { section: { plan: { budgetId: string } } }>(row: T | null) =>
  authorize(caller, 'editor', what, row, r => r.section.plan.budgetId)

export async function createYearlyCategory(db: Db, caller: Caller, body: { sectionId: string, name: string, amount?: number }): Promise<YearlyCategory> {
  const section = editable(caller, 'Section')(isId(body.sectionId) ? await db.section.findFirst({ where: { id: body.sectionId, ...inPlan(caller) }, select: { id: true, ...planBudget } }) : null)
  const orders = await db.yearlyCategory.findMany({ where: { sectionId: section.id }, select: { sortOrder: true } })
  return db.yearlyCategory.create({
    data: { sectionId: section.id, name: body.name, sortOrder: nextSortOrder(orders.map(o => o.sortOrder)), entries: { createMany: { data: twelve(body.amount) } } },
    select: categorySelect,
  })
}

export async function updateYearlyCategory(db: Db, caller: Caller, id: string, { version, ...changes }: YearlyCategoryPatch): Promise<YearlyCategory> {
  const select = { ...categorySelect, ...sectionBudget }
  return updateVersioned({
    what: 'Category',
    load: async () => isId(id) ? db.yearlyCategory.findFirst({ where: { id, ...inSection(caller) }, select }) : null,
    guard: editableInSection(caller, 'Category'),
    expectedVersion: version,
    validate: async (current) => {
      if (changes.sectionId === undefined) return
      const target = isId(changes.sectionId) ? await db.section.findFirst({ where: { id: changes.sectionId, planId: current.section.planId }, select: { id: true } }) : null
      if (!target) throw invalid('sectionId', 'Must be a section of the same plan')
    },
    write: current => db.yearlyCategory.update({ where: { id, version: current.version }, data: { ...changes, version: { increment: 1 } }, select }),
    present: ({ section: _, ...category }) => category,
  })
}

export async function deleteYearlyCategory(db: Db, caller: Caller, id: string) {
  editableInSection(caller, 'Category')(isId(id) ? await db.yearlyCategory.findFirst({ where: { id, ...inSection(caller) }, select: sectionBudget }) : null)
  const { count } = await db.yearlyCategory.deleteMany({ where: { id } })
  if (!count) throw notFound('Category')
}

export async function updateCategoryEntry(db: Db, caller: Caller, id: string, { amount, version }: { amount: number, version?: number }): Promise<CategoryEntry> {
  const select = { ...entryFields, categoryId: true, category: { select: sectionBudget } } as const
  return updateVersioned({
    what: 'Category entry',
    load: async () => isId(id) ? db.categoryEntry.findFirst({ where: { id, category: inSection(caller) }, select }) : null,
    guard: row => authorize(caller, 'editor', 'Category entry', row, r => r.category.section.plan.budgetId),
    expectedVersion: version,
    write: current => db.categoryEntry.update({ where: { id, version: current.version }, data: { amount, version: { increment: 1 } }, select }),
    present: ({ category: _, ...entry }) => entry,
  })
}

// One statement for every entry, atomic by itself: it locks the entries among
// the ids that are in budgets the caller may edit, in id order (so concurrent
// bulks cannot deadlock), and updates them only if every id is one of them.
// Otherwise nothing changes, and a second look tells 404 from 403.
export async function bulkUpdateCategoryEntries(db: Db, caller: Caller, { updates }: BulkEntries): Promise<{ updated: CategoryEntry[] }> {
  if (!updates.every(update => isId(update.id))) throw notFound('Category entry')
  const editableIds = caller.budgets.filter(budget => budget.role !== 'viewer').map(budget => budget.id)
  const ids = updates.map(update => update.id)
  const amounts = updates.map(update => update.amount)
  const rows = await db.$queryRaw<CategoryEntry[]>`
    WITH input AS (SELECT * FROM unnest(${ids}::uuid[], ${amounts}::int[]) AS t(id, amount)),
    owned AS (
      SELECT entry.id FROM "CategoryEntry" AS entry
      JOIN "YearlyCategory" AS category ON category.id = entry."categoryId"
      JOIN "Section" AS section ON section.id = category."sectionId"
      JOIN "Plan" AS plan ON plan.id = section."planId"
      WHERE entry.id IN (SELECT id FROM input) AND plan."budgetId" = ANY(${editableIds}::uuid[])
      ORDER BY entry.id FOR UPDATE OF entry
    ),
    complete AS (SELECT (SELECT count(*) FROM owned) = (SELECT count(*) FROM input) AS ok)
    UPDATE "CategoryEntry" AS entry SET amount = input.amount, version = entry.version + 1
    FROM input, complete
    WHERE entry.id = input.id AND complete.ok
    RETURNING entry.id::text AS id, entry."categoryId"::text AS "categoryId", entry.month, entry.amount, entry.version`
  if (rows.length !== updates.length) await refuseBulk(db, caller, ids)
  const order = new Map(ids.map((id, index) => [id, index]))
  return { updated: rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!) }
}

// Why a bulk update changed nothing: an id outside the caller's budgets (404),
// else one in a budget they may only read (403).
async function refuseBulk(db: Db, caller: Caller, ids: string[]): Promise<never> {
  const found = await db.categoryEntry.findMany({ where: { id: { in: ids }, category: inSection(caller) }, select: { category: { select: sectionBudget } } })
  if (found.length !== new Set(ids).size) throw notFound('Category entry')
  for (const entry of found) authorize(caller, 'editor', 'Category entry', entry, r => r.category.section.plan.budgetId)
  throw notFound('Category entry')
}
