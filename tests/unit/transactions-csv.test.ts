import { describe, expect, it } from 'vitest'
import { formatTransactionsCsv, parseTransactionsCsv } from '../../server/domain/transactions-csv'

const month = { year: 2026, month: 3 }

describe('transactions CSV', () => {
  it('formats RFC 4180 with CRLF and the currency decimals', () => {
    expect(formatTransactionsCsv([{ date: '2026-03-01', description: 'a,"b"', amount: -1205, categoryName: '' }], 2))
      .toBe('date,description,amount,category\r\n2026-03-01,"a,""b""",-12.05,\r\n')
  })

  it('parses what it formats', () => {
    const rows = [
      { date: '2026-03-01', description: 'multi\nline, "quoted"', amount: 1, categoryName: 'Food' },
      { date: '2026-03-31', description: '', amount: -99999, categoryName: '' },
    ]
    // Each row with the line it starts on (the first one's description takes two).
    expect(parseTransactionsCsv(formatTransactionsCsv(rows, 2), month, 2)).toEqual({ ok: true, rows: [{ ...rows[0], line: 2 }, { ...rows[1], line: 4 }] })
  })

  it('takes a date outside the month when told to', () => {
    const csv = 'date,description,amount,category\n2026-04-01,Later,1.00,\n'
    expect(parseTransactionsCsv(csv, month, 2)).toMatchObject({ ok: false, issues: [{ path: 'line 2', message: expect.stringMatching(/day of 2026-03/) }] })
    expect(parseTransactionsCsv(csv, month, 2, { anyDate: true })).toEqual({ ok: true, rows: [{ line: 2, date: '2026-04-01', description: 'Later', amount: 100, categoryName: '' }] })
  })

  it('tells the starting line of each bad row, counting multi-line fields and skipping blank lines', () => {
    const csv = 'date,description,amount,category\n2026-03-01,"a\nb\nc",1,\n\n2026-03-02,x,0,\n2026-03-03,"y\nz",1.001,\n'
    expect(parseTransactionsCsv(csv, month, 2)).toEqual({ ok: false, issues: [
      { path: 'line 6', message: expect.stringMatching(/amount/) },
      { path: 'line 7', message: expect.stringMatching(/amount/) },
    ] })
  })

  it('reports an unclosed quote on the line it opens, and a bad header', () => {
    expect(parseTransactionsCsv('date,description,amount,category\n2026-03-01,"oops,1,\n', month, 2)).toEqual({ ok: false, issues: [{ path: 'line 2', message: expect.stringMatching(/quote is not closed/) }] })
    expect(parseTransactionsCsv('date,amount\n', month, 2)).toEqual({ ok: false, issues: [{ path: 'line 1', message: expect.any(String) }] })
    expect(parseTransactionsCsv('', month, 2)).toMatchObject({ ok: false, issues: [{ path: 'line 1' }] })
  })

  it('reads on after a row that is not CSV, so one stray quote does not hide the other bad rows', () => {
    const csv = [
      'date,description,amount,category',
      '2026-03-01,fine,1.00,',
      '2026-03-02,"never closed,2.00,',
      '2026-03-03,bad amount,abc,',
      '2026-03-04,a "quote" inside,1.00,',
      '2026-03-05,fine,1.00,',
      '2026-03-06,"bad date",1.00,',
      '2026-02-30,x,1.00,',
      '',
    ].join('\r\n')
    const notCsv = expect.stringMatching(/^This row is not valid CSV/)
    expect(parseTransactionsCsv(csv, month, 2)).toEqual({ ok: false, issues: [
      { path: 'line 3', message: notCsv },
      { path: 'line 4', message: expect.stringMatching(/^amount must be digits/) },
      { path: 'line 5', message: notCsv },
      { path: 'line 8', message: 'date must be a real day as YYYY-MM-DD' },
    ] })
  })

  it('states the amount limit in the currency\'s major units', () => {
    const csv = 'date,description,amount,category\n2026-03-01,x,10000000.01,\n2026-03-02,y,0,\n'
    expect(parseTransactionsCsv(csv, month, 2)).toEqual({ ok: false, issues: [
      { path: 'line 2', message: 'amount must not be zero, and at most 10000000.00 either way' },
      { path: 'line 3', message: 'amount must not be zero, and at most 10000000.00 either way' },
    ] })
  })
})
