// Rollover (contract version 2, "Rollover"): the flag, chains of any length
// computed in one statement, the ETag following a carried amount, and a
// property test of the API against the rule as stated in shared/utils/rollover.ts.
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { Client } from '../helpers/api'
import { expectIssues, generator, insertRows, randomSpending, queriesOf, signedInClient, sql } from '../helpers/api'
import { carryOver, type RolloverMonth } from '../../shared/utils/rollover'

// A month with these categories ([name, rollover, budgeted]): its id and each category's id by name.
async function month(client: Client, year: number, m: number, categories: [string, boolean, number][] = []): Promise<{ id: string } & Record<string, string>> {
  const created = (await client.post('/api/months', { year, month: m })).body
  const ids: Record<string, string> = {}
  for (const [name, rollover, budgeted] of categories) {
    const answer = await client.post('/api/categories', { monthId: created.id, name, budgeted, rollover })
    expect(answer.status).toBe(201)
    ids[name] = answer.body.id
  }
  return { id: created.id as string, ...ids }
}

const spend = (client: Client, monthId: string, date: string, amount: number, categoryId: string | null = null) =>
  client.post('/api/transactions', { monthId, date, amount, categoryId })

describe('the rollover flag', () => {
  it('is false unless set, changes by PATCH (version + 1), is copied by copyFrom and refused when not a boolean', async () => {
    const { client } = await signedInClient('rollover-flag')
    const march = (await client.post('/api/months', { year: 2026, month: 3 })).body
    const plain = (await client.post('/api/categories', { monthId: march.id, name: 'Food', budgeted: 100 })).body
    expect(plain).toMatchObject({ rollover: false, version: 1 })
    const rolling = (await client.post('/api/categories', { monthId: march.id, name: 'Car', budgeted: 100, rollover: true })).body
    expect(rolling.rollover).toBe(true)
    const patched = await client.patch(`/api/categories/${plain.id}`, { rollover: true, version: 1 })
    expect(patched.body).toMatchObject({ rollover: true, version: 2 })
    expect((await client.patch(`/api/categories/${rolling.id}`, { rollover: false })).body).toMatchObject({ rollover: false, version: 2 })

    for (const rollover of ['yes', null, 1]) {
      expect(expectIssues(await client.post('/api/categories', { monthId: march.id, name: 'Bad', budgeted: 0, rollover })).map(issue => issue.path)).toEqual(['rollover'])
      expect(expectIssues(await client.patch(`/api/categories/${plain.id}`, { rollover })).map(issue => issue.path)).toEqual(['rollover'])
    }
    expect(await sql('SELECT name, rollover, version FROM "Category" WHERE "monthId" = $1 ORDER BY name', [march.id])).toEqual([
      { name: 'Car', rollover: false, version: 2 }, { name: 'Food', rollover: true, version: 2 },
    ])

    const april = (await client.post('/api/months', { year: 2026, month: 4, copyFrom: march.id })).body
    expect(april.categories.map((c: any) => [c.name, c.rollover])).toEqual([['Food', true], ['Car', false]])
  })
})

describe('carried amounts', () => {
  it('chain across the new year, carry negatives and spending through splits, and break on a gap, a rename or rollover off', async () => {
    const { client } = await signedInClient('rollover-chain')
    const nov = await month(client, 2026, 11, [['Food', true, 10000], ['Fun', true, 1000], ['Gifts', false, 2000]])
    const dec = await month(client, 2026, 12, [['Food', true, 10000], ['Fun', false, 1000], ['Gifts', true, 2000], ['Car', true, 500]])
    const jan = await month(client, 2027, 1, [['Food', true, 0], ['Fun', true, 0], ['Gifts', true, 0], ['Auto', true, 0]])
    const mar = await month(client, 2027, 3, [['Food', true, 0]])
    await spend(client, nov.id, '2026-11-03', 3000, nov.Food)
    await client.post('/api/transactions', { monthId: nov.id, date: '2026-11-04', amount: 5000, splits: [{ amount: 4000, categoryId: nov.Fun }, { amount: 1000 }] })
    await spend(client, dec.id, '2026-12-24', 20000, dec.Food)
    await spend(client, dec.id, '2026-12-24', -100, dec.Gifts)

    const summaryOf = async (id: string) => {
      const answer = await client.get(`/api/months/${id}/summary`)
      expect(answer.status).toBe(200)
      return answer.body
    }
    const figures = (summary: any) => Object.fromEntries(summary.categories.map((c: any) => [c.name, [c.carriedIn, c.available]]))

    const november = await summaryOf(nov.id)
    expect(figures(november)).toEqual({ Food: [0, 7000], Fun: [0, -3000], Gifts: [0, 2000] })
    expect(november.carriedIn).toBe(0)
    const december = await summaryOf(dec.id)
    // Food 7000 in; Fun -3000 in (negative carries); Gifts did not roll in November.
    expect(figures(december)).toEqual({ Food: [7000, -3000], Fun: [-3000, -2000], Gifts: [0, 2100], Car: [0, 500] })
    expect(december.carriedIn).toBe(4000)
    // Every other figure is unchanged by rollover.
    expect(december).toMatchObject({ budgeted: 13500, spent: 19900, available: -13500, remaining: 13500 - 19900 })
    const january = await summaryOf(jan.id)
    // Fun did not roll in December; Car was renamed Auto.
    expect(figures(january)).toEqual({ Food: [-3000, -3000], Fun: [0, 0], Gifts: [2100, 2100], Auto: [0, 0] })
    expect(january.carriedIn).toBe(-900)
    // February is missing: the chain breaks.
    expect(figures(await summaryOf(mar.id))).toEqual({ Food: [0, 0] })

    // The list answers the same figures for every month.
    const all = (await client.get('/api/months/summaries')).body
    expect(all.map((s: any) => figures(s))).toEqual([figures(await summaryOf(mar.id)), figures(january), figures(december), figures(november)])
  })

  it('an edit in March changes April\'s summary and its ETag; an unchanged April answers 304', async () => {
    const { client } = await signedInClient('rollover-etag')
    const mar = await month(client, 2026, 3, [['Food', true, 5000]])
    const apr = await month(client, 2026, 4, [['Food', true, 5000]])
    const first = await client.get(`/api/months/${apr.id}/summary`)
    const etag = first.headers.get('etag')!
    expect(first.body.categories[0]).toMatchObject({ carriedIn: 5000, available: 10000 })
    expect((await client.get(`/api/months/${apr.id}/summary`, { 'if-none-match': etag })).status).toBe(304)

    await spend(client, mar.id, '2026-03-10', 1234, mar.Food)
    const after = await client.get(`/api/months/${apr.id}/summary`, { 'if-none-match': etag })
    expect(after.status).toBe(200)
    expect(after.headers.get('etag')).not.toBe(etag)
    expect(after.body.categories[0]).toMatchObject({ carriedIn: 3766, available: 8766 })

    // Turning rollover off in March stops the carry, and changes April's ETag again.
    await client.patch(`/api/categories/${mar.Food}`, { rollover: false })
    const off = await client.get(`/api/months/${apr.id}/summary`, { 'if-none-match': after.headers.get('etag')! })
    expect(off.status).toBe(200)
    expect(off.body).toMatchObject({ carriedIn: 0, categories: [{ carriedIn: 0, available: 5000 }] })
  })

  it('takes the same number of queries with 1 and with 24 months of history', async () => {
    const counts: Record<string, number[]> = { summary: [], summaries: [] }
    for (const history of [1, 24]) {
      const { client } = await signedInClient('rollover-queries')
      const [budget] = (await client.get('/api/budgets')).body
      // Written straight to the database (the API would take ~100 requests): every
      // month has Food (1000, rolling over) with 300 + i spent, and Rent (2000).
      const data: Generated = { months: [], transactions: [], splits: [] }
      for (let i = 0; i < history; i++) {
        const food = { id: randomUUID(), name: 'Food', rollover: true, budgeted: 1000 }
        const year = 2024 + Math.floor(i / 12)
        data.months.push({ id: randomUUID(), year, month: 1 + (i % 12), categories: [food, { id: randomUUID(), name: 'Rent', rollover: true, budgeted: 2000 }] })
        data.transactions.push({ id: randomUUID(), monthId: data.months.at(-1)!.id, categoryId: food.id, date: `${year}-${String(1 + (i % 12)).padStart(2, '0')}-05`, amount: 300 + i })
      }
      await store(budget.id, data)
      const summary = await client.get(`/api/months/${data.months.at(-1)!.id}/summary`)
      expect(summary.body.categories.map((c: any) => c.carriedIn)).toEqual(history === 1 ? [0, 0] : [Array.from({ length: history - 1 }, (_, i) => 1000 - 300 - i).reduce((a, b) => a + b, 0), 2000 * (history - 1)])
      counts.summary!.push(queriesOf(summary))
      const all = await client.get('/api/months/summaries')
      expect(all.body).toHaveLength(history)
      counts.summaries!.push(queriesOf(all))
    }
    expect(counts).toEqual({ summary: [2, 2], summaries: [2, 2] })
  })
})

const NAMES = ['Food', 'Rent', 'Fun', 'Car', 'Auto', 'Gifts', 'Travel', 'food']

interface Generated {
  months: { id: string, year: number, month: number, categories: { id: string, name: string, rollover: boolean, budgeted: number }[] }[]
  transactions: { id: string, monthId: string, categoryId: string | null, date: string, amount: number }[]
  splits: { id: string, transactionId: string, categoryId: string | null, position: number, amount: number }[]
}

// 24–36 months from a random start, some missing; each month a random set of
// names (so names come and go: renames), random budgets, rollover flags and
// spending, refunds and split transactions included.
function randomBudget(seed: number): Generated {
  const random = generator(seed)
  const data: Generated = { months: [], transactions: [], splits: [] }
  const start = random.int(0, 40)
  const length = random.int(24, 36)
  for (let i = 0; i < length; i++) {
    if (random.next() < 0.12) continue
    const index = 2020 * 12 + start + i
    const [year, m] = [Math.floor(index / 12), (index % 12) + 1]
    const names = NAMES.filter(() => random.next() < 0.6)
    const month = { id: randomUUID(), year, month: m, categories: names.map(name => ({ id: randomUUID(), name, rollover: random.next() < 0.7, budgeted: random.int(0, 50000) })) }
    data.months.push(month)
    const categoryIds = [null, ...month.categories.map(c => c.id)]
    const spending = randomSpending(random, month, categoryIds)
    data.transactions.push(...spending.transactions)
    data.splits.push(...spending.splits)
  }
  return data
}

async function store(budgetId: string, data: Generated) {
  await insertRows('Month', 'id, "budgetId", year, month', data.months.map(({ id, year, month }) => ({ id, budgetId, year, month })))
  await insertRows('Category', 'id, "monthId", name, budgeted, rollover, "sortOrder"', data.months.flatMap(m => m.categories.map((c, i) => ({ ...c, monthId: m.id, sortOrder: i }))))
  await insertRows('Transaction', 'id, "monthId", "categoryId", date, amount', data.transactions)
  await insertRows('Split', 'id, "transactionId", "categoryId", position, amount', data.splits)
}

// What the summaries must say, from the generated rows and the stated rule alone.
function expected(data: Generated) {
  const spentOf = new Map<string | null, number>()
  const uncategorized = new Map<string, number>()
  const parts = (t: Generated['transactions'][number]) => {
    const own = data.splits.filter(split => split.transactionId === t.id)
    return own.length ? own : [t]
  }
  for (const t of data.transactions) {
    for (const part of parts(t)) {
      if (part.categoryId) spentOf.set(part.categoryId, (spentOf.get(part.categoryId) ?? 0) + part.amount)
      else uncategorized.set(t.monthId, (uncategorized.get(t.monthId) ?? 0) + part.amount)
    }
  }
  const rule: RolloverMonth[] = data.months.map(m => ({ ...m, categories: m.categories.map(c => ({ ...c, spent: spentOf.get(c.id) ?? 0 })) }))
  const carried = carryOver(rule)
  return new Map(data.months.map((m) => {
    const categories = m.categories.map(c => ({ name: c.name, spent: spentOf.get(c.id) ?? 0, ...carried.get(`${m.year}-${m.month}`)!.get(c.name)! }))
    return [m.id, { uncategorizedSpent: uncategorized.get(m.id) ?? 0, carriedIn: categories.reduce((sum, c) => sum + c.carriedIn, 0), categories }]
  }))
}

describe('rollover property', () => {
  it('the API\'s summaries equal the stated rule over random budgets of 24–36 months', async () => {
    // Three fixed seeds every run, three new ones (a failure names its seed).
    const base = Math.floor(Math.random() * 2 ** 31)
    const { client } = await signedInClient('rollover-property')
    for (const seed of [1, 2, 3, base, base + 1, base + 2]) {
      const budget = (await client.post('/api/budgets', { name: `Random ${seed}` })).body
      const data = randomBudget(seed)
      await store(budget.id, data)
      const want = expected(data)
      const list = await client.get(`/api/months/summaries?budgetId=${budget.id}`)
      expect(list.status).toBe(200)
      expect(list.body).toHaveLength(data.months.length)
      for (const summary of list.body) {
        const got = { uncategorizedSpent: summary.uncategorizedSpent, carriedIn: summary.carriedIn, categories: summary.categories.map((c: any) => ({ name: c.name, spent: c.spent, carriedIn: c.carriedIn, available: c.available })) }
        expect(got, `seed ${seed}, ${summary.year}-${summary.month}`).toEqual(want.get(summary.monthId))
      }
      // A single month's summary answers the same as the list.
      const random = generator(seed)
      for (let i = 0; i < 3; i++) {
        const chosen = random.pick(data.months)
        const one = await client.get(`/api/months/${chosen.id}/summary`)
        expect(one.body, `seed ${seed}`).toEqual(list.body.find((s: any) => s.monthId === chosen.id))
      }
    }
  })
})
