// The import dialog's plain helpers: the type a chosen file is sent as, and
// which transaction each imported line became.
import { describe, expect, it } from 'vitest'
import type { ImportLine } from '#shared/schemas/imports'
import type { Transaction } from '#shared/schemas/months'
import { statementTypeOf, transactionsOfLines } from '../../utils/statement-import'

describe('statement files in the page', () => {
  it('sends a file as its extension says, else as the browser typed it if the API takes that', () => {
    expect(['a.OFX', 'a.qfx', 'b.qif', 'c.xml', 'd.csv'].map(name => statementTypeOf(name, 'application/octet-stream')))
      .toEqual(['application/x-ofx', 'application/vnd.intu.qfx', 'application/qif', 'application/xml', 'text/csv'])
    expect(statementTypeOf('statement', 'text/xml')).toBe('text/xml')
    expect(statementTypeOf('photo.png', 'image/png')).toBeUndefined()
  })

  it('finds each line\'s transaction by its bank id, else by day, amount and text among those without one, newest first, each once', () => {
    const transaction = (id: string, rest: Partial<Transaction>): Transaction => ({ id, monthId: 'm', categoryId: null, date: '2026-11-02', description: 'Coffee', amount: 350, splits: [], importId: null, version: 1, createdAt: '2026-11-20T10:00:00.000Z', createdBy: null, ...rest })
    const line = (n: number, rest: Partial<ImportLine>): ImportLine => ({ line: n, date: '2026-11-02', description: 'Coffee', amount: 350, importId: null, categoryId: null, rule: null, ...rest })
    const transactions = [
      transaction('typed-earlier', { createdAt: '2026-11-02T08:00:00.000Z' }),
      transaction('imported-1', {}),
      transaction('imported-2', {}),
      transaction('bank', { importId: 'A:1', description: 'Other' }),
    ]
    const found = transactionsOfLines([line(2, {}), line(3, {}), line(4, { importId: 'A:1' }), line(5, { amount: 999 })], transactions)
    expect(Object.fromEntries([...found].map(([n, t]) => [n, t.id]))).toEqual({ 2: 'imported-1', 3: 'imported-2', 4: 'bank' })
  })
})
