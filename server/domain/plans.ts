// Yearly plans: a 12-month grid. Every query is scoped by the owner; every
// multi-row write is one transaction of set-based statements.
import { randomUUID } from 'node:crypto'
import type { Prisma } from '../generated/prisma/client'
import type { Db } from '../utils/db'
import type { ReadDb } from '../utils/read-only'
import type { BulkEntries, CategoryEntry, CopyMonth, Deduction, DeductionCreate, DeductionPatch, IncomeEntry, IncomeSource, Plan, PlanCreate, PlanDetail, PlanPatch, PlanSummary, RowPatch, Section, SectionPatch, YearlyCategory, YearlyCategoryPatch } from '#shared/schemas/yearly'
import { DEFAULT_SECTIONS, deductionValueIssue } from '#shared/schemas/yearly'
import { MONTHS, summarizePlan } from '#shared/utils/plan-rules'
import { nextSortOrder } from '#shared/utils/month-rules'
import { conflict, invalid, isId, notFound, updateVersioned } from './errors'

type Client = Db | Parameters<Parameters<Db['$transaction']>[0]>[0]

const planFields = { id: true, year: true, name: true, version: true, createdAt: true, updatedAt: true } as const
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

async function findDetail(db: ReadDb, where: Prisma.PlanWhereInput, orderBy?: Prisma.PlanOrderByWithRelationInput): Promise<PlanDetail> {
  const row = await db.plan.findFirst({ where, select: detailSelect, orderBy })
  if (!row) throw notFound('Plan')
  return presentPlan(row)
}

export async function listPlans(db: ReadDb, userId: string): Promise<Plan[]> {
  return (await db.plan.findMany({ where: { userId }, select: planFields, orderBy: { year: 'desc' } })).map(presentPlan)
}

export const getPlanDetail = (db: ReadDb, userId: string, id: string) => isId(id) ? findDetail(db, { id, userId }) : Promise.reject(notFound('Plan'))
export const getLatestPlanDetail = (db: ReadDb, userId: string) => findDetail(db, { userId }, { year: 'desc' })
export function getPlanDetailByYear(db: ReadDb, userId: string, year: string) {
  return /^\d{4}$/.test(year) ? findDetail(db, { userId, year: Number(year) }) : Promise.reject(notFound('Plan'))
}

export async function getPlanSummary(db: ReadDb, userId: string, id: string): Promise<PlanSummary> {
  const plan = await getPlanDetail(db, userId, id)
  return summarizePlan({ plan, incomeSources: plan.incomeSources, deductions: plan.deductions, sections: plan.sections })
}

async function requirePlan(db: ReadDb, userId: string, id: unknown) {
  const plan = isId(id) ? await db.plan.findFirst({ where: { id, userId }, select: { id: true } }) : null
  if (!plan) throw notFound('Plan')
  return plan
}

const twelve = (amount = 0) => MONTHS.map(month => ({ month, amount }))

export async function createPlan(db: Db, userId: string, body: PlanCreate): Promise<PlanDetail> {
  if (body.copyFrom != null && !isId(body.copyFrom)) throw notFound('Plan to copy from')
  return db.$transaction(async (tx) => {
    const source = body.copyFrom == null ? null : await findDetail(tx, { id: body.copyFrom, userId }).catch(() => null)
    if (body.copyFrom != null && !source) throw notFound('Plan to copy from')
    if (await tx.plan.findFirst({ where: { userId, year: body.year }, select: { id: true } })) throw conflict(`A plan for ${body.year} already exists.`)
    const plan = await tx.plan.create({ data: { userId, year: body.year, name: body.name ?? String(body.year) }, select: { id: true } })
    if (!source) {
      await tx.section.createMany({ data: DEFAULT_SECTIONS.map((name, sortOrder) => ({ planId: plan.id, name, sortOrder })) })
    }
    else {
      await copyPlanRows(tx, source, plan.id)
    }
    return findDetail(tx, { id: plan.id })
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

export async function updatePlan(db: Db, userId: string, id: string, { version, ...changes }: PlanPatch): Promise<Plan> {
  return updateVersioned({
    what: 'Plan',
    load: async () => isId(id) ? db.plan.findFirst({ where: { id, userId }, select: planFields }) : null,
    expectedVersion: version,
    write: current => db.plan.update({ where: { id, version: current.version }, data: { ...changes, version: { increment: 1 } }, select: planFields }),
    present: presentPlan,
  })
}

export async function deletePlan(db: Db, userId: string, id: string) {
  const { count } = isId(id) ? await db.plan.deleteMany({ where: { id, userId } }) : { count: 0 }
  if (!count) throw notFound('Plan')
}

// Every income and category entry of the `to` months takes the amount of `from`.
export async function copyPlanMonth(db: Db, userId: string, id: string, { from, to }: CopyMonth): Promise<PlanDetail> {
  return db.$transaction(async (tx) => {
    const plan = await requirePlan(tx, userId, id)
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
    return findDetail(tx, { id: plan.id })
  })
}

export async function clearPlanMonth(db: Db, userId: string, id: string, month: number): Promise<PlanDetail> {
  return db.$transaction(async (tx) => {
    const plan = await requirePlan(tx, userId, id)
    const cleared = { amount: 0, version: { increment: 1 } }
    await tx.categoryEntry.updateMany({ where: { month, category: { section: { planId: plan.id } } }, data: cleared })
    await tx.incomeEntry.updateMany({ where: { month, source: { planId: plan.id } }, data: cleared })
    return findDetail(tx, { id: plan.id })
  })
}

export async function createIncomeSource(db: Db, userId: string, body: { planId: string, name: string, amount?: number }): Promise<IncomeSource> {
  const plan = await requirePlan(db, userId, body.planId)
  const orders = await db.incomeSource.findMany({ where: { planId: plan.id }, select: { sortOrder: true } })
  return db.incomeSource.create({
    data: { planId: plan.id, name: body.name, sortOrder: nextSortOrder(orders.map(o => o.sortOrder)), entries: { createMany: { data: twelve(body.amount) } } },
    select: sourceSelect,
  })
}

const ownedSource = (userId: string) => ({ plan: { userId } })
const ownedCategory = (userId: string) => ({ section: { plan: { userId } } })

export async function updateIncomeSource(db: Db, userId: string, id: string, { version, ...changes }: RowPatch): Promise<IncomeSource> {
  return updateVersioned({
    what: 'Income source',
    load: async () => isId(id) ? db.incomeSource.findFirst({ where: { id, ...ownedSource(userId) }, select: sourceSelect }) : null,
    expectedVersion: version,
    write: current => db.incomeSource.update({ where: { id, version: current.version }, data: { ...changes, version: { increment: 1 } }, select: sourceSelect }),
  })
}

export async function deleteIncomeSource(db: Db, userId: string, id: string) {
  const { count } = isId(id) ? await db.incomeSource.deleteMany({ where: { id, ...ownedSource(userId) } }) : { count: 0 }
  if (!count) throw notFound('Income source')
}

export async function updateIncomeEntry(db: Db, userId: string, id: string, { amount, version }: { amount: number, version?: number }): Promise<IncomeEntry> {
  const select = { ...entryFields, sourceId: true } as const
  return updateVersioned({
    what: 'Income entry',
    load: async () => isId(id) ? db.incomeEntry.findFirst({ where: { id, source: ownedSource(userId) }, select }) : null,
    expectedVersion: version,
    write: current => db.incomeEntry.update({ where: { id, version: current.version }, data: { amount, version: { increment: 1 } }, select }),
  })
}

export async function createDeduction(db: Db, userId: string, body: DeductionCreate): Promise<Deduction> {
  const plan = await requirePlan(db, userId, body.planId)
  const orders = await db.deduction.findMany({ where: { planId: plan.id }, select: { sortOrder: true } })
  return db.deduction.create({
    data: { planId: plan.id, name: body.name, type: body.type, value: body.value, sortOrder: nextSortOrder(orders.map(o => o.sortOrder)) },
    select: deductionFields,
  })
}

export async function updateDeduction(db: Db, userId: string, id: string, { version, ...changes }: DeductionPatch): Promise<Deduction> {
  return updateVersioned({
    what: 'Deduction',
    load: async () => isId(id) ? db.deduction.findFirst({ where: { id, plan: { userId } }, select: deductionFields }) : null,
    expectedVersion: version,
    validate: (current) => {
      const issue = deductionValueIssue(changes.type ?? current.type, changes.value ?? current.value)
      if (issue) throw invalid(changes.value === undefined ? 'type' : 'value', issue)
    },
    write: current => db.deduction.update({ where: { id, version: current.version }, data: { ...changes, version: { increment: 1 } }, select: deductionFields }),
  })
}

export async function deleteDeduction(db: Db, userId: string, id: string) {
  const { count } = isId(id) ? await db.deduction.deleteMany({ where: { id, plan: { userId } } }) : { count: 0 }
  if (!count) throw notFound('Deduction')
}

export async function updateSection(db: Db, userId: string, id: string, { version, ...changes }: SectionPatch): Promise<Section> {
  return updateVersioned({
    what: 'Section',
    load: async () => isId(id) ? db.section.findFirst({ where: { id, plan: { userId } }, select: sectionFields }) : null,
    expectedVersion: version,
    write: current => db.section.update({ where: { id, version: current.version }, data: { ...changes, version: { increment: 1 } }, select: sectionFields }),
  })
}

export async function createYearlyCategory(db: Db, userId: string, body: { sectionId: string, name: string, amount?: number }): Promise<YearlyCategory> {
  const section = isId(body.sectionId) ? await db.section.findFirst({ where: { id: body.sectionId, plan: { userId } }, select: { id: true } }) : null
  if (!section) throw notFound('Section')
  const orders = await db.yearlyCategory.findMany({ where: { sectionId: section.id }, select: { sortOrder: true } })
  return db.yearlyCategory.create({
    data: { sectionId: section.id, name: body.name, sortOrder: nextSortOrder(orders.map(o => o.sortOrder)), entries: { createMany: { data: twelve(body.amount) } } },
    select: categorySelect,
  })
}

export async function updateYearlyCategory(db: Db, userId: string, id: string, { version, ...changes }: YearlyCategoryPatch): Promise<YearlyCategory> {
  return updateVersioned({
    what: 'Category',
    load: async () => isId(id) ? db.yearlyCategory.findFirst({ where: { id, ...ownedCategory(userId) }, select: { ...categorySelect, section: { select: { planId: true } } } }) : null,
    expectedVersion: version,
    validate: async (current) => {
      if (changes.sectionId === undefined) return
      const target = isId(changes.sectionId) ? await db.section.findFirst({ where: { id: changes.sectionId, planId: current.section.planId }, select: { id: true } }) : null
      if (!target) throw invalid('sectionId', 'Must be a section of the same plan')
    },
    write: current => db.yearlyCategory.update({ where: { id, version: current.version }, data: { ...changes, version: { increment: 1 } }, select: { ...categorySelect, section: { select: { planId: true } } } }),
    present: ({ section: _, ...category }) => category,
  })
}

export async function deleteYearlyCategory(db: Db, userId: string, id: string) {
  const { count } = isId(id) ? await db.yearlyCategory.deleteMany({ where: { id, ...ownedCategory(userId) } }) : { count: 0 }
  if (!count) throw notFound('Category')
}

export async function updateCategoryEntry(db: Db, userId: string, id: string, { amount, version }: { amount: number, version?: number }): Promise<CategoryEntry> {
  const select = { ...entryFields, categoryId: true } as const
  return updateVersioned({
    what: 'Category entry',
    load: async () => isId(id) ? db.categoryEntry.findFirst({ where: { id, category: ownedCategory(userId) }, select }) : null,
    expectedVersion: version,
    write: current => db.categoryEntry.update({ where: { id, version: current.version }, data: { amount, version: { increment: 1 } }, select }),
  })
}

// One statement for every entry, atomic by itself: it locks the user's entries
// among the ids in id order (so concurrent bulks cannot deadlock), and updates
// them only if every id is one of them; otherwise nothing changes and it is 404.
export async function bulkUpdateCategoryEntries(db: Db, userId: string, { updates }: BulkEntries): Promise<{ updated: CategoryEntry[] }> {
  if (!updates.every(update => isId(update.id))) throw notFound('Category entry')
  const ids = updates.map(update => update.id)
  const amounts = updates.map(update => update.amount)
  const rows = await db.$queryRaw<CategoryEntry[]>`
    WITH input AS (SELECT * FROM unnest(${ids}::uuid[], ${amounts}::int[]) AS t(id, amount)),
    owned AS (
      SELECT entry.id FROM "CategoryEntry" AS entry
      JOIN "YearlyCategory" AS category ON category.id = entry."categoryId"
      JOIN "Section" AS section ON section.id = category."sectionId"
      JOIN "Plan" AS plan ON plan.id = section."planId"
      WHERE entry.id IN (SELECT id FROM input) AND plan."userId" = ${userId}::uuid
      ORDER BY entry.id FOR UPDATE OF entry
    ),
    complete AS (SELECT (SELECT count(*) FROM owned) = (SELECT count(*) FROM input) AS ok)
    UPDATE "CategoryEntry" AS entry SET amount = input.amount, version = entry.version + 1
    FROM input, complete
    WHERE entry.id = input.id AND complete.ok
    RETURNING entry.id::text AS id, entry."categoryId"::text AS "categoryId", entry.month, entry.amount, entry.version`
  if (rows.length !== updates.length) throw notFound('Category entry')
  const order = new Map(ids.map((id, index) => [id, index]))
  return { updated: rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!) }
}
