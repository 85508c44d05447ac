// Every kind of refusal the API gives answers exactly { statusCode, message, data? }
// (the Client checks every error any test provokes; here each kind is provoked
// on purpose and its whole body asserted).
import { describe, expect, it } from 'vitest'
import { Client, PASSWORD, expectError, signedInClient, sql, uniqueEmail } from '../helpers/api'

const issues = (...list: { path: string, message: unknown }[]) => ({ issues: list })

describe('error bodies', () => {
  it('schema 400: the first issue in the message, every issue in data.issues', async () => {
    const { client } = await signedInClient('errors-schema')
    const answer = await client.post('/api/months', { year: 1999, month: 1 })
    expect(expectError(answer, 400)).toEqual({ statusCode: 400, message: expect.stringMatching(/^Invalid request: year: /), data: issues({ path: 'year', message: expect.any(String) }) })
  })

  it('rule 400: a date outside the month, a category of another month', async () => {
    const { client } = await signedInClient('errors-rule')
    const month = (await client.post('/api/months', { year: 2031, month: 5 })).body
    const other = (await client.post('/api/months', { year: 2031, month: 6 })).body
    const foreign = (await client.post('/api/categories', { monthId: other.id, name: 'Elsewhere', budgeted: 0 })).body
    const date = await client.post('/api/transactions', { monthId: month.id, date: '2031-06-01', amount: 100 })
    expect(expectError(date, 400)).toEqual({ statusCode: 400, message: 'Invalid request: date: Must be a day of 2031-05', data: issues({ path: 'date', message: 'Must be a day of 2031-05' }) })
    const category = await client.post('/api/transactions', { monthId: month.id, date: '2031-05-01', amount: 100, categoryId: foreign.id })
    expect(expectError(category, 400)).toEqual({ statusCode: 400, message: expect.stringMatching(/categoryId/), data: issues({ path: 'categoryId', message: expect.any(String) }) })
    expect(await sql('SELECT 1 FROM "Transaction" WHERE "monthId" = $1', [month.id])).toEqual([])
  })

  it('CSV 400, 413 and 415', async () => {
    const { client } = await signedInClient('errors-csv')
    const month = (await client.post('/api/months', { year: 2031, month: 7 })).body
    const upload = (body: string, type = 'text/csv') => client.request('POST', `/api/months/${month.id}/transactions/import`, { body, headers: { 'content-type': type } })
    const bad = await upload('date,description,amount,category\n2031-08-01,x,1.00,\n')
    expect(expectError(bad, 400)).toEqual({ statusCode: 400, message: 'The file has 1 bad row; nothing was imported.', data: issues({ path: 'line 2', message: expect.any(String) }) })
    expect(expectError(await upload('x'.repeat(1_048_577)), 413)).toEqual({ statusCode: 413, message: expect.stringMatching(/1 MiB/) })
    expect(expectError(await upload('a,b', 'text/plain'), 415)).toEqual({ statusCode: 415, message: expect.stringMatching(/text\/csv/) })
  })

  it('401, 403, 404 and 409', async () => {
    expect(expectError(await new Client().get('/api/months'), 401)).toEqual({ statusCode: 401, message: 'Please sign in.' })
    const { client, email } = await signedInClient('errors-misc')
    expect(expectError(await client.patch('/api/auth/me', { name: 'x' }, { origin: 'https://evil.example' }), 403)).toEqual({ statusCode: 403, message: expect.stringMatching(/another site/) })
    expect(expectError(await client.get('/api/months/00000000-0000-4000-8000-000000000000'), 404)).toEqual({ statusCode: 404, message: 'Month not found.' })
    expect(expectError(await client.get('/api/no-such-route'), 404)).toEqual({ statusCode: 404, message: expect.any(String) })
    expect(expectError(await new Client().post('/api/auth/register', { email, password: PASSWORD }), 409)).toEqual({ statusCode: 409, message: expect.stringMatching(/already exists/) })
    const month = (await client.post('/api/months', { year: 2031, month: 8 })).body
    await client.patch(`/api/months/${month.id}`, { income: 5 })
    const stale = expectError(await client.patch(`/api/months/${month.id}`, { income: 6, version: 1 }), 409)
    expect(stale).toEqual({ statusCode: 409, message: expect.stringMatching(/changed elsewhere/), data: { current: expect.objectContaining({ id: month.id, income: 5, version: 2 }) } })
  })

  it('429', async () => {
    const email = uniqueEmail('errors-limit')
    for (let i = 0; i < 10; i++) expectError(await new Client().post('/api/auth/login', { email, password: 'wrong password' }), 401)
    expect(expectError(await new Client().post('/api/auth/login', { email, password: 'wrong password' }), 429)).toEqual({ statusCode: 429, message: expect.stringMatching(/too many/i) })
  })
})
