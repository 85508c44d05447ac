// Statement import (API contract Version 2, "Statement import and rules"): the
// four lists, preview and all-or-nothing import, bank ids per account and
// budget, rules, and every refusal with nothing written.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { expectError, expectIssues, queriesOf, signedInClient, sql, type Client } from '../helpers/api'

const fixture = (name: string): Uint8Array<ArrayBuffer> => new Uint8Array(readFileSync(new URL(`../fixtures/statements/${name}`, import.meta.url)))
const OFX = 'application/x-ofx'

// A new user's budget (USD unless said) with November 2026 and its categories.
async function november(label: string, options: { currency?: string, categories?: string[] } = {}) {
  const { client, user } = await signedInClient(label)
  const budgetId: string = options.currency
    ? (await client.post('/api/budgets', { name: 'Bank', currency: options.currency })).body.id
    : (await client.get('/api/budgets')).body[0].id
  const month = (await client.post('/api/months', { budgetId, year: 2026, month: 11 })).body
  const categories: Record<string, string> = {}
  for (const name of options.categories ?? []) categories[name] = (await client.post('/api/categories', { monthId: month.id, name, budgeted: 0 })).body.id
  return { client, userId: user.id as string, budgetId, monthId: month.id as string, categories }
}

const send = (client: Client, monthId: string, body: Uint8Array<ArrayBuffer> | string, type: string, query = '') =>
  client.request('POST', `/api/months/${monthId}/import${query}`, { body, headers: { 'content-type': type } })

const rowsOf = (monthId: string) => sql(`SELECT date::text, description, amount, "categoryId"::text, "importId", "importBudgetId"::text, "createdById"::text FROM "Transaction" WHERE "monthId" = $1 ORDER BY seq`, [monthId])

describe('statement import', () => {
  it('previews the four lists without writing, then imports the new lines in one go; the same file again is only duplicates', async () => {
    const { client, userId, budgetId, monthId, categories } = await november('import-ofx', { categories: ['Groceries', 'Income'] })
    const payroll = (await client.post(`/api/budgets/${budgetId}/rules`, { match: 'contains', text: 'PayRoll', categoryName: 'Income' })).body
    const bakery = (await client.post(`/api/budgets/${budgetId}/rules`, { match: 'startsWith', text: 'boulangerie', categoryName: 'Bakery' })).body
    const account = '0012345678'

    const preview = await send(client, monthId, fixture('checking-1x.ofx'), OFX, '?preview=true')
    expect(preview.status).toBe(200)
    expect(preview.body).toEqual({
      new: [
        // The rule's category is not in the month: the rule is named, the category is null.
        { line: 39, date: '2026-11-03', description: 'Boulangerie Ménard Carte 1234 Crème brûlée', amount: 4510, importId: `${account}:202611030001`, categoryId: null, rule: bakery.id },
        { line: 47, date: '2026-11-05', description: 'ACME PAYROLL', amount: -250000, importId: `${account}:202611050002`, categoryId: categories.Income, rule: payroll.id },
        { line: 54, date: '2026-11-09', description: 'Check 1044', amount: 12000, importId: `${account}:202611090003`, categoryId: null, rule: null },
      ],
      duplicates: [],
      possibleDuplicates: [],
      outside: [],
      imported: 0,
    })
    expect(await rowsOf(monthId)).toEqual([])

    const imported = await send(client, monthId, fixture('checking-1x.ofx'), 'application/x-ofx; charset=windows-1252')
    expect(imported.status).toBe(201)
    expect(imported.body).toEqual({ ...preview.body, imported: 3 })
    expect(await rowsOf(monthId)).toEqual(preview.body.new.map((line: any) => ({
      date: line.date, description: line.description, amount: line.amount, categoryId: line.categoryId, importId: line.importId, importBudgetId: budgetId, createdById: userId,
    })))
    const detail = (await client.get(`/api/months/${monthId}`)).body
    expect(detail.transactions.map((t: any) => t.importId)).toEqual(preview.body.new.map((line: any) => line.importId))
    expect((await client.get(`/api/months/${monthId}/summary`)).body.spent).toBe(4510 - 250000 + 12000)

    const again = await send(client, monthId, fixture('checking-1x.ofx'), OFX)
    expect(again.status).toBe(201)
    expect(again.body).toEqual({
      new: [],
      duplicates: preview.body.new.map((line: any, i: number) => ({ ...line, categoryId: null, rule: null, duplicateOf: detail.transactions[i].id })),
      possibleDuplicates: [],
      outside: [],
      imported: 0,
    })
    expect(await rowsOf(monthId)).toHaveLength(3)

    // Deleting a transaction frees its bank id.
    await client.delete(`/api/transactions/${detail.transactions[1].id}`)
    expect((await send(client, monthId, fixture('checking-1x.ofx'), OFX, '?preview=true')).body.new.map((line: any) => line.line)).toEqual([47])
  })

  it('finds a hand-typed transaction as a possible duplicate of its bank line, creating it only with includePossible', async () => {
    const { client, monthId } = await november('import-possible')
    const typed = (await client.post('/api/transactions', { monthId, date: '2026-11-07', amount: 12000, description: 'Cheque to Sam' })).body
    const older = (await client.post('/api/transactions', { monthId, date: '2026-11-11', amount: 12000, description: 'Also 120' })).body
    const preview = (await send(client, monthId, fixture('checking-1x.ofx'), OFX, '?preview=true')).body
    // Two days from the 9th both: the oldest created is taken.
    expect(preview.possibleDuplicates).toEqual([{ line: 54, date: '2026-11-09', description: 'Check 1044', amount: 12000, importId: '0012345678:202611090003', categoryId: null, rule: null, duplicateOf: typed.id }])
    expect(preview.new.map((line: any) => line.line)).toEqual([39, 47])
    expect(older.id).not.toBe(typed.id)

    expect((await send(client, monthId, fixture('checking-1x.ofx'), OFX)).body.imported).toBe(2)
    expect((await rowsOf(monthId)).map(row => row.importId)).toEqual([null, null, '0012345678:202611030001', '0012345678:202611050002'])
    const { client: other, monthId: otherMonth } = await november('import-include')
    await other.post('/api/transactions', { monthId: otherMonth, date: '2026-11-10', amount: 12000 })
    const withPossible = await send(other, otherMonth, fixture('checking-1x.ofx'), OFX, '?includePossible=true')
    expect(withPossible.body.imported).toBe(3)
    expect((await rowsOf(otherMonth)).map(row => row.importId)).toEqual([null, '0012345678:202611030001', '0012345678:202611050002', '0012345678:202611090003'])
  })

  it('matches bank ids within one budget and one account: the same file is new in two budgets, the same line id in two accounts is two lines', async () => {
    const { client, budgetId, monthId } = await november('import-accounts')
    const otherBudget = (await client.post('/api/budgets', { name: 'Second' })).body.id
    const otherMonth = (await client.post('/api/months', { budgetId: otherBudget, year: 2026, month: 11 })).body.id
    expect((await send(client, monthId, fixture('savings.qfx'), 'application/vnd.intu.qfx')).body.imported).toBe(2)
    expect((await send(client, otherMonth, fixture('savings.qfx'), 'application/vnd.intu.qfx')).body.imported).toBe(2)
    const sameIdsOtherAccount = new TextEncoder().encode(new TextDecoder().decode(fixture('savings.qfx')).replace('<ACCTID>998877', '<ACCTID>112233'))
    const answer = (await send(client, monthId, sameIdsOtherAccount, 'application/vnd.intu.qfx')).body
    expect(answer.new.map((line: any) => line.importId)).toEqual(['112233:INT202611', '112233:XF1115'])
    expect(await sql('SELECT count(*)::int AS n FROM "Transaction" WHERE "importBudgetId" = $1', [budgetId])).toEqual([{ n: 4 }])
  })

  it('creates each line once when the same file is imported twice at once', async () => {
    const { client, monthId } = await november('import-race')
    const answers = await Promise.all([send(client, monthId, fixture('card-2x.ofx'), OFX), send(client, monthId, fixture('card-2x.ofx'), OFX)])
    // One creates both lines; the other finds them duplicates, or is refused.
    const outcomes = answers.map(answer => answer.status === 201 ? `201, ${answer.body.imported} imported` : String(answer.status)).sort()
    expect([['201, 0 imported', '201, 2 imported'], ['201, 2 imported', '409']]).toContainEqual(outcomes)
    expect(await rowsOf(monthId)).toHaveLength(2)
  })

  it('lists lines dated outside the month, repeats in the file, and reads QIF, camt.053 and CSV (a CSV category the month has wins)', async () => {
    const { client, monthId, categories } = await november('import-formats', { categories: ['Dining'] })
    const qif = (await send(client, monthId, fixture('bank.qif'), 'application/qif', '?preview=true')).body
    expect(qif.new.map((line: any) => [line.line, line.amount, line.importId])).toEqual([[2, 123456, null], [8, -250000, null], [12, 1230, null]])

    const repeated = new TextDecoder().decode(fixture('card-2x.ofx')).replace('<DTPOSTED>20261120</DTPOSTED>', '<DTPOSTED>20261201</DTPOSTED>')
      .replace('<FITID>2026112024692164</FITID>', '<FITID>2026111224692163</FITID>')
    const card = (await send(client, monthId, repeated, OFX, '?preview=true')).body
    expect(card.outside.map((line: any) => [line.line, line.date, line.categoryId, line.rule])).toEqual([[29, '2026-12-01', null, null]])
    expect(card.new).toHaveLength(1)

    const { client: euro, monthId: euroMonth } = await november('import-camt', { currency: 'EUR' })
    const camt = await send(euro, euroMonth, fixture('account.camt053.xml'), 'text/xml; charset=utf-8', '?preview=true')
    expect(camt.body.new.map((line: any) => [line.line, line.amount])).toEqual([[21, -250000], [40, 8430], [65, 31000], [79, 450]])

    await client.post(`/api/budgets/${(await client.get('/api/budgets')).body[0].id}/rules`, { match: 'contains', text: 'coffee', categoryName: 'Dining' })
    const csv = 'date,description,amount,category\n2026-11-02,Coffee,3.50,Dining\n2026-11-03,Coffee beans,12.00,Groceries\n2026-12-01,Coffee,3.50,\n'
    const rows = (await send(client, monthId, csv, 'text/csv', '?preview=true')).body
    expect(rows.new.map((line: any) => [line.line, line.categoryId, line.rule === null])).toEqual([[2, categories.Dining, true], [3, categories.Dining, false]])
    expect(rows.outside.map((line: any) => line.line)).toEqual([4])
    expect((await send(client, monthId, csv, 'text/csv')).body.imported).toBe(2)
    // No category was created for "Groceries".
    expect((await client.get(`/api/months/${monthId}`)).body.categories.map((c: any) => c.name)).toEqual(['Dining'])
  })

  it('refuses every bad file and query with its status, writing nothing', async () => {
    const { client, monthId } = await november('import-bad')
    const body = async (answer: Promise<any>, message: RegExp) => {
      const issues = expectIssues(await answer)
      expect(issues).toEqual([{ path: 'body', message: expect.stringMatching(message) }])
    }
    await body(send(client, monthId, fixture('garbage.bin'), OFX), /not text/)
    await body(send(client, monthId, fixture('truncated.ofx'), OFX), /cut short/)
    await body(send(client, monthId, fixture('euro-account.ofx'), OFX), /in EUR, the budget in USD/)
    await body(send(client, monthId, fixture('entity-expansion.xml'), 'application/xml'), /DOCTYPE/)
    const badAmount = new TextDecoder().decode(fixture('card-2x.ofx')).replace('<TRNAMT>15.00</TRNAMT>', '<TRNAMT>fifteen</TRNAMT>')
    expect(expectIssues(await send(client, monthId, badAmount, OFX))).toEqual([{ path: 'line 29', message: expect.stringMatching(/TRNAMT/) }])
    expectError(await send(client, monthId, fixture('card-2x.ofx'), 'application/pdf'), 415)
    expectError(await send(client, monthId, new Uint8Array(1_048_577).fill(32), OFX), 413)
    const many = `!Type:Bank\n${'D11/2/2026\nT-1\n^\n'.repeat(5001)}`
    expectError(await send(client, monthId, many, 'application/qif'), 413)
    for (const query of ['?preview=yes', '?preview=true&preview=false', '?includePossible=1']) {
      expect(expectIssues(await send(client, monthId, fixture('card-2x.ofx'), OFX, query)).map(issue => issue.path)).toEqual([query.includes('include') ? 'includePossible' : 'preview'])
    }
    expect(await rowsOf(monthId)).toEqual([])
  })

  it('takes the same number of queries for 3 lines and for 300', async () => {
    const counts: number[] = []
    for (const n of [3, 300]) {
      const { client, monthId } = await november(`import-queries-${n}`)
      await client.post('/api/transactions', { monthId, date: '2026-11-05', amount: 101 })
      const lines = Array.from({ length: n }, (_, i) => `<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>202611${String(1 + (i % 28)).padStart(2, '0')}<TRNAMT>-${1 + i}.01<FITID>Q${i}<NAME>Shop ${i}</STMTTRN>`)
      const file = `OFXHEADER:100\n\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>USD<BANKACCTFROM><ACCTID>Q</BANKACCTFROM><BANKTRANLIST>\n${lines.join('\n')}\n</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>`
      const answer = await send(client, monthId, file, OFX)
      expect(answer.body.imported).toBe(n)
      counts.push(queriesOf(answer))
    }
    expect(counts[0]).toBe(counts[1])
  })
})
