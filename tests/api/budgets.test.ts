// Shared budgets: budgets, invites and members (API contract, Version 2,
// "Budgets and members"). Each test makes its own people and budgets.
import { describe, expect, it } from 'vitest'
import { Client, expectError, expectIssues, signedInClient, sql } from '../helpers/api'

type Person = Awaited<ReturnType<typeof signedInClient>>

const ISO = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
const TOKEN = /^[A-Za-z0-9_-]{43}$/

async function newBudget(owner: Person, name = 'Household', currency?: string) {
  const answer = await owner.client.post('/api/budgets', currency ? { name, currency } : { name })
  expect(answer.status).toBe(201)
  return answer.body
}

async function invite(owner: Person, budgetId: string, role: 'editor' | 'viewer', expiresInDays?: number) {
  const answer = await owner.client.post(`/api/budgets/${budgetId}/invites`, expiresInDays === undefined ? { role } : { role, expiresInDays })
  expect(answer.status).toBe(201)
  return answer.body
}

// A new person who joined the budget with this role.
async function member(owner: Person, budgetId: string, role: 'editor' | 'viewer', label: string = role) {
  const person = await signedInClient(label)
  const { token } = await invite(owner, budgetId, role)
  expect((await person.client.post('/api/invites/accept', { token })).status).toBe(200)
  return person
}

async function inviteRow(token: string) {
  const [row] = await sql('SELECT "usedAt", "usedById"::text AS "usedById", "revokedAt" FROM "Invite" WHERE "tokenHash" = encode(sha256(convert_to($1, \'UTF8\')), \'hex\')', [token])
  return row
}

describe('budgets', () => {
  it('registration makes a "Personal" budget, owned, in the user\'s currency', async () => {
    const person = await signedInClient('personal')
    const list = await person.client.get('/api/budgets')
    expect(list.status).toBe(200)
    expect(list.body).toEqual([{ id: expect.any(String), name: 'Personal', currency: 'USD', role: 'owner', createdAt: ISO, version: 1 }])
    const detail = await person.client.get(`/api/budgets/${list.body[0].id}`)
    expect(detail.body).toEqual({ ...list.body[0], members: [{ userId: person.user.id, name: 'Test Person', email: person.email, role: 'owner', joinedAt: ISO }] })
  })

  it('creates in the caller\'s currency or the one given, lists by joining order, renames with versions, deletes with all in it', async () => {
    const owner = await signedInClient('budgets')
    expect((await owner.client.patch('/api/auth/me', { currency: 'EUR' })).status).toBe(200)
    const euro = await newBudget(owner, '  Holiday  ')
    expect(euro).toEqual({ id: expect.any(String), name: 'Holiday', currency: 'EUR', role: 'owner', createdAt: ISO, version: 1 })
    const yen = await newBudget(owner, 'Tokyo', 'JPY')
    expect(yen.currency).toBe('JPY')
    expect((await owner.client.get('/api/budgets')).body.map((b: any) => b.name)).toEqual(['Personal', 'Holiday', 'Tokyo'])

    const renamed = await owner.client.patch(`/api/budgets/${euro.id}`, { name: 'Summer', currency: 'GBP', version: 1 })
    expect(renamed.body).toEqual({ ...euro, name: 'Summer', currency: 'GBP', version: 2 })
    const stale = expectError(await owner.client.patch(`/api/budgets/${euro.id}`, { name: 'Late', version: 1 }), 409)
    expect(stale.data.current).toEqual(renamed.body)
    expectIssues(await owner.client.patch(`/api/budgets/${euro.id}`, { version: 2 }))
    expectIssues(await owner.client.patch(`/api/budgets/${euro.id}`, { currency: 'usd' }))
    expectIssues(await owner.client.post('/api/budgets', { name: '' }))
    expectIssues(await owner.client.post('/api/budgets', { name: 'x', role: 'owner' }))

    // Deleting takes everything in it, atomically; its members get 404 from then on.
    const editor = await member(owner, euro.id, 'editor')
    const month = (await owner.client.post('/api/months', { budgetId: euro.id, year: 2026, month: 6 })).body
    await owner.client.post('/api/transactions', { monthId: month.id, date: '2026-06-02', amount: 500 })
    const plan = (await owner.client.post('/api/yearly', { budgetId: euro.id, year: 2026 })).body
    await invite(owner, euro.id, 'viewer')
    expect((await owner.client.delete(`/api/budgets/${euro.id}`)).status).toBe(204)
    for (const table of ['Budget', 'Membership', 'Invite', 'Month', 'Plan']) {
      const column = table === 'Budget' ? 'id' : '"budgetId"'
      expect(await sql(`SELECT 1 FROM "${table}" WHERE ${column} = $1`, [euro.id])).toEqual([])
    }
    expect(await sql('SELECT 1 FROM "Transaction" WHERE "monthId" = $1', [month.id])).toEqual([])
    expect(await sql('SELECT 1 FROM "Section" WHERE "planId" = $1', [plan.id])).toEqual([])
    expectError(await editor.client.get(`/api/budgets/${euro.id}`), 404)
    expectError(await editor.client.get(`/api/months/${month.id}`), 404)
    expectError(await editor.client.get(`/api/months?budgetId=${euro.id}`), 404)
  })

  it('refuses to delete the caller\'s only budget (409) and keeps it', async () => {
    const person = await signedInClient('only')
    const [only] = (await person.client.get('/api/budgets')).body
    expectError(await person.client.delete(`/api/budgets/${only.id}`), 409)
    expect((await person.client.get(`/api/budgets/${only.id}`)).status).toBe(200)
  })

  it('chooses the first budget when budgetId is omitted, and refuses a bad one', async () => {
    const owner = await signedInClient('choose')
    const [personal] = (await owner.client.get('/api/budgets')).body
    const other = await newBudget(owner, 'Other')
    const inOther = await owner.client.post('/api/months', { budgetId: other.id, year: 2026, month: 2 })
    expect(inOther.body.budgetId).toBe(other.id)
    const inFirst = await owner.client.post('/api/months', { year: 2026, month: 2 })
    expect(inFirst.body.budgetId).toBe(personal.id)
    expect((await owner.client.get('/api/months')).body.map((m: any) => m.id)).toEqual([inFirst.body.id])
    expect((await owner.client.get(`/api/months?budgetId=${other.id}`)).body.map((m: any) => m.id)).toEqual([inOther.body.id])
    expect((await owner.client.get(`/api/months/summaries?budgetId=${other.id}`)).body.map((m: any) => m.monthId)).toEqual([inOther.body.id])
    expect((await owner.client.get(`/api/months/latest?budgetId=${other.id}`)).body.id).toBe(inOther.body.id)

    const plan = (await owner.client.post('/api/yearly', { budgetId: other.id, year: 2031 })).body
    expect(plan.budgetId).toBe(other.id)
    expect((await owner.client.get(`/api/yearly/by-year/2031?budgetId=${other.id}`)).body.id).toBe(plan.id)
    expectError(await owner.client.get('/api/yearly/by-year/2031'), 404)
    expect((await owner.client.get(`/api/yearly?budgetId=${other.id}`)).body.map((p: any) => p.id)).toEqual([plan.id])
    expect((await owner.client.get(`/api/yearly/latest?budgetId=${other.id}`)).body.id).toBe(plan.id)

    const stranger = await signedInClient('stranger')
    const [strangers] = (await stranger.client.get('/api/budgets')).body
    for (const budgetId of ['', 'nope', strangers.id, '00000000-0000-4000-8000-000000000000']) {
      for (const path of ['/api/months', '/api/months/summaries', '/api/months/latest', '/api/yearly', '/api/yearly/latest', '/api/yearly/by-year/2031']) {
        expectError(await owner.client.get(`${path}?budgetId=${encodeURIComponent(budgetId)}`), 404)
      }
      expectError(await owner.client.post('/api/months', { budgetId, year: 2026, month: 9 }), 404)
      expectError(await owner.client.post('/api/yearly', { budgetId, year: 2032 }), 404)
    }
    const twice = expectIssues(await owner.client.get(`/api/months?budgetId=${other.id}&budgetId=${other.id}`))
    expect(twice.map(issue => issue.path)).toEqual(['budgetId'])
    expect(await sql('SELECT 1 FROM "Month" WHERE "budgetId" = $1 AND month = 9', [personal.id])).toEqual([])
  })

  it('answers [] from the lists and 404 from the rest once the caller has no budget', async () => {
    const owner = await signedInClient('owner')
    const shared = await newBudget(owner)
    const leaver = await member(owner, shared.id, 'editor', 'leaver')
    const [own] = (await leaver.client.get('/api/budgets')).body
    expect((await leaver.client.delete(`/api/budgets/${own.id}`)).status).toBe(204)
    expect((await leaver.client.delete(`/api/budgets/${shared.id}/members/${leaver.user.id}`)).status).toBe(204)
    expect((await leaver.client.get('/api/budgets')).body).toEqual([])
    for (const path of ['/api/months', '/api/months/summaries', '/api/yearly']) expect((await leaver.client.get(path)).body).toEqual([])
    for (const path of ['/api/months/latest', '/api/yearly/latest', '/api/yearly/by-year/2026']) expectError(await leaver.client.get(path), 404)
    expectError(await leaver.client.post('/api/months', { year: 2026, month: 1 }), 404)
    // A budget of their own again.
    expect((await leaver.client.post('/api/budgets', { name: 'Fresh start' })).status).toBe(201)
  })
})

describe('invites', () => {
  it('makes a 43-character token shown once, stored only as its SHA-256, for 7 days by default', async () => {
    const owner = await signedInClient('inviter')
    const budget = await newBudget(owner)
    const before = Date.now()
    const created = await invite(owner, budget.id, 'editor')
    expect(created).toEqual({ id: expect.any(String), role: 'editor', createdAt: ISO, expiresAt: ISO, token: expect.stringMatching(TOKEN), path: `/join/${created.token}` })
    const days = (Date.parse(created.expiresAt) - Date.parse(created.createdAt)) / 86_400_000
    expect(days).toBe(7)
    expect(Date.parse(created.createdAt)).toBeGreaterThanOrEqual(before - 5000)
    const thirty = await invite(owner, budget.id, 'viewer', 30)
    expect((Date.parse(thirty.expiresAt) - Date.parse(thirty.createdAt)) / 86_400_000).toBe(30)

    const listed = await owner.client.get(`/api/budgets/${budget.id}/invites`)
    expect(listed.body).toEqual([
      { id: created.id, role: 'editor', createdAt: created.createdAt, expiresAt: created.expiresAt },
      { id: thirty.id, role: 'viewer', createdAt: thirty.createdAt, expiresAt: thirty.expiresAt },
    ])
    const stored = await sql('SELECT * FROM "Invite" WHERE "budgetId" = $1', [budget.id])
    expect(JSON.stringify(stored)).not.toContain(created.token)
    const [{ tokenHash }] = await sql('SELECT "tokenHash" FROM "Invite" WHERE id = $1', [created.id])
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/)

    // The stored hash is not a token.
    const guest = await signedInClient('guest')
    expectError(await guest.client.post('/api/invites/accept', { token: tokenHash }), 404)

    for (const body of [{ role: 'owner' }, { role: 'editor', expiresInDays: 0 }, { role: 'editor', expiresInDays: 31 }, { role: 'editor', expiresInDays: 1.5 }, {}, { role: 'viewer', token: 'x' }]) {
      expectIssues(await owner.client.post(`/api/budgets/${budget.id}/invites`, body))
    }
    expect((await owner.client.get(`/api/budgets/${budget.id}/invites`)).body).toHaveLength(2)
  })

  it('joins with the invite\'s role; unknown, expired, revoked and used tokens answer alike', async () => {
    const owner = await signedInClient('host')
    const budget = await newBudget(owner)
    const guest = await signedInClient('guest')
    const { token } = await invite(owner, budget.id, 'viewer')
    const joined = await guest.client.post('/api/invites/accept', { token })
    expect(joined.status).toBe(200)
    expect(joined.body).toEqual({ ...budget, role: 'viewer' })
    expect((await guest.client.get('/api/budgets')).body.map((b: any) => [b.name, b.role])).toEqual([['Personal', 'owner'], ['Household', 'viewer']])
    expect(await inviteRow(token)).toEqual({ usedAt: expect.any(Date), usedById: guest.user.id, revokedAt: null })
    expect((await owner.client.get(`/api/budgets/${budget.id}/invites`)).body).toEqual([])

    const expired = await invite(owner, budget.id, 'editor')
    await sql('UPDATE "Invite" SET "expiresAt" = now() - interval \'1 second\' WHERE id = $1', [expired.id])
    const revoked = await invite(owner, budget.id, 'editor')
    expect((await owner.client.delete(`/api/budgets/${budget.id}/invites/${revoked.id}`)).status).toBe(204)
    expectError(await owner.client.delete(`/api/budgets/${budget.id}/invites/${revoked.id}`), 404)

    const other = await signedInClient('other')
    const answers = []
    for (const tried of [token, expired.token, revoked.token, 'x'.repeat(43), 'not a token']) {
      answers.push(expectError(await other.client.post('/api/invites/accept', { token: tried }), 404))
    }
    expect(new Set(answers.map(answer => JSON.stringify(answer))).size).toBe(1)
    expect(JSON.stringify(answers[0])).not.toContain(token)
    expectIssues(await other.client.post('/api/invites/accept', { token: 'x'.repeat(201) }))
    expectIssues(await other.client.post('/api/invites/accept', { token: 42 }))
    expectIssues(await other.client.post('/api/invites/accept', {}))
    expect((await other.client.get('/api/budgets')).body.map((b: any) => b.name)).toEqual(['Personal'])
  })

  it('refuses a member (409) and leaves the invite usable', async () => {
    const owner = await signedInClient('host')
    const budget = await newBudget(owner)
    const { token } = await invite(owner, budget.id, 'editor')
    expect(expectError(await owner.client.post('/api/invites/accept', { token }), 409, /already a member/).data).toEqual({ budgetId: budget.id })
    expect(await inviteRow(token)).toEqual({ usedAt: null, usedById: null, revokedAt: null })
    const guest = await signedInClient('guest')
    expect((await guest.client.post('/api/invites/accept', { token })).status).toBe(200)
  })

  it('is single use: of 10 concurrent accepts one wins', async () => {
    const owner = await signedInClient('host')
    const budget = await newBudget(owner)
    const { token } = await invite(owner, budget.id, 'editor')
    const guests = await Promise.all(Array.from({ length: 10 }, (_, i) => signedInClient(`racer${i}`)))
    const answers = await Promise.all(guests.map(guest => guest.client.post('/api/invites/accept', { token })))
    expect(answers.map(answer => answer.status).sort()).toEqual([200, ...Array(9).fill(404)])
    const members = await sql('SELECT 1 FROM "Membership" WHERE "budgetId" = $1', [budget.id])
    expect(members).toHaveLength(2)
  })

  it('allows 50 pending invites per budget (409 for the 51st); revoked, used or expired ones free a place', async () => {
    const owner = await signedInClient('many')
    const budget = await newBudget(owner)
    const made = []
    for (let batch = 0; batch < 5; batch++) {
      made.push(...await Promise.all(Array.from({ length: 10 }, () => owner.client.post(`/api/budgets/${budget.id}/invites`, { role: 'viewer' }))))
    }
    expect(made.map(answer => answer.status)).toEqual(Array(50).fill(201))
    expectError(await owner.client.post(`/api/budgets/${budget.id}/invites`, { role: 'viewer' }), 409)
    expect(await sql('SELECT 1 FROM "Invite" WHERE "budgetId" = $1', [budget.id])).toHaveLength(50)
    expect((await owner.client.delete(`/api/budgets/${budget.id}/invites/${made[0]!.body.id}`)).status).toBe(204)
    expect((await owner.client.post(`/api/budgets/${budget.id}/invites`, { role: 'viewer' })).status).toBe(201)
  })

  it('outlives its maker\'s demotion', async () => {
    const owner = await signedInClient('host')
    const budget = await newBudget(owner)
    const coOwner = await member(owner, budget.id, 'editor', 'co')
    expect((await owner.client.patch(`/api/budgets/${budget.id}/members/${coOwner.user.id}`, { role: 'owner' })).status).toBe(200)
    const { token } = await invite(coOwner, budget.id, 'viewer')
    expect((await owner.client.patch(`/api/budgets/${budget.id}/members/${coOwner.user.id}`, { role: 'viewer' })).status).toBe(200)
    const guest = await signedInClient('guest')
    expect((await guest.client.post('/api/invites/accept', { token })).body.role).toBe('viewer')
  })
})

describe('members', () => {
  it('lists owners first, then by joining; the owner changes roles and removes; anyone leaves', async () => {
    const owner = await signedInClient('owner')
    const budget = await newBudget(owner)
    const editor = await member(owner, budget.id, 'editor')
    const viewer = await member(owner, budget.id, 'viewer')
    const promoted = await owner.client.patch(`/api/budgets/${budget.id}/members/${viewer.user.id}`, { role: 'owner' })
    expect(promoted.body).toEqual({ userId: viewer.user.id, name: 'Test Person', email: viewer.email, role: 'owner', joinedAt: ISO })
    const detail = (await editor.client.get(`/api/budgets/${budget.id}`)).body
    expect(detail.role).toBe('editor')
    expect(detail.members.map((m: any) => [m.userId, m.role])).toEqual([[owner.user.id, 'owner'], [viewer.user.id, 'owner'], [editor.user.id, 'editor']])

    expectIssues(await owner.client.patch(`/api/budgets/${budget.id}/members/${editor.user.id}`, { role: 'admin' }))
    expectIssues(await owner.client.patch(`/api/budgets/${budget.id}/members/${editor.user.id}`, {}))
    const outsider = await signedInClient('outsider')
    expectError(await owner.client.patch(`/api/budgets/${budget.id}/members/${outsider.user.id}`, { role: 'viewer' }), 404)
    expectError(await owner.client.delete(`/api/budgets/${budget.id}/members/${outsider.user.id}`), 404)
    expectError(await owner.client.delete(`/api/budgets/${budget.id}/members/not-an-id`), 404)

    // An editor may not change roles or remove others; may leave.
    expectError(await editor.client.patch(`/api/budgets/${budget.id}/members/${editor.user.id}`, { role: 'owner' }), 403, /owner/)
    expectError(await editor.client.delete(`/api/budgets/${budget.id}/members/${viewer.user.id}`), 403, /owner/)
    expect((await editor.client.delete(`/api/budgets/${budget.id}/members/${editor.user.id}`)).status).toBe(204)
    expectError(await editor.client.get(`/api/budgets/${budget.id}`), 404)
  })

  it('never leaves a budget without an owner (409); with two owners each change works', async () => {
    const owner = await signedInClient('last')
    const budget = await newBudget(owner)
    const self = `/api/budgets/${budget.id}/members/${owner.user.id}`
    expectError(await owner.client.patch(self, { role: 'editor' }), 409, /owner/)
    expectError(await owner.client.delete(self), 409, /owner/)
    const second = await member(owner, budget.id, 'editor', 'second')
    expectError(await owner.client.patch(self, { role: 'viewer' }), 409)
    expect((await sql('SELECT role FROM "Membership" WHERE "budgetId" = $1 AND "userId" = $2', [budget.id, owner.user.id]))[0].role).toBe('owner')

    expect((await owner.client.patch(`/api/budgets/${budget.id}/members/${second.user.id}`, { role: 'owner' })).status).toBe(200)
    expect((await owner.client.patch(self, { role: 'editor' })).body.role).toBe('editor')
    expect((await second.client.patch(self, { role: 'owner' })).body.role).toBe('owner')
    expect((await owner.client.delete(self)).status).toBe(204)
    expectError(await second.client.delete(`/api/budgets/${budget.id}/members/${second.user.id}`), 409)

    // Two owners demoting each other at once: one of them stays owner.
    const third = await member(second, budget.id, 'editor', 'third')
    expect((await second.client.patch(`/api/budgets/${budget.id}/members/${third.user.id}`, { role: 'owner' })).status).toBe(200)
    const answers = await Promise.all([
      second.client.patch(`/api/budgets/${budget.id}/members/${third.user.id}`, { role: 'viewer' }),
      third.client.patch(`/api/budgets/${budget.id}/members/${second.user.id}`, { role: 'viewer' }),
    ])
    // The loser is refused by the owner count (409), or as a viewer already (403) if it came second.
    const [won, lost] = [...answers].sort((a, b) => a.status - b.status)
    expect(won!.status).toBe(200)
    expectError(lost!, lost!.status === 403 ? 403 : 409)
    expect(await sql('SELECT 1 FROM "Membership" WHERE "budgetId" = $1 AND role = \'owner\'', [budget.id])).toHaveLength(1)
  })

  it('applies a removal and a demotion on the member\'s next request', async () => {
    const owner = await signedInClient('owner')
    const budget = await newBudget(owner)
    const month = (await owner.client.post('/api/months', { budgetId: budget.id, year: 2026, month: 4 })).body
    const editor = await member(owner, budget.id, 'editor')
    const removed = await member(owner, budget.id, 'editor', 'removed')
    expect((await removed.client.get(`/api/months/${month.id}`)).status).toBe(200)
    expect((await editor.client.post('/api/transactions', { monthId: month.id, date: '2026-04-01', amount: 100 })).status).toBe(201)

    expect((await owner.client.delete(`/api/budgets/${budget.id}/members/${removed.user.id}`)).status).toBe(204)
    expectError(await removed.client.get(`/api/months/${month.id}`), 404)
    expectError(await removed.client.post('/api/transactions', { monthId: month.id, date: '2026-04-01', amount: 100 }), 404)

    expect((await owner.client.patch(`/api/budgets/${budget.id}/members/${editor.user.id}`, { role: 'viewer' })).status).toBe(200)
    expectError(await editor.client.post('/api/transactions', { monthId: month.id, date: '2026-04-02', amount: 100 }), 403, /editor/)
    expect((await editor.client.get(`/api/months/${month.id}`)).body.transactions.map((t: any) => t.date)).toEqual(['2026-04-01'])
  })

  it('costs no extra query: a viewer\'s month summary and detail are 2 queries, the budget list 1', async () => {
    const owner = await signedInClient('owner')
    const budget = await newBudget(owner)
    const viewer = await member(owner, budget.id, 'viewer')
    const month = (await owner.client.post('/api/months', { budgetId: budget.id, year: 2026, month: 7 })).body
    const queries = (answer: { headers: Headers }) => /db;desc="(\d+) queries"/.exec(answer.headers.get('server-timing') ?? '')?.[1]
    for (const path of [`/api/months/${month.id}/summary`, `/api/months/${month.id}`]) {
      const answer = await viewer.client.get(path)
      expect(answer.status).toBe(200)
      expect(queries(answer)).toBe('2')
    }
    expect(queries(await viewer.client.get('/api/budgets'))).toBe('1')
  })

  it('shows who added each transaction, by their current name', async () => {
    const owner = await signedInClient('owner')
    const budget = await newBudget(owner)
    const editor = await member(owner, budget.id, 'editor')
    const month = (await owner.client.post('/api/months', { budgetId: budget.id, year: 2026, month: 5 })).body
    await owner.client.post('/api/transactions', { monthId: month.id, date: '2026-05-01', amount: 100 })
    await editor.client.post('/api/transactions', { monthId: month.id, date: '2026-05-02', amount: 200 })
    expect((await editor.client.patch('/api/auth/me', { name: 'Sam' })).status).toBe(200)
    const detail = (await owner.client.get(`/api/months/${month.id}`)).body
    expect(detail.transactions.map((t: any) => t.createdBy)).toEqual([{ id: owner.user.id, name: 'Test Person' }, { id: editor.user.id, name: 'Sam' }])
  })
})

describe('the same client without a session', () => {
  it('is 401 on every budget route', async () => {
    const anonymous = new Client()
    const id = '00000000-0000-4000-8000-000000000000'
    for (const [method, path] of [['GET', '/api/budgets'], ['POST', '/api/budgets'], ['GET', `/api/budgets/${id}`], ['PATCH', `/api/budgets/${id}`], ['DELETE', `/api/budgets/${id}`], ['POST', `/api/budgets/${id}/invites`], ['GET', `/api/budgets/${id}/invites`], ['DELETE', `/api/budgets/${id}/invites/${id}`], ['PATCH', `/api/budgets/${id}/members/${id}`], ['DELETE', `/api/budgets/${id}/members/${id}`], ['POST', '/api/invites/accept']] as const) {
      expectError(await anonymous.request(method, path, method === 'GET' || method === 'DELETE' ? {} : { json: {} }), 401)
    }
  })
})
