// QIF bank statements ("!Type:Bank"): read by hand, as no maintained library
// reads it (it is a small line format). Each record is lines of one-letter
// fields up to "^": D the date, T the amount (money in > 0), P the payee, M the memo.
import { AMOUNT_MESSAGE, badLine, bankAmount, joinDescription, realDay, unreadable, type StatementLine, type StatementResult } from './lines'
import { MAX_IMPORT_ROWS } from '../transactions-csv'

// M/D/YYYY, M/D/YY and M/D'YY (the last two in 20YY); Quicken pads with spaces.
function qifDate(text: string): string | undefined {
  const match = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{4})|[/'](\d{2}))$/.exec(text.replace(/ /g, ''))
  if (!match) return undefined
  const [, month, day, fullYear, shortYear] = match
  return realDay(`${fullYear ?? `20${shortYear}`}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`)
}

export function parseQif(text: string, decimals: number): StatementResult {
  const rows = text.split(/\r?\n/)
  const header = rows.findIndex(row => row.trim() !== '')
  if (header < 0 || rows[header]!.trim().toLowerCase() !== '!type:bank') return unreadable('A QIF file must start with !Type:Bank')
  const lines: StatementLine[] = []
  let read = 0
  let record: { line: number, fields: Map<string, string> } | undefined
  for (let i = header + 1; i < rows.length; i++) {
    const row = rows[i]!.trim()
    if (!row) continue
    if (row.startsWith('^')) {
      if (!record) continue
      if (++read > MAX_IMPORT_ROWS) return { ok: false, tooMany: true }
      const field = (code: string) => record!.fields.get(code)
      const date = qifDate(field('D') ?? '')
      if (!date) return badLine(record.line, 'D must be a real day as M/D/YYYY, M/D/YY or M/D\'YY')
      const amount = bankAmount((field('T') ?? '').replace(/,/g, ''), decimals)
      if (amount === undefined) return badLine(record.line, `T: ${AMOUNT_MESSAGE(decimals)}`)
      if (amount !== 0) lines.push({ line: record.line, date, description: joinDescription([field('P'), field('M')]), amount: -amount, importId: null })
      record = undefined
      continue
    }
    record ??= { line: i + 1, fields: new Map() }
    const code = row[0]!.toUpperCase()
    if (!record.fields.has(code)) record.fields.set(code, row.slice(1))
  }
  if (record) return badLine(record.line, 'The last record does not end with ^: the file may be cut short')
  return { ok: true, lines, read }
}
