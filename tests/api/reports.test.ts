// Reports (contract version 2, "Reports"): spending over a range of months and
// a year's plan against what happened. Every expected report is computed here
// from the rows the test wrote, not from the app's SQL.
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { Client } from '../helpers/api'
import { expectError, expectIssues, generator, insertRows, randomSpending, queriesOf, signedInClient } from '../helpers/api'

const label = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
const indexOf = (year: number, month: number) => year * 12 + month - 1
// Names compared as sequences of code points: each one written as fixed-width hex.
const codePointKey = (name: string) => Array.from(name, c => c.codePointAt(0)!.toString(16).padStart(6, '0')).join('')
const byName = (a: { name: string }, b: { name: string }) => codePointKey(a.name) < codePointKey(b.name) ? -1 : codePointKey(a.name) > codePointKey(b.name) ? 1 : 0

// "Ｚ" (U+FF3A) comes before "😀" (U+1F600) by code point, after it by UTF-16 unit.
const NAMES = ['Food', 'food', 'Rent', 'Fun', 'Ｚone', '😀 Treats', 'Car', 'Gifts', 'Travel', 'Pets']

interface Row { id: string, monthId: string, categoryId: string | null, amount: number }
interface Generated {
  months: { id: string, year: number, month: number, income: number, categories: { id: string, name: string }[] }[]
  transactions: (Row & { date: string })[]
  splits: (Row & { transactionId: string, position: number })[]
  fixed: (Row & { name: string })[]
}

// Months from `first` on, about one in eight missing, each with a random set of
// names, income, spending (refunds and split transactions too) and fixed
// payments, which are not spending.
function randomBudget(seed: number, first: number, length: number): Generated {
  const random = generator(seed)
  const data: Generated = { months: [], transactions: [], splits: [], fixed: [] }
  for (let index = first; index < first + length; index++) {
    if (index !== first && random.next() < 0.12) continue
    const [year, m] = [Math.floor(index / 12), (index % 12) + 1]
    const month = { id: randomUUID(), year, month: m, income: random.int(0, 500000), categories: NAMES.filter(() => random.next() < 0.6).map(name => ({ id: randomUUID(), name })) }
    data.months.push(month)
    const categoryIds = [null, ...month.categories.map(c => c.id)]
    const spending = randomSpending(random, month, categoryIds)
    data.transactions.push(...spending.transactions)
    data.splits.push(...spending.splits)
    for (let f = random.int(0, 2); f > 0; f--) data.fixed.push({ id: randomUUID(), monthId: month.id, categoryId: random.pick(categoryIds), name: random.pick(NAMES), amount: random.int(0, 90000) })
  }
  return data
}

async function store(budgetId: string, data: Generated) {
  await insertRows('Month', 'id, "budgetId", year, month, income', data.months.map(({ id, year, month, income }) => ({ id, budgetId, year, month, income })))
  await insertRows('Category', 'id, "monthId", name, budgeted, "sortOrder"', data.months.flatMap(m => m.categories.map((c, i) => ({ ...c, monthId: m.id, budgeted: 0, sortOrder: i }))))
  await insertRows('Transaction', 'id, "monthId", "categoryId", date, amount', data.transactions)
  await insertRows('Split', 'id, "transactionId", "categoryId", position, amount', data.splits)
  await insertRows('FixedPayment', 'id, "monthId", "categoryId", name, amount', data.fixed)
}

// What each transaction spends, and where: its parts, or itself.
const partsOf = (data: Generated) => data.transactions.flatMap((t): Row[] => {
  const own = data.splits.filter(split => split.transactionId === t.id)
  return own.length ? own : [t]
})

// The spending report of months first..last, from the rows alone.
function expectedSpending(data: Generated, first: number, last: number) {
  const indexes = Array.from({ length: last - first + 1 }, (_, i) => first + i)
  const monthAt = new Map(data.months.map(m => [indexOf(m.year, m.month), m]))
  const parts = partsOf(data)
  const perMonth = (pick: (month: Generated['months'][number]) => number) => indexes.map(index => monthAt.has(index) ? pick(monthAt.get(index)!) : 0)
  const spentIn = (monthId: string, categoryId: string | null) => parts.filter(p => p.monthId === monthId && p.categoryId === categoryId).reduce((sum, p) => sum + p.amount, 0)
  const names = new Set(indexes.flatMap(index => monthAt.get(index)?.categories.map(c => c.name) ?? []))
  const categories = [...names].map(name => ({
    name,
    spent: perMonth(m => m.categories.filter(c => c.name === name).reduce((sum, c) => sum + spentIn(m.id, c.id), 0)),
  }))
  const total = (c: { spent: number[] }) => c.spent.reduce((a, b) => a + b, 0)
  categories.sort((a, b) => total(b) - total(a) || byName(a, b))
  return {
    months: indexes.map(label),
    categories,
    uncategorized: perMonth(m => spentIn(m.id, null)),
    income: perMonth(m => m.income),
    totalSpent: perMonth(m => parts.filter(p => p.monthId === m.id).reduce((sum, p) => sum + p.amount, 0)),
  }
}

const spending = (client: Client, budgetId: string, query = '') => client.get(`/api/budgets/${budgetId}/reports/spending${query}`)

async function budgetWith(label: string, data: Generated) {
  const { client } = await signedInClient(label)
  const [budget] = (await client.get('/api/budgets')).body
  await store(budget.id, data)
  return { client, budgetId: budget.id as string }
}

describe('the spending report', () => {
  it('equals the sums of the rows written, for every way of choosing the months', async () => {
    const first = indexOf(2029, 5)
    const data = randomBudget(7, first, 30)
    // Two names spending the same, only in the first month: ordered by code point.
    const tie = data.months[0]!
    for (const name of ['Ｚ tie', '😀 tie']) {
      const category = { id: randomUUID(), name }
      tie.categories.push(category)
      data.transactions.push({ id: randomUUID(), monthId: tie.id, categoryId: category.id, date: `${tie.year}-${String(tie.month).padStart(2, '0')}-01`, amount: 123456 })
    }
    // A category nothing was spent in is listed too.
    tie.categories.push({ id: randomUUID(), name: 'Never spent' })
    const { client, budgetId } = await budgetWith('report-spending', data)
    const newest = Math.max(...data.months.map(m => indexOf(m.year, m.month)))

    const cases: [string, number, number][] = [
      ['', newest - 11, newest],
      [`?from=${label(first)}&to=${label(first + 35)}`, first, first + 35],
      [`?from=${label(first - 3)}`, first - 3, first + 8],
      [`?to=${label(first + 4)}`, first - 7, first + 4],
      [`?from=${label(first + 7)}&to=${label(first + 7)}`, first + 7, first + 7],
      // No month of the budget in range: the months, every amount 0, no categories.
      ['?from=2040-01&to=2040-03', indexOf(2040, 1), indexOf(2040, 3)],
      // One end given near the contract's limits: kept within 2000-01..2100-12.
      ['?from=2100-06', indexOf(2100, 6), indexOf(2100, 12)],
      ['?to=2000-03', indexOf(2000, 1), indexOf(2000, 3)],
    ]
    for (const [query, from, to] of cases) {
      const answer = await spending(client, budgetId, query)
      expect(answer.status, query).toBe(200)
      expect(answer.body, query).toEqual(expectedSpending(data, from, to))
    }
    const all = (await spending(client, budgetId, `?from=${label(first)}&to=${label(first + 35)}`)).body
    expect(all.categories.findIndex((c: { name: string }) => c.name === 'Ｚ tie')).toBe(all.categories.findIndex((c: { name: string }) => c.name === '😀 tie') - 1)
    expect(all.categories.find((c: { name: string }) => c.name === 'Never spent').spent).toEqual(Array.from({ length: 36 }, () => 0))
  })

  it('has every list empty for a budget without months', async () => {
    const { client } = await signedInClient('report-empty')
    const [budget] = (await client.get('/api/budgets')).body
    expect((await spending(client, budget.id)).body).toEqual({ months: [], categories: [], uncategorized: [], income: [], totalSpent: [] })
    expect((await spending(client, budget.id, '?to=2031-02')).body.months).toHaveLength(12)
  })

  it('refuses a month malformed, out of range or given twice, a range backwards or over 36 months: 400 naming the parameter', async () => {
    const { client } = await signedInClient('report-rules')
    const [budget] = (await client.get('/api/budgets')).body
    const cases: [string, string][] = [
      ['from=2026-13', 'from'], ['from=2026-1', 'from'], ['from=abc', 'from'], ['from=', 'from'], ['from=2026-01-01', 'from'],
      ['from=1999-12', 'from'], ['to=2101-01', 'to'], ['to=0000-01', 'to'], ['from=%202026-01', 'from'],
      ['from=2026-01&from=2026-02', 'from'], ['to=2026-01&to=2026-01', 'to'],
      ['from=2026-02&to=2026-01', 'to'], ['from=2026-01&to=2029-01', 'to'],
    ]
    for (const [query, path] of cases) {
      expect(expectIssues(await spending(client, budget.id, `?${query}`)).map(issue => issue.path), query).toEqual([path])
    }
    expect((await spending(client, budget.id, '?from=2026-01&to=2028-12')).body.months).toHaveLength(36)
    expect((await spending(client, budget.id, '?from=2000-01&to=2000-01')).body.months).toEqual(['2000-01'])
  })
})

describe('the plan-vs-actual report', () => {
  it('compares a year\'s plan with its months: income, expenses, names matched exactly, fixed payments under their category or their own name', async () => {
    const { client } = await signedInClient('report-plan')
    const [budget] = (await client.get('/api/budgets')).body
    const ok = async (answer: Promise<{ status: number, body: any }>, status = 201) => {
      const { status: got, body } = await answer
      expect(got, JSON.stringify(body)).toBe(status)
      return body
    }
    // The plan: two income sources, two percent deductions rounded one by one and a fixed one.
    const plan = await ok(client.post('/api/yearly', { year: 2031 }))
    const [fixedSection, variable, savings] = plan.sections
    const salary = await ok(client.post('/api/yearly/income-sources', { planId: plan.id, name: 'Salary', amount: 300001 }))
    const bonus = await ok(client.post('/api/yearly/income-sources', { planId: plan.id, name: 'Bonus' }))
    await ok(client.patch(`/api/yearly/income-entries/${bonus.entries[11].id}`, { amount: 50000 }), 200)
    await ok(client.patch(`/api/yearly/income-entries/${salary.entries[2].id}`, { amount: 310003 }), 200)
    await ok(client.post('/api/yearly/deductions', { planId: plan.id, name: 'Tax', type: 'percent', value: 2550 }))
    await ok(client.post('/api/yearly/deductions', { planId: plan.id, name: 'Pension', type: 'percent', value: 333 }))
    await ok(client.post('/api/yearly/deductions', { planId: plan.id, name: 'Union', type: 'fixed', value: 1000 }))
    const plannedCategories: [string, string, number][] = [
      [fixedSection.id, 'Rent', 120000], [variable.id, 'Groceries', 40000], [savings.id, 'Groceries', 5000],
      [savings.id, 'Holiday', 20000], [fixedSection.id, 'Streaming', 1599], [variable.id, 'groceries', 100],
    ]
    for (const [sectionId, name, amount] of plannedCategories) await ok(client.post('/api/yearly/categories', { sectionId, name, amount }))

    // The months: January, February and May.
    const month = async (m: number, income: number, categories: string[], year = 2031) => {
      const created = await ok(client.post('/api/months', { year, month: m, income }))
      const ids: Record<string, string> = {}
      for (const name of categories) ids[name] = (await ok(client.post('/api/categories', { monthId: created.id, name, budgeted: 1 }))).id
      return { id: created.id as string, ids }
    }
    const jan = await month(1, 290000, ['Groceries', 'Rent', 'Fun'])
    const feb = await month(2, 295000, ['Groceries', 'Fun'])
    const may = await month(5, 0, ['Streaming'])
    const spend = (m: { id: string }, day: string, amount: number, categoryId: string | null, splits?: unknown) =>
      ok(client.post('/api/transactions', { monthId: m.id, date: `2031-${day}`, amount, categoryId, ...(splits ? { splits } : {}) }))
    await spend(jan, '01-03', 12000, jan.ids.Groceries!)
    await spend(jan, '01-04', -2000, jan.ids.Groceries!)
    await spend(jan, '01-05', 9000, null, [{ amount: 6000, categoryId: jan.ids.Groceries }, { amount: 2000, categoryId: jan.ids.Fun }, { amount: 1000 }])
    await spend(jan, '01-06', 700, null)
    await spend(feb, '02-10', 45000, feb.ids.Groceries!)
    await spend(may, '05-02', 300, may.ids.Streaming!)
    const fixed = (m: { id: string }, name: string, amount: number, categoryId: string | null) => ok(client.post('/api/fixed-payments', { monthId: m.id, name, amount, categoryId }))
    await fixed(jan, 'Landlord', 118000, jan.ids.Rent!)
    await fixed(jan, 'Streaming', 1599, null)
    await fixed(may, 'Streaming', 1599, null)
    await fixed(feb, 'Gym', 3000, null)

    // Expected, from what was written above.
    const twelve = (values: Record<number, number>) => Array.from({ length: 12 }, (_, i) => values[i + 1] ?? 0)
    const gross = twelve(Object.fromEntries(Array.from({ length: 12 }, (_, i) => [i + 1, (i === 2 ? 310003 : 300001) + (i === 11 ? 50000 : 0)])))
    const roundedPercent = (amount: number, basisPoints: number) => Math.floor((amount * basisPoints + 5000) / 10000)
    const netIncome = gross.map(g => g - roundedPercent(g, 2550) - roundedPercent(g, 333) - 1000)
    const compare = (planned: number[], actual: number[]) => ({ planned, actual, difference: actual.map((a, i) => a - planned[i]!) })
    const every = (amount: number) => twelve(Object.fromEntries(Array.from({ length: 12 }, (_, i) => [i + 1, amount])))
    const expected = {
      year: 2031,
      planId: plan.id,
      income: compare(netIncome, twelve({ 1: 290000, 2: 295000 })),
      expenses: compare(every(120000 + 45000 + 20000 + 1599 + 100), twelve({ 1: 12000 - 2000 + 9000 + 700 + 118000 + 1599, 2: 45000 + 3000, 5: 300 + 1599 })),
      matched: [
        { name: 'Groceries', ...compare(every(45000), twelve({ 1: 12000 - 2000 + 6000, 2: 45000 })) },
        { name: 'Rent', ...compare(every(120000), twelve({ 1: 118000 })) },
        { name: 'Streaming', ...compare(every(1599), twelve({ 1: 1599, 5: 300 + 1599 })) },
      ],
      planOnly: [{ name: 'Holiday', planned: every(20000) }, { name: 'groceries', planned: every(100) }],
      actualOnly: [{ name: 'Fun', actual: twelve({ 1: 2000 }) }, { name: 'Gym', actual: twelve({ 2: 3000 }) }],
      uncategorized: twelve({ 1: 1000 + 700 }),
    }
    const report = await client.get(`/api/budgets/${budget.id}/reports/plan-vs-actual?year=2031`)
    expect(report.status).toBe(200)
    expect(report.body).toEqual(expected)
    // Planned is the plan summary's own netIncome and expenses.
    const summary = (await client.get(`/api/yearly/${plan.id}/summary`)).body
    expect(report.body.income.planned).toEqual(summary.months.map((m: any) => m.netIncome))
    expect(report.body.expenses.planned).toEqual(summary.months.map((m: any) => m.expenses))

    // A year with months but no plan (an unspent category is still a name), and one with neither.
    await month(3, 1000, ['Rent'], 2032)
    const none = { planId: null, expenses: compare(every(0), every(0)), matched: [], planOnly: [], uncategorized: every(0) }
    expect((await client.get(`/api/budgets/${budget.id}/reports/plan-vs-actual?year=2032`)).body).toEqual({
      year: 2032, ...none, income: compare(every(0), twelve({ 3: 1000 })), actualOnly: [{ name: 'Rent', actual: every(0) }],
    })
    expect((await client.get(`/api/budgets/${budget.id}/reports/plan-vs-actual?year=2033`)).body).toEqual({
      year: 2033, ...none, income: compare(every(0), every(0)), actualOnly: [],
    })
  })

  it('refuses a year missing, malformed, out of range or given twice: 400 naming year', async () => {
    const { client } = await signedInClient('report-year')
    const [budget] = (await client.get('/api/budgets')).body
    for (const query of ['', '?year=', '?year=abc', '?year=2031.0', '?year=1999', '?year=2101', '?year=031', '?year=2031&year=2031', '?years=2031']) {
      expect(expectIssues(await client.get(`/api/budgets/${budget.id}/reports/plan-vs-actual${query}`)).map(issue => issue.path), query).toEqual(['year'])
    }
  })
})

describe('both reports', () => {
  it('answer 304 to the ETag they gave until a transaction changes them', async () => {
    const { client } = await signedInClient('report-etag')
    const [budget] = (await client.get('/api/budgets')).body
    const month = (await client.post('/api/months', { year: 2031, month: 6 })).body
    for (const path of [`/api/budgets/${budget.id}/reports/spending`, `/api/budgets/${budget.id}/reports/plan-vs-actual?year=2031`]) {
      const before = await client.get(path)
      expect((await client.get(path, { 'if-none-match': before.headers.get('etag')! })).status, path).toBe(304)
      expect((await client.post('/api/transactions', { monthId: month.id, date: '2031-06-02', amount: 100 })).status).toBe(201)
      const after = await client.get(path, { 'if-none-match': before.headers.get('etag')! })
      expect(after.status, path).toBe(200)
      expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'))
    }
  })

  it('answer a budget that is not the caller\'s, or no budget, exactly as an unknown id: 404', async () => {
    const { client } = await signedInClient('report-stranger')
    const { client: stranger } = await signedInClient('report-stranger')
    const [budget] = (await client.get('/api/budgets')).body
    for (const report of ['spending', 'plan-vs-actual?year=2031']) {
      const unknown = expectError(await stranger.get(`/api/budgets/${randomUUID()}/reports/${report}`), 404)
      expect(expectError(await stranger.get(`/api/budgets/${budget.id}/reports/${report}`), 404)).toEqual(unknown)
      expect(expectError(await stranger.get(`/api/budgets/not-an-id/reports/${report}`), 404)).toEqual(unknown)
    }
  })

  it('take the same number of queries with 1 and with 36 months', async () => {
    const counts: Record<string, number[]> = { spending: [], planVsActual: [] }
    for (const length of [1, 36]) {
      const first = indexOf(2031, 1)
      const data = randomBudget(length, first, length)
      const { client, budgetId } = await budgetWith('report-queries', data)
      const range = await spending(client, budgetId, `?from=${label(first)}&to=${label(first + 35)}`)
      expect(range.body).toEqual(expectedSpending(data, first, first + 35))
      counts.spending!.push(queriesOf(range))
      counts.spending!.push(queriesOf(await spending(client, budgetId)))
      counts.planVsActual!.push(queriesOf(await client.get(`/api/budgets/${budgetId}/reports/plan-vs-actual?year=2031`)))
    }
    expect(counts).toEqual({ spending: [2, 2, 2, 2], planVsActual: [2, 2] })
  })
})
