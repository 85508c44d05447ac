import { describe, expect, it } from 'vitest'
import { Client, signedInClient, sql } from '../helpers/api'

const HEADER = 'date,description,amount,category'

async function monthFor(client: Client, year: number, month: number) {
  return (await client.post('/api/months', { year, month })).body
}

const importCsv = (client: Client, monthId: string, body: string, type = 'text/csv') =>
  client.request('POST', `/api/months/${monthId}/transactions/import`, { body, headers: { 'content-type': type } })

describe('CSV export and import', () => {
  it('exports the header alone for an empty month', async () => {
    const { client } = await signedInClient()
    const month = await monthFor(client, 2026, 4)
    const answer = await client.get(`/api/months/${month.id}/transactions.csv`)
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toMatch(/^text\/csv/)
    expect(answer.body.trim()).toBe(HEADER)
  })

  it('round-trips every field, quoting what needs it, in MonthDetail order', async () => {
    const { client } = await signedInClient()
    const source = await monthFor(client, 2026, 5)
    const food = (await client.post('/api/categories', { monthId: source.id, name: 'Food, "fresh"', budgeted: 0 })).body
    const rows = [
      { date: '2026-05-03', description: 'Line one\nline two', amount: 1234, categoryId: food.id },
      { date: '2026-05-01', description: 'Café "Zoë", table 4', amount: -500, categoryId: null },
      { date: '2026-05-03', description: '=SUM(A1)', amount: 7, categoryId: food.id },
    ]
    for (const row of rows) expect((await client.post('/api/transactions', { monthId: source.id, ...row })).status).toBe(201)

    const exported = await client.get(`/api/months/${source.id}/transactions.csv`)
    expect(exported.body).toBe(`${HEADER}\r\n2026-05-01,"Café ""Zoë"", table 4",-5.00,\r\n2026-05-03,"Line one\nline two",12.34,"Food, ""fresh"""\r\n2026-05-03,=SUM(A1),0.07,"Food, ""fresh"""\r\n`)

    const target = await monthFor(client, 2027, 5)
    await client.post('/api/categories', { monthId: target.id, name: 'Rent', budgeted: 10, sortOrder: 9 })
    const wrongMonth = await importCsv(client, target.id, exported.body)
    expect(wrongMonth.status).toBe(400)
    expect(wrongMonth.body.data.issues.map((i: any) => i.path)).toEqual(['line 2', 'line 3', 'line 5'])

    const shifted = exported.body.replaceAll('2026-05-', '2027-05-')
    const imported = await importCsv(client, target.id, shifted, 'text/csv; charset=utf-8')
    expect(imported.status).toBe(201)
    expect(imported.body).toEqual({ imported: 3, createdCategories: ['Food, "fresh"'] })
    const detail = (await client.get(`/api/months/${target.id}`)).body
    expect(detail.categories.map((c: any) => [c.name, c.budgeted, c.sortOrder])).toEqual([['Rent', 10, 9], ['Food, "fresh"', 0, 10]])
    expect(detail.transactions.map((t: any) => [t.date, t.description, t.amount])).toEqual([
      ['2027-05-01', 'Café "Zoë", table 4', -500],
      ['2027-05-03', 'Line one\nline two', 1234],
      ['2027-05-03', '=SUM(A1)', 7],
    ])
    expect((await client.get(`/api/months/${target.id}/transactions.csv`)).body).toBe(shifted)
  })

  it('takes LF and CRLF, uses the month\'s categories, creates a new name once', async () => {
    const { client } = await signedInClient()
    const month = await monthFor(client, 2026, 6)
    await client.post('/api/categories', { monthId: month.id, name: 'Food', budgeted: 0 })
    const csv = `${HEADER}\r\n2026-06-01,a,1,Food\n2026-06-02,b,2.5, Travel \r\n2026-06-03,c,-0.01,Travel\n`
    const answer = await importCsv(client, month.id, csv)
    expect(answer.body).toEqual({ imported: 3, createdCategories: ['Travel'] })
    const detail = (await client.get(`/api/months/${month.id}`)).body
    expect(detail.categories.map((c: any) => c.name)).toEqual(['Food', 'Travel'])
    expect(detail.transactions.map((t: any) => t.amount)).toEqual([100, 250, -1])
  })

  it('uses the budget\'s currency\'s decimals (JPY: none)', async () => {
    const { client } = await signedInClient()
    const month = await monthFor(client, 2026, 7)
    expect((await client.patch(`/api/budgets/${month.budgetId}`, { currency: 'JPY' })).status).toBe(200)
    expect((await importCsv(client, month.id, `${HEADER}\n2026-07-01,ramen,980,\n`)).status).toBe(201)
    expect((await client.get(`/api/months/${month.id}/transactions.csv`)).body).toBe(`${HEADER}\r\n2026-07-01,ramen,980,\r\n`)
    const bad = await importCsv(client, month.id, `${HEADER}\n2026-07-01,ramen,980.5,\n`)
    expect(bad.body.data.issues).toEqual([{ path: 'line 2', message: expect.stringMatching(/amount/) }])
  })

  it('reports every bad row by the line it starts on, and writes nothing', async () => {
    const { client } = await signedInClient()
    const month = await monthFor(client, 2026, 8)
    const csv = [
      HEADER,
      '2026-08-01,"two\nlines",1.00,', // lines 2-3, fine
      '2026-09-01,wrong month,1.00,', // line 4
      '2026-08-02,zero,0,', // line 5
      '2026-08-03,grouped,"1,000.00",', // line 6
      '2026-08-04,too few,1.00', // line 7
      '2026-08-05,symbol,$1,', // line 8
      '2026-08-31,ok,1.123,', // line 9: three decimals
      `2026-08-06,${'x'.repeat(201)},1,`, // line 10
      `2026-08-07,name,1,${'c'.repeat(101)}`, // line 11
      '2026-08-08,exp,1e3,', // line 12
    ].join('\n')
    const answer = await importCsv(client, month.id, csv)
    expect(answer.status).toBe(400)
    expect(answer.body.data.issues.map((i: any) => i.path)).toEqual(['line 4', 'line 5', 'line 6', 'line 7', 'line 8', 'line 9', 'line 10', 'line 11', 'line 12'])
    expect(await sql('SELECT 1 FROM "Transaction" WHERE "monthId" = $1', [month.id])).toEqual([])
    expect((await client.get(`/api/months/${month.id}`)).body.categories).toEqual([])
  })

  it('refuses a wrong header, a wrong content type, too many rows and too large a body', async () => {
    const { client } = await signedInClient()
    const month = await monthFor(client, 2026, 9)
    expect((await importCsv(client, month.id, 'Date,Description,Amount,Category\n')).body.data.issues).toEqual([{ path: 'line 1', message: expect.any(String) }])
    expect((await importCsv(client, month.id, `${HEADER}\n`, 'application/json')).status).toBe(415)
    expect((await importCsv(client, month.id, `${HEADER}\n`, 'text/plain')).status).toBe(415)
    const many = [HEADER, ...Array.from({ length: 5001 }, () => '2026-09-01,x,1,')].join('\n')
    expect((await importCsv(client, month.id, many)).status).toBe(413)
    const big = `${HEADER}\n2026-09-01,${'x'.repeat(1_048_576)},1,\n`
    expect((await importCsv(client, month.id, big)).status).toBe(413)
    expect((await client.get(`/api/months/${month.id}`)).body.transactions).toEqual([])
  })

  it('imports exactly 5000 rows', async () => {
    const { client } = await signedInClient()
    const month = await monthFor(client, 2026, 10)
    const csv = [HEADER, ...Array.from({ length: 5000 }, (_, i) => `2026-10-${String(1 + (i % 31)).padStart(2, '0')},row ${i},${i + 1}.00,`)].join('\n')
    expect((await importCsv(client, month.id, csv)).body).toEqual({ imported: 5000, createdCategories: [] })
  })

  it('404 for another user\'s month; 401 without a session', async () => {
    const { client } = await signedInClient()
    const { client: other } = await signedInClient()
    const month = await monthFor(client, 2026, 11)
    expect((await importCsv(other, month.id, `${HEADER}\n`)).status).toBe(404)
    expect((await importCsv(new Client(), month.id, `${HEADER}\n`)).status).toBe(401)
  })
})
