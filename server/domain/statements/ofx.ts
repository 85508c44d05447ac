// OFX and QFX statements, 1.x (SGML: a leaf's closing tag is optional) and 2.x
// (XML), bank (STMTRS) and credit card (CCSTMTRS). Read by a tokenizer of our
// own: of the OFX libraries on the registry none reads both versions, keeps
// the amounts as written and takes an empty leaf (checked 2026-12-02: ofx-js,
// ofx-data-extractor, @f-o-t/ofx, node-ofx-parser, ofx-parser, ofx4js).
//
// A tag followed by text is a leaf; so is an empty one never closed anywhere
// in the file (an SGML leaf left blank). Any other tag opens an aggregate,
// which its closing tag ends along with anything left open inside it.
import { AMOUNT_MESSAGE, BANK_ID_MESSAGE, badLine, bankAmount, bankIdOf, compactDate, joinDescription, unreadable, type StatementLine, type StatementResult } from './lines'
import { MAX_IMPORT_ROWS } from '../transactions-csv'
import { DOCTYPE_REFUSED, decodeEntities, hasDoctype } from './xml'

const STATEMENTS = new Set(['STMTRS', 'CCSTMTRS'])
const ACCOUNTS = new Set(['BANKACCTFROM', 'CCACCTFROM'])

interface Statement { account?: string, currency?: string, lines: { line: number, fields: Map<string, string> }[] }

// Each statement of the file with its lines' leaves (by their path under STMTTRN), or why it cannot be read.
function readStatements(text: string): { ok: true, statements: Statement[] } | { ok: false, message: string } {
  if (hasDoctype(text)) return { ok: false, message: DOCTYPE_REFUSED }
  const start = text.search(/<OFX>/i)
  if (start < 0) return { ok: false, message: 'Not an OFX file: it has no <OFX> element' }
  if (!/<\/OFX>\s*$/i.test(text)) return { ok: false, message: 'The OFX file does not end with </OFX>: it may be cut short' }
  const closed = new Set(Array.from(text.matchAll(/<\/([A-Za-z][\w.:-]*)\s*>/g), match => match[1]!.toUpperCase()))
  const open: string[] = []
  const statements: Statement[] = []
  let statement: Statement | undefined
  let record: Statement['lines'][number] | undefined
  let line = 1
  let counted = 0
  for (const match of text.slice(start).matchAll(/<(\/?)([A-Za-z][\w.:-]*)\s*(\/?)>([^<]*)/g)) {
    const at = start + match.index
    for (; counted < at; counted++) if (text.charCodeAt(counted) === 10) line++
    const [, closing, rawName, selfClosing, following] = match
    const name = rawName!.toUpperCase()
    if (closing) {
      const index = open.lastIndexOf(name)
      if (index < 0) continue
      if (open.slice(index).includes('STMTTRN')) record = undefined
      if (open.slice(index).some(tag => STATEMENTS.has(tag))) statement = undefined
      open.length = index
      continue
    }
    const value = following!.trim()
    if (!value && !selfClosing && closed.has(name)) {
      open.push(name)
      if (STATEMENTS.has(name)) statements.push(statement = { lines: [] })
      if (name === 'STMTTRN' && statement) statement.lines.push(record = { line, fields: new Map() })
      continue
    }
    const parent = open.at(-1)
    const leaf = decodeEntities(value)
    if (record) {
      const path = [...open.slice(open.lastIndexOf('STMTTRN') + 1), name].join('/')
      if (!record.fields.has(path)) record.fields.set(path, leaf)
    }
    else if (statement && name === 'CURDEF' && STATEMENTS.has(parent ?? '')) statement.currency = leaf
    else if (statement && name === 'ACCTID' && ACCOUNTS.has(parent ?? '') && STATEMENTS.has(open.at(-2) ?? '')) statement.account = leaf
  }
  if (!statements.length) return { ok: false, message: 'No bank or credit card statement (STMTRS, CCSTMTRS) in this OFX file' }
  return { ok: true, statements }
}

export function parseOfx(text: string, options: { decimals: number, currency: string }): StatementResult {
  const read = readStatements(text)
  if (!read.ok) return unreadable(read.message)
  const other = read.statements.find(statement => statement.currency && statement.currency.toUpperCase() !== options.currency)
  if (other) return unreadable(`The statement is in ${other.currency}, the budget in ${options.currency}`)
  const lines: StatementLine[] = []
  let count = 0
  for (const statement of read.statements) {
    for (const { line, fields } of statement.lines) {
      if (++count > MAX_IMPORT_ROWS) return { ok: false, tooMany: true }
      const date = compactDate(fields.get('DTPOSTED') ?? '')
      if (!date) return badLine(line, 'DTPOSTED must start with a real day as YYYYMMDD')
      const amount = bankAmount(fields.get('TRNAMT') ?? '', options.decimals)
      if (amount === undefined) return badLine(line, `TRNAMT: ${AMOUNT_MESSAGE(options.decimals)}`)
      const importId = bankIdOf(statement.account, fields.get('FITID'))
      if (importId === undefined) return badLine(line, BANK_ID_MESSAGE)
      if (amount === 0) continue
      lines.push({
        line,
        date,
        description: joinDescription([fields.get('NAME') ?? fields.get('PAYEE/NAME'), fields.get('MEMO')]),
        amount: -amount,
        importId,
      })
    }
  }
  return { ok: true, lines, read: count }
}
