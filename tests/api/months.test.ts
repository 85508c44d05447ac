import { describe, expect, it } from 'vitest'
import type { Client } from '../helpers/api'
import { expectIssues, signedInClient, sql } from '../helpers/api'

const GHOST = '00000000-0000-4000-8000-000000000000'

// Every month this file makes with newMonth is a period of its own (from
// 2000-01 on), so no two of one user's months can collide. The fixed periods
// the tests name lie after 2020.
let periods = 0
async function newMonth(client: Client, body: Record<string, unknown> = {}) {
  const n = periods++
  const year = 2000 + Math.floor(n / 12)
  const month = 1 + (n % 12)
  const answer = await client.post('/api/months', { year, month, ...body })
  if (answer.status !== 201) throw new Error(`create month: ${answer.status} ${JSON.stringify(answer.body)}`)
  return answer.body
}

const day = (m: { year: number, month: number }, d: number) => `${m.year}-${String(m.month).padStart(2, '0')}-${String(d).padStart(2, '0')}`

describe('months', () => {
  it('creates, lists newest first, reads, patches and deletes', async () => {
    const { client } = await signedInClient()
    const [personal] = (await client.get('/api/budgets')).body
    const created = await client.post('/api/months', { year: 2026, month: 3, income: 500000, notes: 'Spring <b>&amp;</b>' })
    expect(created.status).toBe(201)
    expect(created.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/), budgetId: personal.id, year: 2026, month: 3, income: 500000, notes: 'Spring <b>&amp;</b>', version: 1,
      createdAt: expect.stringMatching(/Z$/), updatedAt: expect.stringMatching(/Z$/), categories: [], fixedPayments: [], transactions: [],
    })
    await client.post('/api/months', { year: 2025, month: 12 })
    await client.post('/api/months', { year: 2026, month: 1 })
    const list = await client.get('/api/months')
    expect(list.body.map((m: any) => `${m.year}-${m.month}`)).toEqual(['2026-3', '2026-1', '2025-12'])
    expect(list.body[0]).not.toHaveProperty('categories')
    expect((await client.get('/api/months/latest')).body.id).toBe(created.body.id)

    const patched = await client.patch(`/api/months/${created.body.id}`, { income: 0, notes: '', version: 1 })
    expect(patched.status).toBe(200)
    expect(patched.body).toMatchObject({ income: 0, notes: '', version: 2 })
    expect(patched.body).not.toHaveProperty('categories')

    expect((await client.delete(`/api/months/${created.body.id}`)).status).toBe(204)
    expect((await client.get(`/api/months/${created.body.id}`)).status).toBe(404)
  })

  it('defaults income and notes, and refuses a second month for the same year and month (409)', async () => {
    const { client } = await signedInClient()
    const month = await newMonth(client)
    expect(month).toMatchObject({ income: 0, notes: '' })
    const again = await client.post('/api/months', { year: month.year, month: month.month })
    expect(again.status).toBe(409)
  })

  it('latest is 404 without months', async () => {
    const { client } = await signedInClient()
    expect((await client.get('/api/months/latest')).status).toBe(404)
  })

  it.each([
    ['a year out of range', { year: 1999, month: 1 }],
    ['a month out of range', { year: 2026, month: 13 }],
    ['a fractional income', { year: 2026, month: 1, income: 10.5 }],
    ['a negative income', { year: 2026, month: 1, income: -1 }],
    ['income as a string', { year: 2026, month: 1, income: '100' }],
    ['notes over 2000 characters', { year: 2026, month: 1, notes: 'x'.repeat(2001) }],
    ['an unknown field', { year: 2026, month: 1, categories: [] }],
    ['a null year', { year: null, month: 1 }],
  ])('refuses %s (400) and writes nothing', async (_label, body) => {
    const { client, user } = await signedInClient()
    expectIssues(await client.post('/api/months', body))
    expect(await sql('SELECT 1 FROM "Month" m JOIN "Membership" b ON b."budgetId" = m."budgetId" WHERE b."userId" = $1', [user.id])).toEqual([])
  })

  it('refuses an empty PATCH, a PATCH of year or month, and version alone', async () => {
    const { client } = await signedInClient()
    const month = await newMonth(client)
    for (const body of [{}, { version: 1 }, { year: 2030 }, { month: 2 }, { income: null }]) {
      expectIssues(await client.patch(`/api/months/${month.id}`, body))
    }
    expect((await client.get(`/api/months/${month.id}`)).body.version).toBe(1)
  })

  it('answers a stale version with 409 and the current month, changing nothing', async () => {
    const { client } = await signedInClient()
    const month = await newMonth(client)
    await client.patch(`/api/months/${month.id}`, { income: 100 })
    const stale = await client.patch(`/api/months/${month.id}`, { income: 999, version: 1 })
    expect(stale.status).toBe(409)
    expect(stale.body.data.current).toMatchObject({ id: month.id, income: 100, version: 2 })
    expect(stale.body.data.current).not.toHaveProperty('categories')
    expect((await client.get(`/api/months/${month.id}`)).body.income).toBe(100)
  })

  it('answers 404 for another user\'s month on every route, and for malformed ids', async () => {
    const { client: owner } = await signedInClient('owner')
    const { client: other } = await signedInClient('other')
    const month = await newMonth(owner)
    for (const id of [month.id, GHOST, 'not-a-uuid', '1']) {
      expect((await other.get(`/api/months/${id}`)).status).toBe(404)
      expect((await other.get(`/api/months/${id}/summary`)).status).toBe(404)
      expect((await other.patch(`/api/months/${id}`, { income: 1 })).status).toBe(404)
      expect((await other.patch(`/api/months/${id}`, { income: 1, version: 99 })).status).toBe(404)
      expect((await other.delete(`/api/months/${id}`)).status).toBe(404)
      expect((await other.get(`/api/months/${id}/transactions.csv`)).status).toBe(404)
      expect((await other.post('/api/months', { year: 2001, month: 1, copyFrom: id })).status).toBe(404)
    }
    expect((await owner.get(`/api/months/${month.id}`)).body.income).toBe(0)
    expect((await other.get('/api/months')).body).toEqual([])
  })

  it('copies categories and fixed payments (unpaid, mapped to the copies), never transactions', async () => {
    const { client } = await signedInClient()
    const source = await newMonth(client, { income: 300000 })
    const rent = (await client.post('/api/categories', { monthId: source.id, name: 'Housing', budgeted: 150000, sortOrder: 5 })).body
    await client.post('/api/categories', { monthId: source.id, name: 'Food', budgeted: 40000 })
    await client.post('/api/fixed-payments', { monthId: source.id, name: 'Rent', amount: 120000, dueDay: 1, paid: true, categoryId: rent.id })
    await client.post('/api/fixed-payments', { monthId: source.id, name: 'Gym', amount: 3000 })
    await client.post('/api/transactions', { monthId: source.id, date: day(source, 2), amount: 5000, categoryId: rent.id })

    const copy = await client.post('/api/months', { year: source.year === 2100 ? 2000 : source.year + 1, month: source.month, copyFrom: source.id })
    expect(copy.status).toBe(201)
    expect(copy.body.income).toBe(0)
    expect(copy.body.transactions).toEqual([])
    expect(copy.body.categories.map((c: any) => [c.name, c.budgeted, c.sortOrder, c.version])).toEqual([['Housing', 150000, 5, 1], ['Food', 40000, 6, 1]])
    expect(copy.body.categories.every((c: any) => c.monthId === copy.body.id)).toBe(true)
    const housing = copy.body.categories.find((c: any) => c.name === 'Housing')
    expect(copy.body.fixedPayments.map((p: any) => [p.name, p.amount, p.dueDay, p.paid, p.categoryId])).toEqual([['Rent', 120000, 1, false, housing.id], ['Gym', 3000, null, false, null]])
    expect(copy.body.categories.map((c: any) => c.id)).not.toContain(rent.id)
  })

  it('copyFrom: null copies nothing', async () => {
    const { client } = await signedInClient()
    const month = await newMonth(client, { copyFrom: null })
    expect(month.categories).toEqual([])
  })

  it('deleting a month deletes everything in it', async () => {
    const { client } = await signedInClient()
    const month = await newMonth(client)
    const category = (await client.post('/api/categories', { monthId: month.id, name: 'Food', budgeted: 100 })).body
    const payment = (await client.post('/api/fixed-payments', { monthId: month.id, name: 'Rent', amount: 100 })).body
    const transaction = (await client.post('/api/transactions', { monthId: month.id, date: day(month, 1), amount: 100 })).body
    expect((await client.delete(`/api/months/${month.id}`)).status).toBe(204)
    for (const [table, id] of [['Category', category.id], ['FixedPayment', payment.id], ['Transaction', transaction.id]]) {
      expect(await sql(`SELECT 1 FROM "${table}" WHERE id = $1`, [id])).toEqual([])
    }
  })
})

describe('categories', () => {
  it('creates after the last one, orders by sortOrder then name, renames and deletes', async () => {
    const { client } = await signedInClient()
    const month = await newMonth(client)
    const a = await client.post('/api/categories', { monthId: month.id, name: '  Zoo  ', budgeted: 100 })
    expect(a.status).toBe(201)
    expect(a.body).toEqual({ id: expect.any(String), monthId: month.id, name: 'Zoo', budgeted: 100, rollover: false, sortOrder: 0, version: 1 })
    const b = (await client.post('/api/categories', { monthId: month.id, name: 'Apple', budgeted: 0 })).body
    expect(b.sortOrder).toBe(1)
    const c = (await client.post('/api/categories', { monthId: month.id, name: 'Mango', budgeted: 0, sortOrder: 1 })).body
    const d = (await client.post('/api/categories', { monthId: month.id, name: 'Last', budgeted: 0 })).body
    expect(d.sortOrder).toBe(2)
    const detail = (await client.get(`/api/months/${month.id}`)).body
    expect(detail.categories.map((x: any) => x.name)).toEqual(['Zoo', 'Apple', 'Mango', 'Last'])

    const renamed = await client.patch(`/api/categories/${c.id}`, { name: 'Berries', budgeted: 700, version: 1 })
    expect(renamed.body).toMatchObject({ name: 'Berries', budgeted: 700, version: 2 })
    expect((await client.delete(`/api/categories/${b.id}`)).status).toBe(204)
    expect((await client.get(`/api/months/${month.id}`)).body.categories.map((x: any) => x.name)).toEqual(['Zoo', 'Berries', 'Last'])
  })

  it('a category added after one at the sortOrder limit stays within the limit (a tie, then by name)', async () => {
    const { client } = await signedInClient()
    const month = await newMonth(client)
    await client.post('/api/categories', { monthId: month.id, name: 'Zed', budgeted: 0, sortOrder: 1_000_000_000 })
    const added = await client.post('/api/categories', { monthId: month.id, name: 'Added', budgeted: 0 })
    expect(added.status).toBe(201)
    expect(added.body.sortOrder).toBe(1_000_000_000)
    const csv = `date,description,amount,category\n${day(month, 1)},x,1.00,Imported\n${day(month, 2)},y,1.00,Also imported\n`
    expect((await client.request('POST', `/api/months/${month.id}/transactions/import`, { body: csv, headers: { 'content-type': 'text/csv' } })).status).toBe(201)
    const detail = (await client.get(`/api/months/${month.id}`)).body
    expect(detail.categories.map((c: any) => [c.name, c.sortOrder])).toEqual([['Added', 1e9], ['Also imported', 1e9], ['Imported', 1e9], ['Zed', 1e9]])
    // Each one still takes a PATCH of its own sortOrder.
    expect((await client.patch(`/api/categories/${added.body.id}`, { sortOrder: added.body.sortOrder })).status).toBe(200)
  })

  it('refuses a duplicate name in the month (409) on create and rename, but allows it in another month', async () => {
    const { client } = await signedInClient()
    const month = await newMonth(client)
    const other = await newMonth(client)
    await client.post('/api/categories', { monthId: month.id, name: 'Food', budgeted: 0 })
    const second = (await client.post('/api/categories', { monthId: month.id, name: 'Fun', budgeted: 0 })).body
    expect((await client.post('/api/categories', { monthId: month.id, name: 'Food', budgeted: 0 })).status).toBe(409)
    expect((await client.patch(`/api/categories/${second.id}`, { name: 'Food' })).status).toBe(409)
    expect((await client.post('/api/categories', { monthId: other.id, name: 'Food', budgeted: 0 })).status).toBe(201)
    expect((await client.patch(`/api/categories/${second.id}`, { name: 'Fun' })).status).toBe(200)
  })

  it('deleting a category uncategorizes its transactions and fixed payments', async () => {
    const { client } = await signedInClient()
    const month = await newMonth(client)
    const category = (await client.post('/api/categories', { monthId: month.id, name: 'Food', budgeted: 0 })).body
    const payment = (await client.post('/api/fixed-payments', { monthId: month.id, name: 'Box', amount: 10, categoryId: category.id })).body
    const transaction = (await client.post('/api/transactions', { monthId: month.id, date: day(month, 3), amount: 10, categoryId: category.id })).body
    expect((await client.delete(`/api/categories/${category.id}`)).status).toBe(204)
    const detail = (await client.get(`/api/months/${month.id}`)).body
    expect(detail.fixedPayments[0]).toMatchObject({ id: payment.id, categoryId: null, version: 2 })
    expect(detail.transactions[0]).toMatchObject({ id: transaction.id, categoryId: null, version: 2 })
  })

  it.each([
    ['a negative budget', { budgeted: -1 }],
    ['a float budget', { budgeted: 1.5 }],
    ['a huge budget', { budgeted: 1_000_000_001 }],
    ['an empty name', { name: ' ' }],
    ['a long name', { name: 'x'.repeat(101) }],
    ['a fractional sortOrder', { sortOrder: 0.5 }],
    ['an unknown field', { version: 1, monthId: GHOST }],
  ])('refuses %s with 400, writing nothing', async (_label, patch) => {
    const { client } = await signedInClient()
    const month = await newMonth(client)
    expectIssues(await client.post('/api/categories', { monthId: month.id, name: 'Food', budgeted: 0, ...patch }))
    expect(await sql('SELECT 1 FROM "Category" WHERE "monthId" = $1', [month.id])).toEqual([])
  })

  it('404 for another user\'s month or category; stale version 409', async () => {
    const { client: owner } = await signedInClient()
    const { client: other } = await signedInClient()
    const month = await newMonth(owner)
    const category = (await owner.post('/api/categories', { monthId: month.id, name: 'Food', budgeted: 0 })).body
    expect((await other.post('/api/categories', { monthId: month.id, name: 'Food', budgeted: 0 })).status).toBe(404)
    expect((await other.post('/api/categories', { monthId: 'nope', name: 'Food', budgeted: 0 })).status).toBe(404)
    expect((await other.patch(`/api/categories/${category.id}`, { name: 'Mine' })).status).toBe(404)
    expect((await other.delete(`/api/categories/${category.id}`)).status).toBe(404)
    await owner.patch(`/api/categories/${category.id}`, { budgeted: 5 })
    const stale = await owner.patch(`/api/categories/${category.id}`, { budgeted: 6, version: 1 })
    expect(stale.status).toBe(409)
    expect(stale.body.data.current).toEqual({ ...category, budgeted: 5, version: 2 })
  })
})

describe('fixed payments', () => {
  it('creates with defaults, toggles paid, moves between categories of the month', async () => {
    const { client } = await signedInClient()
    const month = await newMonth(client)
    const created = await client.post('/api/fixed-payments', { monthId: month.id, name: 'Internet', amount: 4999 })
    expect(created.status).toBe(201)
    expect(created.body).toEqual({ id: expect.any(String), monthId: month.id, name: 'Internet', amount: 4999, dueDay: null, paid: false, categoryId: null, version: 1 })
    const category = (await client.post('/api/categories', { monthId: month.id, name: 'Bills', budgeted: 0 })).body
    const patched = await client.patch(`/api/fixed-payments/${created.body.id}`, { paid: true, dueDay: 31, categoryId: category.id })
    expect(patched.body).toMatchObject({ paid: true, dueDay: 31, categoryId: category.id, version: 2 })
    expect((await client.patch(`/api/fixed-payments/${created.body.id}`, { dueDay: null, categoryId: null })).body).toMatchObject({ dueDay: null, categoryId: null, version: 3 })
    expect((await client.delete(`/api/fixed-payments/${created.body.id}`)).status).toBe(204)
    expect((await client.delete(`/api/fixed-payments/${created.body.id}`)).status).toBe(404)
  })

  it('refuses a category of another month, another user or none at all with 400', async () => {
    const { client } = await signedInClient()
    const { client: stranger } = await signedInClient()
    const month = await newMonth(client)
    const elsewhere = await newMonth(client)
    const wrongMonth = (await client.post('/api/categories', { monthId: elsewhere.id, name: 'Bills', budgeted: 0 })).body
    const strangers = (await stranger.post('/api/categories', { monthId: (await newMonth(stranger)).id, name: 'Bills', budgeted: 0 })).body
    const payment = (await client.post('/api/fixed-payments', { monthId: month.id, name: 'Rent', amount: 1 })).body
    for (const categoryId of [wrongMonth.id, strangers.id, GHOST, 'junk']) {
      expectIssues(await client.post('/api/fixed-payments', { monthId: month.id, name: 'Rent', amount: 1, categoryId }))
      expect(await sql('SELECT id FROM "FixedPayment" WHERE "monthId" = $1', [month.id])).toEqual([{ id: payment.id }])
      expectIssues(await client.patch(`/api/fixed-payments/${payment.id}`, { categoryId }))
    }
    expect((await client.get(`/api/months/${month.id}`)).body.fixedPayments[0].version).toBe(1)
  })

  it.each([
    ['dueDay 0', { dueDay: 0 }],
    ['dueDay 32', { dueDay: 32 }],
    ['a negative amount', { amount: -5 }],
    ['paid as a string', { paid: 'yes' }],
  ])('refuses %s with 400', async (_label, patch) => {
    const { client } = await signedInClient()
    const month = await newMonth(client)
    expectIssues(await client.post('/api/fixed-payments', { monthId: month.id, name: 'Rent', amount: 1, ...patch }))
  })
})

describe('transactions', () => {
  it('creates, keeps text as sent, orders by date then creation, edits and deletes', async () => {
    const { client, user } = await signedInClient()
    const month = await newMonth(client)
    const category = (await client.post('/api/categories', { monthId: month.id, name: 'Food', budgeted: 0 })).body
    const late = await client.post('/api/transactions', { monthId: month.id, date: day(month, 20), amount: 1250, description: '<script>"x"</script> 😀', categoryId: category.id })
    expect(late.status).toBe(201)
    expect(late.body).toEqual({ id: expect.any(String), monthId: month.id, categoryId: category.id, date: day(month, 20), description: '<script>"x"</script> 😀', amount: 1250, splits: [], importId: null, version: 1, createdAt: expect.stringMatching(/Z$/), createdBy: { id: user.id, name: 'Test Person' } })
    const early1 = (await client.post('/api/transactions', { monthId: month.id, date: day(month, 1), amount: -300 })).body
    const early2 = (await client.post('/api/transactions', { monthId: month.id, date: day(month, 1), amount: 700 })).body
    expect(early1).toMatchObject({ description: '', categoryId: null, amount: -300 })
    expect((await client.get(`/api/months/${month.id}`)).body.transactions.map((t: any) => t.id)).toEqual([early1.id, early2.id, late.body.id])

    const moved = await client.patch(`/api/transactions/${early1.id}`, { date: day(month, 28), amount: -301, categoryId: category.id, description: 'refund' })
    expect(moved.body).toMatchObject({ date: day(month, 28), amount: -301, categoryId: category.id, description: 'refund', version: 2 })
    expect((await client.delete(`/api/transactions/${early2.id}`)).status).toBe(204)
    expect((await client.get(`/api/months/${month.id}`)).body.transactions.map((t: any) => t.id)).toEqual([late.body.id, early1.id])
  })

  it.each([
    ['a zero amount', { amount: 0 }],
    ['a float amount', { amount: 10.01 }],
    ['an amount over the limit', { amount: -1_000_000_001 }],
    ['a date outside the month', { date: 'other-month' }],
    ['an impossible date', { date: '2026-02-30' }],
    ['a date in another format', { date: '01/02/2026' }],
    ['a long description', { description: 'x'.repeat(201) }],
    ['a NUL in the description', { description: 'a\u0000' }],
    ['a lone surrogate', { description: '\uDC00' }],
    ['an unknown field', { version: 1 }],
  ])('refuses %s with 400, writing nothing', async (_label, patch: Record<string, unknown>) => {
    const { client } = await signedInClient()
    const month = await newMonth(client)
    const body = { monthId: month.id, date: day(month, 5), amount: 100, ...patch }
    if (patch.date === 'other-month') body.date = `${month.year === 2100 ? 2099 : month.year + 1}-${String(month.month).padStart(2, '0')}-05`
    expectIssues(await client.post('/api/transactions', body))
    expect(await sql('SELECT 1 FROM "Transaction" WHERE "monthId" = $1', [month.id])).toEqual([])
  })

  it('checks a PATCH against the record as it would be: date in its month, category of its month; monthId cannot change', async () => {
    const { client } = await signedInClient()
    const month = await newMonth(client)
    const other = await newMonth(client)
    const foreign = (await client.post('/api/categories', { monthId: other.id, name: 'X', budgeted: 0 })).body
    const transaction = (await client.post('/api/transactions', { monthId: month.id, date: day(month, 5), amount: 100 })).body
    expectIssues(await client.patch(`/api/transactions/${transaction.id}`, { date: day(other, 5) === day(month, 5) ? '1999-01-01' : day(other, 5) }))
    expectIssues(await client.patch(`/api/transactions/${transaction.id}`, { categoryId: foreign.id }))
    expectIssues(await client.patch(`/api/transactions/${transaction.id}`, { monthId: other.id }))
    expectIssues(await client.patch(`/api/transactions/${transaction.id}`, { amount: 0 }))
    expect((await client.get(`/api/months/${month.id}`)).body.transactions[0]).toEqual(transaction)
  })

  it('404 for another user\'s transaction or month; stale version 409 with the current record', async () => {
    const { client: owner } = await signedInClient()
    const { client: other } = await signedInClient()
    const month = await newMonth(owner)
    const transaction = (await owner.post('/api/transactions', { monthId: month.id, date: day(month, 5), amount: 100 })).body
    expect((await other.post('/api/transactions', { monthId: month.id, date: day(month, 5), amount: 100 })).status).toBe(404)
    expect((await other.patch(`/api/transactions/${transaction.id}`, { amount: 5 })).status).toBe(404)
    expect((await other.delete(`/api/transactions/${transaction.id}`)).status).toBe(404)
    await owner.patch(`/api/transactions/${transaction.id}`, { amount: 200 })
    const stale = await owner.patch(`/api/transactions/${transaction.id}`, { amount: 300, version: 1 })
    expect(stale.status).toBe(409)
    expect(stale.body.data.current).toEqual({ ...transaction, amount: 200, version: 2 })
  })
})

describe('summary', () => {
  it('computes every figure exactly, refunds negative, fixed payments never spent', async () => {
    const { client } = await signedInClient()
    const month = await newMonth(client, { income: 500000 })
    const food = (await client.post('/api/categories', { monthId: month.id, name: 'Food', budgeted: 60000 })).body
    const fun = (await client.post('/api/categories', { monthId: month.id, name: 'Fun', budgeted: 10000 })).body
    await client.post('/api/fixed-payments', { monthId: month.id, name: 'Rent', amount: 150000, paid: true })
    await client.post('/api/fixed-payments', { monthId: month.id, name: 'Phone', amount: 2999 })
    for (const [amount, categoryId] of [[12345, food.id], [-2345, food.id], [15000, fun.id], [999, null]] as const) {
      await client.post('/api/transactions', { monthId: month.id, date: day(month, 10), amount, categoryId })
    }
    const summary = await client.get(`/api/months/${month.id}/summary`)
    expect(summary.status).toBe(200)
    expect(summary.body).toEqual({
      monthId: month.id, year: month.year, month: month.month,
      income: 500000, budgeted: 70000, spent: 25999, fixed: 152999, fixedPaid: 150000, uncategorizedSpent: 999,
      available: 500000 - 152999 - 70000, remaining: 70000 - 25999, balance: 500000 - 152999 - 25999, carriedIn: 0,
      categories: [
        { categoryId: food.id, name: 'Food', budgeted: 60000, spent: 10000, remaining: 50000, carriedIn: 0, available: 50000 },
        { categoryId: fun.id, name: 'Fun', budgeted: 10000, spent: 15000, remaining: -5000, carriedIn: 0, available: -5000 },
      ],
    })
  })

  it('lists every month\'s summary in one request, newest first, each equal to the month\'s own', async () => {
    const { client } = await signedInClient('summaries')
    const { client: other } = await signedInClient('summaries-other')
    await client.post('/api/months', { year: 2031, month: 2, income: 1000 })
    const older = (await client.post('/api/months', { year: 2030, month: 12, income: 5000 })).body
    const newer = (await client.post('/api/months', { year: 2031, month: 3, income: 7000 })).body
    const fun = (await client.post('/api/categories', { monthId: newer.id, name: 'Fun', budgeted: 3000 })).body
    await client.post('/api/transactions', { monthId: newer.id, date: day(newer, 2), amount: 4500, categoryId: fun.id })
    await client.post('/api/fixed-payments', { monthId: older.id, name: 'Rent', amount: 2000, paid: true })
    await other.post('/api/months', { year: 2031, month: 4, income: 1 })

    const list = await client.get('/api/months/summaries')
    expect(list.status).toBe(200)
    expect(list.body.map((s: { year: number, month: number }) => `${s.year}-${s.month}`)).toEqual(['2031-3', '2031-2', '2030-12'])
    for (const summary of list.body) expect(summary).toEqual((await client.get(`/api/months/${summary.monthId}/summary`)).body)
    expect(list.body[0]).toMatchObject({ spent: 4500, balance: 2500, categories: [{ name: 'Fun', remaining: -1500 }] })
    expect(list.body[2]).toMatchObject({ fixed: 2000, balance: 3000 })
    // The session, then one statement for every month.
    expect(list.headers.get('server-timing')).toMatch(/db;desc="2 queries"/)
    const none = await (await signedInClient('summaries-none')).client.get('/api/months/summaries')
    expect(none.status).toBe(200)
    expect(none.body).toEqual([])
  })

  it('an empty month sums to zero', async () => {
    const { client } = await signedInClient()
    const month = await newMonth(client)
    expect((await client.get(`/api/months/${month.id}/summary`)).body).toMatchObject({ income: 0, budgeted: 0, spent: 0, fixed: 0, available: 0, balance: 0, categories: [] })
  })
})

describe('query counts', () => {
  it('month detail and summary take the same small number of queries for 5 and for 500 transactions', async () => {
    const { client } = await signedInClient()
    const counts: Record<string, number[]> = { detail: [], summary: [] }
    for (const size of [5, 500]) {
      const month = await newMonth(client)
      const category = (await client.post('/api/categories', { monthId: month.id, name: 'Food', budgeted: 100 })).body
      const csv = ['date,description,amount,category', ...Array.from({ length: size }, (_, i) => `${day(month, 1 + (i % 28))},row ${i},1.00,${i % 2 ? 'Food' : `Cat ${i % 7}`}`)].join('\n')
      const imported = await client.request('POST', `/api/months/${month.id}/transactions/import`, { body: csv, headers: { 'content-type': 'text/csv' } })
      expect(imported.body.imported).toBe(size)
      await client.post('/api/fixed-payments', { monthId: month.id, name: 'Rent', amount: 1, categoryId: category.id })
      for (const [name, path] of [['detail', `/api/months/${month.id}`], ['summary', `/api/months/${month.id}/summary`]] as const) {
        const answer = await client.get(path)
        expect(answer.status).toBe(200)
        const queries = Number(/db;desc="(\d+) queries"/.exec(answer.headers.get('server-timing') ?? '')?.[1])
        counts[name]!.push(queries)
      }
    }
    expect(counts.detail![0]).toBe(counts.detail![1])
    expect(counts.summary![0]).toBe(counts.summary![1])
    // The session, then one statement for the month.
    expect(counts.detail![0]).toBe(2)
    expect(counts.summary![0]).toBe(2)
    console.info(`queries per request (5 / 500 transactions): detail ${counts.detail!.join(' / ')}, summary ${counts.summary!.join(' / ')}`)
  })
})
