// Categorization rules (API contract Version 2, "Statement import and rules"):
// a budget's list, create, PATCH with versions, delete, the limit.
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { expectError, expectIssues, signedInClient, sql } from '../helpers/api'

async function budgetOf(label: string) {
  const { client } = await signedInClient(label)
  const [budget] = (await client.get('/api/budgets')).body
  return { client, budgetId: budget.id as string }
}

describe('rules', () => {
  it('creates after the last one, lists by sortOrder then createdAt then id, patches with versions and deletes', async () => {
    const { client, budgetId } = await budgetOf('rules')
    const first = await client.post(`/api/budgets/${budgetId}/rules`, { match: 'contains', text: 'payroll', categoryName: 'Income' })
    expect(first.status).toBe(201)
    expect(first.body).toEqual({ id: expect.any(String), budgetId, match: 'contains', text: 'payroll', categoryName: 'Income', sortOrder: 0, version: 1, createdAt: expect.any(String) })
    expect(Date.parse(first.body.createdAt)).not.toBeNaN()
    const second = (await client.post(`/api/budgets/${budgetId}/rules`, { match: 'startsWith', text: '  Corner  ', categoryName: 'Groceries' })).body
    expect(second).toMatchObject({ text: 'Corner', sortOrder: 1 })
    const top = (await client.post(`/api/budgets/${budgetId}/rules`, { match: 'equals', text: 'Rent', categoryName: 'Housing', sortOrder: -5 })).body
    expect((await client.get(`/api/budgets/${budgetId}/rules`)).body.map((rule: any) => rule.id)).toEqual([top.id, first.body.id, second.id])

    const patched = await client.patch(`/api/rules/${second.id}`, { match: 'contains', sortOrder: -10, version: 1 })
    expect(patched.status).toBe(200)
    expect(patched.body).toMatchObject({ id: second.id, match: 'contains', text: 'Corner', sortOrder: -10, version: 2 })
    const stale = expectError(await client.patch(`/api/rules/${second.id}`, { text: 'Old', version: 1 }), 409)
    expect(stale.data.current).toEqual(patched.body)
    expect((await client.get(`/api/budgets/${budgetId}/rules`)).body.map((rule: any) => rule.id)).toEqual([second.id, top.id, first.body.id])

    expect((await client.delete(`/api/rules/${top.id}`)).status).toBe(204)
    expectError(await client.delete(`/api/rules/${top.id}`), 404)
    expect((await client.get(`/api/budgets/${budgetId}/rules`)).body.map((rule: any) => rule.id)).toEqual([second.id, first.body.id])
  })

  it('refuses bad bodies with each problem\'s path, and writes nothing', async () => {
    const { client, budgetId } = await budgetOf('rules-bad')
    const paths = async (body: unknown) => (expectIssues(await client.post(`/api/budgets/${budgetId}/rules`, body))).map(issue => issue.path).sort()
    expect(await paths({ match: 'regex', text: '', categoryName: 'x'.repeat(101) })).toEqual(['categoryName', 'match', 'text'])
    expect(await paths({ match: 'contains', text: 'a', categoryName: 'b', sortOrder: 1.5, extra: true })).toEqual(['extra', 'sortOrder'])
    const rule = (await client.post(`/api/budgets/${budgetId}/rules`, { match: 'contains', text: 'a', categoryName: 'b' })).body
    expect((expectIssues(await client.patch(`/api/rules/${rule.id}`, { version: 1 })))[0]!.message).toMatch(/at least one field/)
    expect(await sql('SELECT text, version FROM "Rule" WHERE "budgetId" = $1', [budgetId])).toEqual([{ text: 'a', version: 1 }])
  })

  it('answers another budget\'s rule and unknown or malformed ids as not found', async () => {
    const { client: other, budgetId: otherBudget } = await budgetOf('rules-other')
    const theirs = (await other.post(`/api/budgets/${otherBudget}/rules`, { match: 'contains', text: 'a', categoryName: 'b' })).body
    const { client } = await budgetOf('rules-me')
    for (const id of [theirs.id, randomUUID(), 'not-a-uuid']) {
      const notFound = expectError(await client.patch(`/api/rules/${id}`, { text: 'mine' }), 404)
      expect(notFound.message).toBe(expectError(await client.delete(`/api/rules/${id}`), 404).message)
    }
    expectError(await client.get(`/api/budgets/${otherBudget}/rules`), 404)
    expect(await sql('SELECT text FROM "Rule" WHERE id = $1', [theirs.id])).toEqual([{ text: 'a' }])
  })

  it('holds at most 500 rules a budget', async () => {
    const { client, budgetId } = await budgetOf('rules-limit')
    await sql(`INSERT INTO "Rule" ("budgetId", match, text, "categoryName", "sortOrder") SELECT $1, 'contains', 'r' || i, 'c', i FROM generate_series(1, 499) i`, [budgetId])
    expect((await client.post(`/api/budgets/${budgetId}/rules`, { match: 'contains', text: 'last', categoryName: 'c' })).body.sortOrder).toBe(500)
    expectError(await client.post(`/api/budgets/${budgetId}/rules`, { match: 'contains', text: 'one more', categoryName: 'c' }), 409, /at most 500 rules/)
    expect(await sql('SELECT count(*)::int AS n FROM "Rule" WHERE "budgetId" = $1', [budgetId])).toEqual([{ n: 500 }])
  })
})
