// Split transactions (contract version 2, "Split transactions"): the whole
// list replaced on every write, every rule a 400 that writes nothing, and
// spending counted through the parts.
import { describe, expect, it } from 'vitest'
import type { Client } from '../helpers/api'
import { expectError, expectIssues, signedInClient, sql } from '../helpers/api'

const GHOST = '00000000-0000-4000-8000-000000000000'

// A month of its own (each client is a new user, so no period collides) with
// three categories.
async function splitMonth(label: string, period = { year: 2026, month: 3 }) {
  const { client } = await signedInClient(label)
  const month = (await client.post('/api/months', { ...period, income: 500000 })).body
  const category = async (name: string) => (await client.post('/api/categories', { monthId: month.id, name, budgeted: 10000 })).body
  const [food, home, fun] = [await category('Food'), await category('Home'), await category('Fun')]
  return { client, month, food, home, fun }
}

const rowsOf = async (transactionId: string) => sql('SELECT "categoryId", amount, note, position FROM "Split" WHERE "transactionId" = $1 ORDER BY position', [transactionId])
const stateOf = async (monthId: string) => ({
  transactions: await sql('SELECT id, "categoryId", amount, version FROM "Transaction" WHERE "monthId" = $1 ORDER BY id', [monthId]),
  splits: await sql('SELECT s.* FROM "Split" s JOIN "Transaction" t ON t.id = s."transactionId" WHERE t."monthId" = $1 ORDER BY s.id', [monthId]),
})

// A 400 whose issues name exactly these paths, and nothing written in the month.
async function refused(client: Client, monthId: string, request: () => Promise<{ status: number, body: any, headers: Headers }>, paths: string[]) {
  const before = await stateOf(monthId)
  const issues = expectIssues(await request())
  expect(issues.map(issue => issue.path).sort()).toEqual([...paths].sort())
  expect(await stateOf(monthId)).toEqual(before)
  return issues
}

describe('split transactions', () => {
  it('creates parts in the order sent, with defaults; a category spends its parts, uncategorizedSpent the parts without one, spent is unchanged', async () => {
    const { client, month, food, home } = await splitMonth('split-create')
    const created = await client.post('/api/transactions', {
      monthId: month.id, date: '2026-03-04', description: 'Supermarket', amount: 10000,
      splits: [{ amount: 6000, categoryId: food.id, note: 'Groceries' }, { amount: 5000, categoryId: home.id }, { amount: -1000 }],
    })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ categoryId: null, amount: 10000, version: 1 })
    expect(created.body.splits).toEqual([
      { id: expect.stringMatching(/^[0-9a-f-]{36}$/), categoryId: food.id, amount: 6000, note: 'Groceries' },
      { id: expect.stringMatching(/^[0-9a-f-]{36}$/), categoryId: home.id, amount: 5000, note: '' },
      { id: expect.stringMatching(/^[0-9a-f-]{36}$/), categoryId: null, amount: -1000, note: '' },
    ])
    expect(new Set(created.body.splits.map((split: any) => split.id)).size).toBe(3)
    const plain = await client.post('/api/transactions', { monthId: month.id, date: '2026-03-05', amount: 700, categoryId: food.id })
    expect(plain.body.splits).toEqual([])
    await client.post('/api/transactions', { monthId: month.id, date: '2026-03-05', amount: 300 })

    const detail = (await client.get(`/api/months/${month.id}`)).body
    expect(detail.transactions.map((t: any) => t.splits.length)).toEqual([3, 0, 0])
    expect(detail.transactions[0].splits).toEqual(created.body.splits)

    const summary = (await client.get(`/api/months/${month.id}/summary`)).body
    expect(summary).toMatchObject({ spent: 11000, uncategorizedSpent: -700 })
    expect(summary.categories.map((c: any) => [c.name, c.spent, c.remaining, c.available])).toEqual([
      ['Food', 6700, 3300, 3300], ['Home', 5000, 5000, 5000], ['Fun', 0, 10000, 10000],
    ])
  })

  it('refuses every broken split list with 400 naming the path, and writes nothing', async () => {
    const { client, month, food, home } = await splitMonth('split-rules')
    const other = (await client.post('/api/months', { year: 2026, month: 4 })).body
    const otherMonths = (await client.post('/api/categories', { monthId: other.id, name: 'Food', budgeted: 0 })).body
    const stranger = await splitMonth('split-stranger')
    const post = (body: Record<string, unknown>) => () => client.post('/api/transactions', { monthId: month.id, date: '2026-03-04', amount: 100, ...body })
    const two = (a = 60, b = 40) => [{ amount: a, categoryId: food.id }, { amount: b, categoryId: home.id }]

    await refused(client, month.id, post({ splits: [{ amount: 100, categoryId: food.id }] }), ['splits'])
    await refused(client, month.id, post({ amount: 51, splits: Array.from({ length: 51 }, () => ({ amount: 1 })) }), ['splits'])
    await refused(client, month.id, post({ splits: two(61, 40) }), ['splits'])
    await refused(client, month.id, post({ splits: two(100, 0) }), ['splits.1.amount'])
    await refused(client, month.id, post({ splits: two(60.5, 39.5) }), ['splits.0.amount', 'splits.1.amount'])
    await refused(client, month.id, post({ splits: [{ amount: 60 }, { amount: 40, categoryId: '40' }] }), ['splits.1.categoryId'])
    await refused(client, month.id, post({ splits: [{ amount: 60, categoryId: otherMonths.id }, { amount: 40 }] }), ['splits.0.categoryId'])
    await refused(client, month.id, post({ splits: [{ amount: 60, categoryId: stranger.food.id }, { amount: 40, categoryId: GHOST }] }), ['splits.0.categoryId', 'splits.1.categoryId'])
    await refused(client, month.id, post({ categoryId: food.id, splits: two() }), ['categoryId'])
    await refused(client, month.id, post({ splits: [{ amount: 60, note: 'x'.repeat(201) }, { amount: 40 }] }), ['splits.0.note'])
    await refused(client, month.id, post({ splits: [{ amount: 60, note: 'a\u0000b' }, { amount: 40 }] }), ['splits.0.note'])
    await refused(client, month.id, post({ splits: [{ amount: 60, id: GHOST }, { amount: 40 }] }), ['splits.0.id'])
    await refused(client, month.id, post({ splits: [{ amount: 60, categoryId: food.id }, null] }), ['splits.1'])
    await refused(client, month.id, post({ splits: { 0: { amount: 100 } } }), ['splits'])
    await refused(client, month.id, post({ amount: 2, splits: [{ amount: 1_000_000_001 }, { amount: -999_999_999 }] }), ['splits.0.amount'])

    // 50 parts is the most, and signs may differ.
    const fifty = await client.post('/api/transactions', { monthId: month.id, date: '2026-03-04', amount: 48, splits: [...Array.from({ length: 49 }, () => ({ amount: 1 })), { amount: -1 }] })
    expect(fifty.status).toBe(201)
    expect(fifty.body.splits).toHaveLength(50)
  })

  it('PATCH replaces the whole list with new parts, bumps the version, and checks the transaction as it would be afterwards', async () => {
    const { client, month, food, home, fun } = await splitMonth('split-patch')
    const plain = (await client.post('/api/transactions', { monthId: month.id, date: '2026-03-04', amount: 1000, categoryId: food.id })).body

    // Splitting a categorized transaction needs its own category cleared in the same PATCH.
    const parts = [{ amount: 700, categoryId: food.id }, { amount: 300, categoryId: home.id, note: 'lamp' }]
    await refused(client, month.id, () => client.patch(`/api/transactions/${plain.id}`, { splits: parts }), ['categoryId'])
    const split = await client.patch(`/api/transactions/${plain.id}`, { splits: parts, categoryId: null, version: 1 })
    expect(split.status).toBe(200)
    expect(split.body).toMatchObject({ categoryId: null, amount: 1000, version: 2 })
    expect(split.body.splits.map((s: any) => [s.categoryId, s.amount, s.note])).toEqual([[food.id, 700, ''], [home.id, 300, 'lamp']])

    // The amount alone would leave the parts adding up to something else.
    await refused(client, month.id, () => client.patch(`/api/transactions/${plain.id}`, { amount: 1200 }), ['splits'])
    // So would its own category.
    await refused(client, month.id, () => client.patch(`/api/transactions/${plain.id}`, { categoryId: fun.id }), ['categoryId'])
    // A lone part.
    await refused(client, month.id, () => client.patch(`/api/transactions/${plain.id}`, { splits: [{ amount: 1000 }] }), ['splits'])
    await refused(client, month.id, () => client.patch(`/api/transactions/${plain.id}`, { splits: Array.from({ length: 51 }, (_, i) => ({ amount: i === 0 ? 950 : 1 })) }), ['splits'])
    await refused(client, month.id, () => client.patch(`/api/transactions/${plain.id}`, { splits: [{ amount: 500, categoryId: 'not-an-id' }, { amount: 500, categoryId: GHOST }] }), ['splits.0.categoryId', 'splits.1.categoryId'])

    const both = await client.patch(`/api/transactions/${plain.id}`, { amount: 1200, splits: [{ amount: 200, categoryId: fun.id }, { amount: 900 }, { amount: 100, categoryId: food.id }] })
    expect(both.status).toBe(200)
    expect(both.body.version).toBe(3)
    expect(both.body.splits.map((s: any) => s.amount)).toEqual([200, 900, 100])
    const oldIds = new Set(split.body.splits.map((s: any) => s.id))
    expect(both.body.splits.some((s: any) => oldIds.has(s.id))).toBe(false)
    expect((await rowsOf(plain.id)).map(row => [row.position, row.amount])).toEqual([[0, 200], [1, 900], [2, 100]])

    // Other fields leave the parts alone.
    const renamed = await client.patch(`/api/transactions/${plain.id}`, { description: 'Market', date: '2026-03-09' })
    expect(renamed.body.splits).toEqual(both.body.splits)
    expect(renamed.body.version).toBe(4)

    // A stale version is 409 with the record as it is now, parts included.
    const stale = await client.patch(`/api/transactions/${plain.id}`, { splits: [], categoryId: food.id, version: 3 })
    expect(expectError(stale, 409).data.current).toEqual(renamed.body)

    // [] un-splits; then it may have a category again.
    const unsplit = await client.patch(`/api/transactions/${plain.id}`, { splits: [], categoryId: food.id, version: 4 })
    expect(unsplit.status).toBe(200)
    expect(unsplit.body).toMatchObject({ splits: [], categoryId: food.id, amount: 1200, version: 5 })
    expect(await rowsOf(plain.id)).toEqual([])
  })

  it('deleting a category uncategorizes its parts and bumps their transactions\' versions; deleting a transaction deletes its parts', async () => {
    const { client, month, food, home } = await splitMonth('split-delete')
    const t = (await client.post('/api/transactions', { monthId: month.id, date: '2026-03-04', amount: 900, splits: [{ amount: 400, categoryId: food.id }, { amount: 500, categoryId: home.id }] })).body
    const untouched = (await client.post('/api/transactions', { monthId: month.id, date: '2026-03-04', amount: 90, splits: [{ amount: 40, categoryId: home.id }, { amount: 50 }] })).body

    expect((await client.delete(`/api/categories/${food.id}`)).status).toBe(204)
    const detail = (await client.get(`/api/months/${month.id}`)).body
    const after = detail.transactions.find((x: any) => x.id === t.id)
    expect(after.version).toBe(2)
    expect(after.splits.map((s: any) => [s.categoryId, s.amount])).toEqual([[null, 400], [home.id, 500]])
    expect(detail.transactions.find((x: any) => x.id === untouched.id).version).toBe(1)
    const summary = (await client.get(`/api/months/${month.id}/summary`)).body
    expect(summary).toMatchObject({ spent: 990, uncategorizedSpent: 450 })
    expect(summary.categories).toMatchObject([{ name: 'Home', spent: 540 }, { name: 'Fun', spent: 0 }])

    expect((await client.delete(`/api/transactions/${t.id}`)).status).toBe(204)
    expect(await rowsOf(t.id)).toEqual([])
    expect(await rowsOf(untouched.id)).toHaveLength(2)
  })

  it('a category deleted while transactions are being split into it: each write is 200 before the delete or 400 after, and every part that lost it bumped its transaction', async () => {
    const { client, month, food, home } = await splitMonth('split-race')
    const made: { id: string, amount: number }[] = []
    for (let i = 0; i < 12; i++) made.push((await client.post('/api/transactions', { monthId: month.id, date: '2026-03-04', amount: 100 + i, categoryId: home.id })).body)
    const patches = made.map(t => client.patch(`/api/transactions/${t.id}`, { categoryId: null, splits: [{ amount: 60, categoryId: food.id }, { amount: t.amount - 60 }] }))
    const deleted = client.delete(`/api/categories/${food.id}`)
    const answers = await Promise.all(patches)
    expect((await deleted).status).toBe(204)

    const after = new Map((await client.get(`/api/months/${month.id}`)).body.transactions.map((t: any) => [t.id, t]))
    answers.forEach((answer, i) => {
      const now: any = after.get(made[i]!.id)
      if (answer.status === 200) {
        expect(now.version, 'split before the delete, then uncategorized by it').toBe(3)
        expect(now.splits.map((s: any) => s.categoryId)).toEqual([null, null])
      }
      else {
        expect(expectIssues(answer).map(issue => issue.path)).toEqual(['splits.0.categoryId'])
        expect(now).toMatchObject({ version: 1, categoryId: home.id, splits: [] })
      }
    })
    console.info(`split during a category delete: ${answers.filter(a => a.status === 200).length} before, ${answers.filter(a => a.status === 400).length} after`)
  })

  it('CSV export writes one line per part; import never splits', async () => {
    const { client, month, food, home } = await splitMonth('split-csv')
    await client.post('/api/transactions', { monthId: month.id, date: '2026-03-02', description: 'Shop, "big"', amount: 1250, splits: [{ amount: 1000, categoryId: home.id, note: 'not exported' }, { amount: 300, categoryId: food.id }, { amount: -50 }] })
    await client.post('/api/transactions', { monthId: month.id, date: '2026-03-03', description: 'Bus', amount: 250 })
    const csv = await client.get(`/api/months/${month.id}/transactions.csv`)
    expect(csv.status).toBe(200)
    expect(csv.body.split(/\r?\n/).filter(Boolean)).toEqual([
      'date,description,amount,category',
      '2026-03-02,"Shop, ""big""",10.00,Home',
      '2026-03-02,"Shop, ""big""",3.00,Food',
      '2026-03-02,"Shop, ""big""",-0.50,',
      '2026-03-03,Bus,2.50,',
    ])

    const april = (await client.post('/api/months', { year: 2026, month: 4 })).body
    const imported = await client.request('POST', `/api/months/${april.id}/transactions/import`, { body: csv.body.replaceAll('2026-03-', '2026-04-'), headers: { 'content-type': 'text/csv' } })
    expect(imported.status).toBe(201)
    expect(imported.body).toEqual({ imported: 4, createdCategories: ['Home', 'Food'] })
    const detail = (await client.get(`/api/months/${april.id}`)).body
    expect(detail.transactions.every((x: any) => x.splits.length === 0)).toBe(true)
    expect(detail.categories.map((c: any) => [c.name, c.rollover])).toEqual([['Home', false], ['Food', false]])
  })

  it('a month with split transactions still reads in 2 queries', async () => {
    const { client, month, food, home } = await splitMonth('split-queries')
    for (let i = 0; i < 5; i++) {
      await client.post('/api/transactions', { monthId: month.id, date: '2026-03-04', amount: 30, splits: [{ amount: 10, categoryId: food.id }, { amount: 10, categoryId: home.id }, { amount: 10 }] })
    }
    for (const path of [`/api/months/${month.id}`, `/api/months/${month.id}/summary`]) {
      const answer = await client.get(path)
      expect(answer.status).toBe(200)
      expect(answer.headers.get('server-timing')).toMatch(/db;desc="2 queries"/)
    }
  })
})
