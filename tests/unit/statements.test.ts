// The statement readers on files shaped like real banks' (tests/fixtures/statements):
// every field, the sign convention (money out > 0), encodings, and each refusal.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { bankAmount, joinDescription } from '../../server/domain/statements/lines'
import { parseQif } from '../../server/domain/statements/qif'
import { parseCamt } from '../../server/domain/statements/camt'
import { parseStatement } from '../../server/domain/statements'
import { sortLines, type Candidate } from '../../server/domain/statements/sort'

const fixture = (name: string) => readFileSync(new URL(`../fixtures/statements/${name}`, import.meta.url))
const text = (name: string) => fixture(name).toString('utf8')

describe('shared rules', () => {
  it('joins description parts by a space, drops a repeat, collapses whitespace and cuts to 200 characters', () => {
    expect(joinDescription(['  Corner\tGrocery ', 'Corner Grocery', undefined, 'card  1234'])).toBe('Corner Grocery card 1234')
    expect(joinDescription(['', undefined])).toBe('')
    expect(joinDescription(['é'.repeat(150), 'x'.repeat(100)])).toBe(`${'é'.repeat(150)} ${'x'.repeat(49)}`)
  })

  it('reads bank amounts with extra zero decimals, and nothing else', () => {
    expect(bankAmount('-12.300', 2)).toBe(-1230)
    expect(bankAmount('+7', 2)).toBe(700)
    expect(bankAmount('0.07', 2)).toBe(7)
    expect(bankAmount('980.00', 0)).toBe(980)
    expect(bankAmount(' 5. ', 2)).toBe(500)
    for (const bad of ['12.305', '980.5', '1,234.56', '1e3', '', '-', '.5', '12.3.4', '10000000.01']) expect(bankAmount(bad, bad === '980.5' ? 0 : 2), bad).toBeUndefined()
  })
})

describe('QIF', () => {
  it('reads every record: the three date forms, grouping, payee and memo, money out > 0; a zero amount is counted, not listed', () => {
    expect(parseQif(text('bank.qif'), 2)).toEqual({
      ok: true,
      read: 4,
      lines: [
        { line: 2, date: '2026-11-03', description: 'Corner Grocery Weekly shop', amount: 123456, importId: null },
        { line: 8, date: '2026-11-04', description: 'Employer Payroll', amount: -250000, importId: null },
        { line: 12, date: '2026-11-05', description: 'Café Lumière', amount: 1230, importId: null },
      ],
    })
  })

  it('refuses another type, a bad date or amount (by the line its record starts on) and a record cut short', () => {
    expect(parseQif('!Type:Invst\nD1/2/2026\nT1\n^\n', 2)).toEqual({ ok: false, issues: [{ path: 'body', message: 'A QIF file must start with !Type:Bank' }] })
    expect(parseQif('\n!type:bank\nD2/30/2026\nT-1\n^\n', 2)).toMatchObject({ ok: false, issues: [{ path: 'line 3' }] })
    expect(parseQif('!Type:Bank\nD2/3/2026\nT-1\n^\nPNo amount\nD2/4/2026\nTten\n^\n', 2)).toMatchObject({ ok: false, issues: [{ path: 'line 5', message: expect.stringContaining('T: amount') }] })
    expect(parseQif('!Type:Bank\nD2/3/2026\nT-1\n^\nD2/4/2026\nT-1', 2)).toMatchObject({ ok: false, issues: [{ path: 'line 5', message: expect.stringContaining('cut short') }] })
  })

  it('counts records up to 5,000 and refuses one more', () => {
    const records = (n: number) => `!Type:Bank\n${'D1/2/2026\nT-1\n^\n'.repeat(n)}`
    expect(parseQif(records(5000), 2)).toMatchObject({ ok: true, read: 5000 })
    expect(parseQif(records(5001), 2)).toEqual({ ok: false, tooMany: true })
  })
})

describe('camt.053', () => {
  const EUR = { decimals: 2, currency: 'EUR' }
  const IBAN = 'DE89370400440532013000'

  it('reads booked entries: CRDT as money in, the counterparty and remittance lines, the account with the bank\'s reference; pending ones are counted, not listed', () => {
    expect(parseCamt(text('account.camt053.xml'), EUR)).toEqual({
      ok: true,
      read: 5,
      lines: [
        { line: 21, date: '2026-11-02', description: 'Müller & Söhne GmbH Gehalt November Personalnr. 4711', amount: -250000, importId: `${IBAN}:2026110200001` },
        { line: 40, date: '2026-11-04', description: 'Stadtwerke Köln Abschlag Strom', amount: 8430, importId: `${IBAN}:2026110400007` },
        // A batch of three payments is one entry; with no names or remittance lines, its additional information.
        { line: 65, date: '2026-11-06', description: 'SAMMELUEBERWEISUNG 3 POSTEN', amount: 31000, importId: `${IBAN}:N-0004` },
        // Version 2 of the format writes the status as text; no reference at all: no bank id.
        { line: 79, date: '2026-11-07', description: 'Kontoführung', amount: 450, importId: null },
      ],
    })
  })

  const entry = (inside: string) => `<?xml version="1.0"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt><Acct><Id><Othr><Id>12345</Id></Othr></Id></Acct>\n<Ntry>${inside}</Ntry></Stmt></BkToCstmrStmt></Document>`
  const booked = '<CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-11-03</Dt></BookgDt>'

  it('takes the account\'s Othr/Id, decodes character references, and keeps extra zero decimals', () => {
    expect(parseCamt(entry(`<Amt Ccy="EUR">1.500</Amt>${booked}<NtryRef>R1</NtryRef><AddtlNtryInf>Caf&#233; &#x2615;</AddtlNtryInf>`), EUR))
      .toEqual({ ok: true, read: 1, lines: [{ line: 3, date: '2026-11-03', description: 'Café ☕', amount: 150, importId: '12345:R1' }] })
  })

  it('refuses another currency, a DOCTYPE (never expanding it), broken XML and another document, at body; a bad entry at its line', () => {
    const body = (message: string) => ({ ok: false, issues: [{ path: 'body', message: expect.stringContaining(message) }] })
    expect(parseCamt(entry(`<Amt Ccy="USD">1.00</Amt>${booked}`), EUR)).toEqual(body('in USD, the budget in EUR'))
    expect(parseCamt(`<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "${'x'.repeat(10)}"><!ENTITY b "&a;&a;&a;">]><Document>&b;</Document>`, EUR)).toEqual(body('DOCTYPE'))
    expect(parseCamt(text('account.camt053.xml').slice(0, 1500), EUR)).toEqual(body('not well-formed'))
    expect(parseCamt('<Document><BkToCstmrAcctRpt/></Document>', EUR)).toEqual(body('Not a camt.053'))
    expect(parseCamt(entry(`<Amt Ccy="EUR">12,50</Amt>${booked}`), EUR)).toMatchObject({ ok: false, issues: [{ path: 'line 3', message: expect.stringContaining('Amt') }] })
    expect(parseCamt(entry('<Amt Ccy="EUR">1.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-02-30</Dt></BookgDt>'), EUR)).toMatchObject({ ok: false, issues: [{ path: 'line 3', message: expect.stringContaining('BookgDt') }] })
  })
})

describe('OFX and QFX', () => {
  const USD = { decimals: 2, currency: 'USD' }
  const ofx = (name: string) => parseStatement(fixture(name), 'application/x-ofx', USD)
  const body = (message: string) => ({ ok: false, issues: [{ path: 'body', message: expect.stringContaining(message) }] })

  it('reads a 1.x SGML bank statement in windows-1252 (CHARSET:1252): every field, money out > 0, the account in the bank id', () => {
    expect(ofx('checking-1x.ofx')).toEqual({
      ok: true,
      read: 4,
      lines: [
        { line: 39, date: '2026-11-03', description: 'Boulangerie Ménard Carte 1234 Crème brûlée', amount: 4510, importId: '0012345678:202611030001' },
        { line: 47, date: '2026-11-05', description: 'ACME PAYROLL', amount: -250000, importId: '0012345678:202611050002' },
        // Three decimals, all zeros; the memo repeating the name is dropped. A zero amount is counted, not listed.
        { line: 54, date: '2026-11-09', description: 'Check 1044', amount: 12000, importId: '0012345678:202611090003' },
      ],
    })
    // The same bytes are not UTF-8: the declared charset is what made them readable.
    expect(parseQif(new TextDecoder().decode(fixture('checking-1x.ofx')), 2)).toMatchObject({ ok: false })
    expect(new TextDecoder().decode(fixture('checking-1x.ofx'))).toContain('Boulangerie M\uFFFDnard')
  })

  it('reads a 2.x XML credit card statement (CCSTMTRS, CCACCTFROM) with its entities', () => {
    expect(parseStatement(fixture('card-2x.ofx'), 'application/x-ofx', USD)).toEqual({
      ok: true,
      read: 2,
      lines: [
        { line: 21, date: '2026-11-12', description: 'Zoë & Co Books Online order', amount: 6399, importId: '4111111111111111:2026111224692163' },
        { line: 29, date: '2026-11-20', description: 'Refund - Zoë & Co Books', amount: -1500, importId: '4111111111111111:2026112024692164' },
      ],
    })
  })

  it('reads a QFX file (INTU.BID, one line per record, no closing tags for leaves)', () => {
    expect(parseStatement(fixture('savings.qfx'), 'application/vnd.intu.qfx', USD)).toEqual({
      ok: true,
      read: 2,
      lines: [
        { line: 15, date: '2026-11-30', description: 'Interest paid', amount: -321, importId: '998877:INT202611' },
        { line: 16, date: '2026-11-15', description: 'Transfer to checking Online transfer', amount: 20000, importId: '998877:XF1115' },
      ],
    })
  })

  const statement = (...records: string[]) => new TextEncoder().encode(`OFXHEADER:100\nDATA:OFXSGML\n\n<OFX>\n<BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>USD\n<BANKACCTFROM><BANKID>1<ACCTID>ACC-1<ACCTTYPE>CHECKING</BANKACCTFROM>\n<BANKTRANLIST>\n${records.join('\n')}\n</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1>\n</OFX>\n`)
  const line = (fields: string) => `<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20261101<TRNAMT>-1.00<FITID>F1${fields}</STMTTRN>`

  it('takes an empty leaf as empty, a payee aggregate\'s name, and never an account named inside a line', () => {
    expect(parseStatement(statement(line('<MEMO>\n<NAME>Shop</NAME>')), 'application/x-ofx', USD)).toMatchObject({ ok: true, lines: [{ line: 8, description: 'Shop', importId: 'ACC-1:F1' }] })
    expect(parseStatement(statement(line('<PAYEE><NAME>Power &amp; Light<ADDR1>1 Main St</PAYEE><BANKACCTTO><BANKID>2<ACCTID>OTHER<ACCTTYPE>SAVINGS</BANKACCTTO>')), 'application/x-ofx', USD))
      .toMatchObject({ ok: true, lines: [{ description: 'Power & Light', importId: 'ACC-1:F1' }] })
  })

  it('refuses a file cut short, binary garbage, another currency and a DOCTYPE at body; a bad line at the line its record starts on', () => {
    expect(ofx('truncated.ofx')).toEqual(body('cut short'))
    expect(ofx('garbage.bin')).toEqual(body('not text'))
    expect(ofx('euro-account.ofx')).toEqual(body('in EUR, the budget in USD'))
    expect(ofx('entity-expansion.xml')).toEqual(body('DOCTYPE'))
    expect(parseStatement(new TextEncoder().encode('just some text'), 'application/x-ofx', USD)).toEqual(body('no <OFX> element'))
    expect(parseStatement(statement(line(''), line('').replace('-1.00', '12,50')), 'application/x-ofx', USD)).toMatchObject({ ok: false, issues: [{ path: 'line 9', message: expect.stringContaining('TRNAMT') }] })
    expect(parseStatement(statement(line('').replace('20261101', '2026-11-01')), 'application/x-ofx', USD)).toMatchObject({ ok: false, issues: [{ path: 'line 8', message: expect.stringContaining('DTPOSTED') }] })
  })

  it('reads 5,000 lines and refuses 5,001', () => {
    expect(parseStatement(statement(...Array.from({ length: 5000 }, () => line(''))), 'application/x-ofx', USD)).toMatchObject({ ok: true, read: 5000 })
    expect(parseStatement(statement(...Array.from({ length: 5001 }, () => line(''))), 'application/x-ofx', USD)).toEqual({ ok: false, tooMany: true })
  })
})

describe('XML as camt.053', () => {
  it('refuses the entity expansion file without expanding it, and binary garbage', () => {
    const body = (message: string) => ({ ok: false, issues: [{ path: 'body', message: expect.stringContaining(message) }] })
    expect(parseStatement(fixture('entity-expansion.xml'), 'text/xml', { decimals: 2, currency: 'EUR' })).toEqual(body('DOCTYPE'))
    expect(parseStatement(fixture('garbage.bin'), 'application/xml', { decimals: 2, currency: 'EUR' })).toEqual(body('not text'))
    expect(parseStatement(fixture('account.camt053.xml'), 'application/xml', { decimals: 2, currency: 'EUR' })).toMatchObject({ ok: true, read: 5 })
  })
})

describe('sorting lines into the four lists', () => {
  const month = { year: 2026, month: 11 }
  const line = (n: number, date: string, amount: number, importId: string | null = null, description = 'Shop') => ({ line: n, date, description, amount, importId })
  const candidate = (id: string, date: string, amount: number, created: string, imported = false): Candidate => ({ id, date, amount, imported, createdAt: new Date(created), seq: 1n })
  const none = { known: new Map<string, string>(), candidates: [], rules: [], categories: new Map<string, string>() }

  it('takes the nearest candidate in date, then the oldest created, each once; a line with a bank id only one without', () => {
    const candidates = [
      candidate('older-far', '2026-11-07', 500, '2026-10-01'),
      candidate('newer-near', '2026-11-09', 500, '2026-11-01'),
      candidate('imported', '2026-11-10', 700, '2026-10-01', true),
      candidate('too-far', '2026-11-14', 700, '2026-10-01'),
    ]
    const sorted = sortLines({ ...none, month, candidates, lines: [line(1, '2026-11-10', 500, 'A:1'), line(2, '2026-11-10', 500), line(3, '2026-11-10', 500), line(4, '2026-11-10', 700, 'A:2')] })
    expect(sorted.possibleDuplicates.map(l => [l.line, l.duplicateOf])).toEqual([[1, 'newer-near'], [2, 'older-far']])
    expect(sorted.new.map(l => l.line)).toEqual([3, 4])
  })

  it('puts a known bank id or a repeat in the file among duplicates, before matching amounts, and a line outside the month apart', () => {
    const sorted = sortLines({ ...none, month, known: new Map([['A:1', 'tx-1']]), candidates: [candidate('typed', '2026-11-02', 100, '2026-10-01')], lines: [
      line(1, '2026-11-02', 100, 'A:1'), line(2, '2026-11-02', 100, 'A:2'), line(3, '2026-11-02', 100, 'A:2'), line(4, '2026-12-01', 100, 'A:3'),
    ] })
    expect(sorted.duplicates.map(l => [l.line, l.duplicateOf])).toEqual([[1, 'tx-1'], [3, null]])
    expect(sorted.possibleDuplicates.map(l => [l.line, l.duplicateOf])).toEqual([[2, 'typed']])
    expect(sorted.outside).toEqual([{ ...line(4, '2026-12-01', 100, 'A:3'), categoryId: null, rule: null }])
  })

  it('guesses by the first rule that matches (lower-cased), a CSV category the month has winning', () => {
    const rules = [
      { id: 'r1', match: 'equals' as const, text: 'corner', categoryName: 'Never' },
      { id: 'r2', match: 'startsWith' as const, text: 'CORNER', categoryName: 'Groceries' },
      { id: 'r3', match: 'contains' as const, text: 'shop', categoryName: 'Missing' },
    ]
    const categories = new Map([['Groceries', 'cat-g'], ['Dining', 'cat-d']])
    const sorted = sortLines({ ...none, month, rules, categories, lines: [
      line(1, '2026-11-02', 1, null, 'Corner Shop'), line(2, '2026-11-02', 2, null, 'Big shop'), line(3, '2026-11-02', 3, null, 'Tea'),
      { ...line(4, '2026-11-02', 4, null, 'Corner Shop'), categoryName: 'Dining' }, { ...line(5, '2026-11-02', 5, null, 'Corner Shop'), categoryName: 'Unknown' },
    ] })
    expect(sorted.new.map(l => [l.line, l.categoryId, l.rule])).toEqual([[1, 'cat-g', 'r2'], [2, null, 'r3'], [3, null, null], [4, 'cat-d', null], [5, 'cat-g', 'r2']])
  })
})
