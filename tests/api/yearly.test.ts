import { describe, expect, it } from 'vitest'
import type { Client } from '../helpers/api'
import { expectIssues, queriesOf, signedInClient, sql } from '../helpers/api'

const GHOST = '00000000-0000-4000-8000-000000000000'
let yearSeed = 0
const freshYear = () => 2000 + (yearSeed++ % 101)

async function newPlan(client: Client, body: Record<string, unknown> = {}) {
  const answer = await client.post('/api/yearly', { year: freshYear(), ...body })
  if (answer.status !== 201) throw new Error(`create plan: ${answer.status} ${JSON.stringify(answer.body)}`)
  return answer.body
}

const amounts = (row: { entries: { month: number, amount: number }[] }) => row.entries.map(entry => entry.amount)

describe('plans', () => {
  it('creates with the three default sections, lists newest first, finds by year, renames, deletes', async () => {
    const { client } = await signedInClient()
    const plan = await client.post('/api/yearly', { year: 2026 })
    expect(plan.status).toBe(201)
    expect(plan.body).toMatchObject({ year: 2026, name: '2026', version: 1, incomeSources: [], deductions: [] })
    expect(plan.body.sections.map((s: any) => [s.name, s.collapsed, s.version, s.categories])).toEqual([['Fixed expenses', false, 1, []], ['Variable expenses', false, 1, []], ['Savings', false, 1, []]])
    expect(plan.body.sections.map((s: any) => s.sortOrder)).toEqual([0, 1, 2])
    await client.post('/api/yearly', { year: 2024, name: 'Lean year' })
    expect((await client.get('/api/yearly')).body.map((p: any) => p.year)).toEqual([2026, 2024])
    expect((await client.get('/api/yearly/latest')).body.id).toBe(plan.body.id)
    expect((await client.get('/api/yearly/by-year/2024')).body.name).toBe('Lean year')
    expect((await client.get('/api/yearly/by-year/2025')).status).toBe(404)
    expect((await client.get('/api/yearly/by-year/abc')).status).toBe(404)
    const renamed = await client.patch(`/api/yearly/${plan.body.id}`, { name: 'Family plan', version: 1 })
    expect(renamed.body).toMatchObject({ name: 'Family plan', version: 2 })
    expect(renamed.body).not.toHaveProperty('sections')
    expect((await client.post('/api/yearly', { year: 2026 })).status).toBe(409)
    expect((await client.delete(`/api/yearly/${plan.body.id}`)).status).toBe(204)
    expect((await client.get(`/api/yearly/${plan.body.id}`)).status).toBe(404)
  })

  it('refuses bad bodies with 400 and another user\'s plan with 404', async () => {
    const { client } = await signedInClient()
    const { client: other } = await signedInClient()
    const plan = await newPlan(client)
    for (const body of [{ year: 1999 }, { year: 2026.5 }, { year: 2026, name: '' }, { year: 2026, sections: [] }]) expectIssues(await client.post('/api/yearly', body))
    for (const body of [{}, { version: 2 }, { year: 2030 }, { name: null }]) expectIssues(await client.patch(`/api/yearly/${plan.id}`, body))
    for (const id of [plan.id, GHOST, 'junk']) {
      expect((await other.get(`/api/yearly/${id}`)).status).toBe(404)
      expect((await other.get(`/api/yearly/${id}/summary`)).status).toBe(404)
      expect((await other.patch(`/api/yearly/${id}`, { name: 'x' })).status).toBe(404)
      expect((await other.delete(`/api/yearly/${id}`)).status).toBe(404)
      expect((await other.post(`/api/yearly/${id}/copy-month`, { from: 1, to: [2] })).status).toBe(404)
      expect((await other.post(`/api/yearly/${id}/clear-month`, { month: 1 })).status).toBe(404)
      expect((await other.post('/api/yearly/income-sources', { planId: id, name: 'Pay' })).status).toBe(404)
      expect((await other.post('/api/yearly/deductions', { planId: id, name: 'Tax', type: 'fixed', value: 1 })).status).toBe(404)
      expect((await other.post('/api/yearly', { year: 2001, copyFrom: id })).status).toBe(404)
    }
    const stale = await client.patch(`/api/yearly/${plan.id}`, { name: 'x', version: 7 })
    expect(stale.status).toBe(409)
    expect(stale.body.data.current).toMatchObject({ id: plan.id, version: 1 })
  })
})

describe('rows and entries', () => {
  it('adds income sources and categories with 12 entries, edits cells, moves and deletes rows', async () => {
    const { client } = await signedInClient()
    const plan = await newPlan(client)
    const [fixed, variable] = plan.sections
    const salary = await client.post('/api/yearly/income-sources', { planId: plan.id, name: 'Salary', amount: 300000 })
    expect(salary.status).toBe(201)
    expect(salary.body).toMatchObject({ planId: plan.id, name: 'Salary', sortOrder: 0, version: 1 })
    expect(salary.body.entries.map((e: any) => [e.month, e.amount, e.version, e.sourceId])).toEqual(Array.from({ length: 12 }, (_, i) => [i + 1, 300000, 1, salary.body.id]))
    const side = (await client.post('/api/yearly/income-sources', { planId: plan.id, name: 'Side gig' })).body
    expect(side.sortOrder).toBe(1)
    expect(amounts(side)).toEqual(Array(12).fill(0))

    const rent = (await client.post('/api/yearly/categories', { sectionId: fixed.id, name: 'Rent', amount: 120000 })).body
    expect(rent).toMatchObject({ sectionId: fixed.id, sortOrder: 0 })
    expect(rent.entries[0]).toMatchObject({ categoryId: rent.id, month: 1, amount: 120000, version: 1 })

    const cell = await client.patch(`/api/yearly/category-entries/${rent.entries[5].id}`, { amount: 125000, version: 1 })
    expect(cell.body).toEqual({ id: rent.entries[5].id, categoryId: rent.id, month: 6, amount: 125000, version: 2 })
    const income = await client.patch(`/api/yearly/income-entries/${side.entries[0].id}`, { amount: 5000 })
    expect(income.body).toEqual({ id: side.entries[0].id, sourceId: side.id, month: 1, amount: 5000, version: 2 })
    expect((await client.patch(`/api/yearly/category-entries/${rent.entries[5].id}`, { amount: 1, version: 1 })).status).toBe(409)
    expectIssues(await client.patch(`/api/yearly/category-entries/${rent.entries[5].id}`, { amount: -1 }))
    expectIssues(await client.patch(`/api/yearly/category-entries/${rent.entries[5].id}`, { version: 2 }))

    const moved = await client.patch(`/api/yearly/categories/${rent.id}`, { sectionId: variable.id, name: 'Housing', sortOrder: 4 })
    expect(moved.body).toMatchObject({ sectionId: variable.id, name: 'Housing', sortOrder: 4, version: 2 })
    expect(moved.body.entries.map((e: any) => e.id)).toEqual(rent.entries.map((e: any) => e.id))
    const renamedSource = await client.patch(`/api/yearly/income-sources/${salary.body.id}`, { name: 'Pay', sortOrder: 9 })
    expect(renamedSource.body).toMatchObject({ name: 'Pay', sortOrder: 9, version: 2 })
    const section = await client.patch(`/api/yearly/sections/${fixed.id}`, { name: 'Bills', collapsed: true, sortOrder: 10 })
    expect(section.body).toEqual({ ...fixed, categories: undefined, name: 'Bills', collapsed: true, sortOrder: 10, version: 2 })

    const detail = (await client.get(`/api/yearly/${plan.id}`)).body
    expect(detail.incomeSources.map((s: any) => s.name)).toEqual(['Side gig', 'Pay'])
    expect(detail.sections.map((s: any) => s.name)).toEqual(['Variable expenses', 'Savings', 'Bills'])
    expect(detail.sections[0].categories.map((c: any) => c.name)).toEqual(['Housing'])

    expect((await client.delete(`/api/yearly/categories/${rent.id}`)).status).toBe(204)
    expect((await client.delete(`/api/yearly/income-sources/${side.id}`)).status).toBe(204)
    expect(await sql('SELECT 1 FROM "CategoryEntry" WHERE "categoryId" = $1', [rent.id])).toEqual([])
    expect(await sql('SELECT 1 FROM "IncomeEntry" WHERE "sourceId" = $1', [side.id])).toEqual([])
  })

  it('refuses a sectionId of another plan, another user or nothing with 400; a foreign section on create is 404', async () => {
    const { client } = await signedInClient()
    const { client: other } = await signedInClient()
    const plan = await newPlan(client)
    const second = await newPlan(client)
    const foreign = await newPlan(other)
    const category = (await client.post('/api/yearly/categories', { sectionId: plan.sections[0].id, name: 'Rent' })).body
    for (const sectionId of [second.sections[0].id, foreign.sections[0].id, GHOST, 'x']) {
      expectIssues(await client.patch(`/api/yearly/categories/${category.id}`, { sectionId }))
    }
    expect((await client.post('/api/yearly/categories', { sectionId: foreign.sections[0].id, name: 'Mine' })).status).toBe(404)
    expect((await other.patch(`/api/yearly/categories/${category.id}`, { name: 'Stolen' })).status).toBe(404)
    expect((await other.patch(`/api/yearly/category-entries/${category.entries[0].id}`, { amount: 5 })).status).toBe(404)
    expect((await other.patch(`/api/yearly/sections/${plan.sections[0].id}`, { collapsed: true })).status).toBe(404)
    expect((await client.get(`/api/yearly/${plan.id}`)).body.sections[0].categories[0].version).toBe(1)
  })

  it('deductions: percent in basis points 0–10000 or fixed, kept consistent on every change', async () => {
    const { client } = await signedInClient()
    const plan = await newPlan(client)
    const tax = await client.post('/api/yearly/deductions', { planId: plan.id, name: 'Income tax', type: 'percent', value: 2550 })
    expect(tax.status).toBe(201)
    expect(tax.body).toEqual({ id: expect.any(String), planId: plan.id, name: 'Income tax', type: 'percent', value: 2550, sortOrder: 0, version: 1 })
    const fee = (await client.post('/api/yearly/deductions', { planId: plan.id, name: 'Union', type: 'fixed', value: 250000 })).body
    expect(fee.sortOrder).toBe(1)
    for (const body of [{ type: 'Percent', value: 1 }, { type: 'percent', value: 10001 }, { type: 'fixed', value: -1 }, { type: 'percent', value: 1.5 }]) {
      expectIssues(await client.post('/api/yearly/deductions', { planId: plan.id, name: 'Bad', ...body }))
    }
    // Switching a large fixed value to percent without a new value no longer fits.
    expectIssues(await client.patch(`/api/yearly/deductions/${fee.id}`, { type: 'percent' }))
    expect((await client.patch(`/api/yearly/deductions/${fee.id}`, { type: 'percent', value: 100 })).body).toMatchObject({ type: 'percent', value: 100, version: 2 })
    expectIssues(await client.patch(`/api/yearly/deductions/${tax.body.id}`, { value: 20000 }))
    expect((await client.delete(`/api/yearly/deductions/${tax.body.id}`)).status).toBe(204)
    expect((await client.get(`/api/yearly/${plan.id}`)).body.deductions.map((d: any) => d.name)).toEqual(['Union'])
  })
})

describe('bulk, copy-month, clear-month', () => {
  it('bulk updates entries in place in one go; one foreign id changes nothing (404); malformed is 400', async () => {
    const { client } = await signedInClient()
    const { client: other } = await signedInClient()
    const plan = await newPlan(client)
    const rent = (await client.post('/api/yearly/categories', { sectionId: plan.sections[0].id, name: 'Rent' })).body
    const food = (await client.post('/api/yearly/categories', { sectionId: plan.sections[1].id, name: 'Food' })).body
    const foreignPlan = await newPlan(other)
    const foreign = (await other.post('/api/yearly/categories', { sectionId: foreignPlan.sections[0].id, name: 'Theirs' })).body

    const updates = [...rent.entries, ...food.entries].map((entry: any, i: number) => ({ id: entry.id, amount: 1000 + i }))
    const answer = await client.post('/api/yearly/category-entries/bulk', { updates })
    expect(answer.status).toBe(200)
    expect(answer.body.updated.map((e: any) => [e.id, e.amount, e.version])).toEqual(updates.map(u => [u.id, u.amount, 2]))
    expect(answer.body.updated[0]).toEqual({ id: rent.entries[0].id, categoryId: rent.id, month: 1, amount: 1000, version: 2 })

    // Both users' entries that the refused bulks name or could reach.
    const entriesOf = () => sql('SELECT id, amount, version FROM "CategoryEntry" WHERE "categoryId" = ANY($1::uuid[]) ORDER BY id', [[rent.id, food.id, foreign.id]])
    const snapshot = await entriesOf()
    expect(snapshot).toHaveLength(36)
    const withForeign = [{ id: rent.entries[0].id, amount: 5 }, { id: foreign.entries[0].id, amount: 5 }]
    expect((await client.post('/api/yearly/category-entries/bulk', { updates: withForeign })).status).toBe(404)
    expect((await client.post('/api/yearly/category-entries/bulk', { updates: [{ id: rent.entries[0].id, amount: 5 }, { id: GHOST, amount: 5 }] })).status).toBe(404)
    for (const body of [
      { updates: [] },
      { updates: [{ id: rent.entries[0].id, amount: 5 }, { id: rent.entries[0].id, amount: 6 }] },
      { updates: [{ id: rent.entries[0].id, amount: -5 }] },
      { updates: [{ id: rent.entries[0].id }] },
      { updates: [{ id: rent.entries[0].id, amount: 5, version: 1 }] },
      { updates: Array.from({ length: 601 }, (_, i) => ({ id: `${i}`, amount: 1 })) },
    ]) expectIssues(await client.post('/api/yearly/category-entries/bulk', body))
    expect(await entriesOf()).toEqual(snapshot)
  })

  it('copy-month copies every income and category entry of a month to others; clear-month zeroes one', async () => {
    const { client } = await signedInClient()
    const plan = await newPlan(client)
    const pay = (await client.post('/api/yearly/income-sources', { planId: plan.id, name: 'Pay', amount: 100 })).body
    const rent = (await client.post('/api/yearly/categories', { sectionId: plan.sections[0].id, name: 'Rent', amount: 10 })).body
    await client.patch(`/api/yearly/income-entries/${pay.entries[2].id}`, { amount: 333 })
    await client.patch(`/api/yearly/category-entries/${rent.entries[2].id}`, { amount: 33 })

    const copied = await client.post(`/api/yearly/${plan.id}/copy-month`, { from: 3, to: [1, 12] })
    expect(copied.status).toBe(200)
    const source = copied.body.incomeSources[0]
    const category = copied.body.sections[0].categories[0]
    expect(amounts(source)).toEqual([333, 100, 333, 100, 100, 100, 100, 100, 100, 100, 100, 333])
    expect(amounts(category)).toEqual([33, 10, 33, 10, 10, 10, 10, 10, 10, 10, 10, 33])
    expect(source.entries.map((e: any) => e.id)).toEqual(pay.entries.map((e: any) => e.id))
    expect(source.entries[0].version).toBe(2)
    expect(source.entries[1].version).toBe(1)

    for (const body of [{ from: 3, to: [] }, { from: 3, to: [3] }, { from: 3, to: [4, 4] }, { from: 0, to: [1] }, { from: 3, to: [13] }]) {
      expectIssues(await client.post(`/api/yearly/${plan.id}/copy-month`, body))
    }
    const cleared = await client.post(`/api/yearly/${plan.id}/clear-month`, { month: 3 })
    expect(amounts(cleared.body.incomeSources[0])[2]).toBe(0)
    expect(amounts(cleared.body.sections[0].categories[0])[2]).toBe(0)
    expect(cleared.body.sections[0].categories[0].entries[2].version).toBe(3)
    expectIssues(await client.post(`/api/yearly/${plan.id}/clear-month`, { month: 13 }))
  })

  it('copyFrom copies sections, rows, deductions and every amount as new records', async () => {
    const { client } = await signedInClient()
    const source = await newPlan(client)
    await client.patch(`/api/yearly/sections/${source.sections[2].id}`, { name: 'Goals', collapsed: true })
    const pay = (await client.post('/api/yearly/income-sources', { planId: source.id, name: 'Pay', amount: 500 })).body
    await client.patch(`/api/yearly/income-entries/${pay.entries[11].id}`, { amount: 900 })
    const rent = (await client.post('/api/yearly/categories', { sectionId: source.sections[0].id, name: 'Rent', amount: 200 })).body
    await client.post('/api/yearly/deductions', { planId: source.id, name: 'Tax', type: 'percent', value: 1000 })

    const copy = await client.post('/api/yearly', { year: source.year === 2100 ? 2000 : source.year + 1, copyFrom: source.id })
    expect(copy.status).toBe(201)
    expect(copy.body.name).toBe(String(copy.body.year))
    expect(copy.body.sections.map((s: any) => [s.name, s.collapsed, s.version])).toEqual([['Fixed expenses', false, 1], ['Variable expenses', false, 1], ['Goals', true, 1]])
    expect(copy.body.sections.map((s: any) => s.id)).not.toContain(source.sections[0].id)
    expect(amounts(copy.body.incomeSources[0])).toEqual([...Array(11).fill(500), 900])
    expect(copy.body.incomeSources[0].entries.every((e: any) => e.version === 1 && !pay.entries.some((p: any) => p.id === e.id))).toBe(true)
    expect(copy.body.sections[0].categories[0]).toMatchObject({ name: 'Rent', version: 1 })
    expect(copy.body.sections[0].categories[0].id).not.toBe(rent.id)
    expect(copy.body.deductions.map((d: any) => [d.name, d.type, d.value])).toEqual([['Tax', 'percent', 1000]])
  })
})

describe('plan summary', () => {
  it('matches an independent computation, with half-up rounding per deduction', async () => {
    const { client } = await signedInClient()
    const plan = await newPlan(client)
    const pay = (await client.post('/api/yearly/income-sources', { planId: plan.id, name: 'Pay', amount: 10002 })).body
    await client.post('/api/yearly/income-sources', { planId: plan.id, name: 'Gig', amount: 1 })
    await client.patch(`/api/yearly/income-entries/${pay.entries[1].id}`, { amount: 0 })
    await client.post('/api/yearly/deductions', { planId: plan.id, name: 'Tax', type: 'percent', value: 2500 })
    await client.post('/api/yearly/deductions', { planId: plan.id, name: 'Pension', type: 'percent', value: 5000 })
    await client.post('/api/yearly/deductions', { planId: plan.id, name: 'Union', type: 'fixed', value: 100 })
    await client.post('/api/yearly/categories', { sectionId: plan.sections[0].id, name: 'Rent', amount: 4000 })
    await client.post('/api/yearly/categories', { sectionId: plan.sections[0].id, name: 'Power', amount: 301 })
    await client.post('/api/yearly/categories', { sectionId: plan.sections[2].id, name: 'Savings', amount: 5000 })

    const summary = (await client.get(`/api/yearly/${plan.id}/summary`)).body
    expect(summary.planId).toBe(plan.id)
    expect(summary.months.map((m: any) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
    // Independently: gross 10003 -> tax 2500.75 -> 2501, pension 5001.5 -> 5002, union 100.
    const expected = (gross: number) => {
      const half = (x: number, bp: number) => Math.floor((x * bp) / 10000 + 0.5)
      const deductions = half(gross, 2500) + half(gross, 5000) + 100
      return { grossIncome: gross, deductions, netIncome: gross - deductions, expenses: 9301, balance: gross - deductions - 9301 }
    }
    expect(summary.months[0]).toMatchObject({ ...expected(10003), sections: [{ sectionId: plan.sections[0].id, name: 'Fixed expenses', total: 4301 }, { sectionId: plan.sections[1].id, name: 'Variable expenses', total: 0 }, { sectionId: plan.sections[2].id, name: 'Savings', total: 5000 }] })
    expect(summary.months[0].deductions).toBe(2501 + 5002 + 100)
    // Month 2: gross 1 -> 0.25 -> 0, 0.5 -> 1.
    expect(summary.months[1]).toMatchObject(expected(1))
    expect(summary.months[1].deductions).toBe(0 + 1 + 100)
    expect(summary.totals).toEqual({
      grossIncome: 10003 * 11 + 1,
      deductions: (2501 + 5002 + 100) * 11 + 101,
      netIncome: (10003 - 7603) * 11 + (1 - 101),
      expenses: 9301 * 12,
      balance: (10003 - 7603 - 9301) * 11 + (1 - 101 - 9301),
    })
  })

  it('plan detail, summary and a 600-entry bulk take a fixed number of queries', async () => {
    const { client } = await signedInClient()
    const counts: Record<string, number[]> = { detail: [], summary: [], bulk: [] }
    const bulkSizes: number[] = []
    for (const rows of [1, 50]) {
      const plan = await newPlan(client)
      const created = []
      for (let i = 0; i < rows; i++) created.push((await client.post('/api/yearly/categories', { sectionId: plan.sections[i % 3].id, name: `Row ${i}` })).body)
      await client.post('/api/yearly/income-sources', { planId: plan.id, name: 'Pay' })
      counts.detail!.push(queriesOf(await client.get(`/api/yearly/${plan.id}`)))
      counts.summary!.push(queriesOf(await client.get(`/api/yearly/${plan.id}/summary`)))
      const updates = created.flatMap((c: any) => c.entries).slice(0, 600).map((e: any) => ({ id: e.id, amount: 7 }))
      const bulk = await client.post('/api/yearly/category-entries/bulk', { updates })
      expect(bulk.body.updated.map((e: any) => [e.id, e.amount])).toEqual(updates.map(u => [u.id, 7]))
      bulkSizes.push(updates.length)
      counts.bulk!.push(queriesOf(bulk))
    }
    expect(bulkSizes).toEqual([12, 600])
    // As the README promises: the session, then one statement for each (the
    // bulk locks, checks and updates in one UPDATE).
    expect(counts).toEqual({ detail: [2, 2], summary: [2, 2], bulk: [2, 2] })
  })
})

describe('ownership on every yearly route', () => {
  it('another user\'s rows and entries answer 404 on PATCH and DELETE, and nothing changes', async () => {
    const { client: owner } = await signedInClient()
    const { client: other } = await signedInClient()
    const plan = await newPlan(owner)
    const source = (await owner.post('/api/yearly/income-sources', { planId: plan.id, name: 'Pay', amount: 5 })).body
    const category = (await owner.post('/api/yearly/categories', { sectionId: plan.sections[0].id, name: 'Rent', amount: 5 })).body
    const deduction = (await owner.post('/api/yearly/deductions', { planId: plan.id, name: 'Tax', type: 'fixed', value: 5 })).body
    const before = (await owner.get(`/api/yearly/${plan.id}`)).body
    const attempts: [string, string, unknown?][] = [
      ['PATCH', `/api/yearly/income-sources/${source.id}`, { name: 'x' }],
      ['DELETE', `/api/yearly/income-sources/${source.id}`],
      ['PATCH', `/api/yearly/income-entries/${source.entries[0].id}`, { amount: 1 }],
      ['PATCH', `/api/yearly/categories/${category.id}`, { name: 'x' }],
      ['DELETE', `/api/yearly/categories/${category.id}`],
      ['PATCH', `/api/yearly/category-entries/${category.entries[0].id}`, { amount: 1 }],
      ['PATCH', `/api/yearly/deductions/${deduction.id}`, { value: 1 }],
      ['DELETE', `/api/yearly/deductions/${deduction.id}`],
      ['PATCH', `/api/yearly/sections/${plan.sections[0].id}`, { name: 'x' }],
      ['POST', '/api/yearly/categories', { sectionId: plan.sections[0].id, name: 'x' }],
      ['POST', '/api/yearly/category-entries/bulk', { updates: [{ id: category.entries[0].id, amount: 1 }] }],
    ]
    for (const [method, path, json] of attempts) {
      expect((await other.request(method, path, json === undefined ? {} : { json })).status, `${method} ${path}`).toBe(404)
      // A stale version from a stranger is still 404, never 409.
      if (method === 'PATCH') expect((await other.request(method, path, { json: { ...(json as object), version: 99 } })).status).toBe(404)
    }
    expect((await owner.get(`/api/yearly/${plan.id}`)).body).toEqual(before)
  })
})

describe('concurrent bulk edits', () => {
  it('twenty bulks of the same entries at once all succeed, in some order, with no lost update', async () => {
    const { client } = await signedInClient()
    const plan = await newPlan(client)
    const rows = []
    for (const name of ['A', 'B', 'C']) rows.push((await client.post('/api/yearly/categories', { sectionId: plan.sections[0].id, name })).body)
    const entries = rows.flatMap((row: any) => row.entries)
    // Each request names the entries in its own order: locks are still taken in id order.
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => {
      const ordered = i % 2 ? [...entries].reverse() : entries
      return client.post('/api/yearly/category-entries/bulk', { updates: ordered.map((e: any) => ({ id: e.id, amount: i })) })
    }))
    expect(answers.map(a => a.status)).toEqual(Array(20).fill(200))
    const detail = (await client.get(`/api/yearly/${plan.id}`)).body
    const after = detail.sections[0].categories.flatMap((c: any) => c.entries)
    expect(after.every((e: any) => e.version === 21)).toBe(true)
    // Every entry holds the amount of one and the same last request.
    expect(new Set(after.map((e: any) => e.amount)).size).toBe(1)
  })
})
