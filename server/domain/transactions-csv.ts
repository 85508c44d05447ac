// The CSV format of a month's transactions (RFC 4180): columns
// date,description,amount,category; amounts in major units of the currency.
import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import { isoDate, name as nameSchema, text } from '#shared/schemas/common'
import { MAX_DESCRIPTION } from '#shared/schemas/months'
import { formatMajorAmount, parseMajorAmount } from '#shared/utils/money'
import type { Issue } from '#shared/schemas/common'
import { isInMonth } from '#shared/utils/month-rules'

export const CSV_HEADER = ['date', 'description', 'amount', 'category']
export const MAX_IMPORT_ROWS = 5000
export const MAX_IMPORT_BYTES = 1_048_576

export interface CsvRow { date: string, description: string, amount: number, categoryName: string }

export function formatTransactionsCsv(rows: CsvRow[], decimals: number): string {
  return stringify([CSV_HEADER, ...rows.map(row => [row.date, row.description, formatMajorAmount(row.amount, decimals), row.categoryName])], { record_delimiter: 'windows', quoted_match: /[\r\n]/ })
}

export type ParseResult
  = | { ok: true, rows: CsvRow[] }
    | { ok: false, tooMany: true }
    | { ok: false, tooMany?: false, issues: Issue[] }

const description = text(MAX_DESCRIPTION)
const breaks = (value: string) => value.split('\n').length - 1

// Every bad row is reported, by the line of the file it starts on (header = 1).
// Line breaks are read as LF: CRLF inside a quoted field is kept as LF.
export function parseTransactionsCsv(csv: string, month: { year: number, month: number }, decimals: number): ParseResult {
  type Parsed = { record: string[], raw: string, info: { lines: number } }
  let records: Parsed[]
  try {
    records = parse(csv.replace(/\r\n/g, '\n'), { bom: true, info: true, raw: true, relax_column_count: true, skip_empty_lines: true, record_delimiter: '\n' }) as unknown as Parsed[]
  }
  catch (error) {
    const line = (error as { lines?: number }).lines ?? 1
    return { ok: false, issues: [{ path: `line ${line}`, message: 'The file is not valid CSV here (a quote is not closed or a field is malformed)' }] }
  }
  const startLine = ({ raw, info }: Parsed) => info.lines - breaks(raw.replace(/^\n+/, '').replace(/\n$/, ''))

  const [header, ...body] = records
  if (!header || header.record.join(',') !== CSV_HEADER.join(',') || startLine(header) !== 1) {
    return { ok: false, issues: [{ path: 'line 1', message: `The first line must be exactly: ${CSV_HEADER.join(',')}` }] }
  }
  if (body.length > MAX_IMPORT_ROWS) return { ok: false, tooMany: true }

  const rows: CsvRow[] = []
  const issues: Issue[] = []
  const monthLabel = `${month.year}-${String(month.month).padStart(2, '0')}`
  for (const record of body) {
    const problems: string[] = []
    const fields = record.record
    if (fields.length !== CSV_HEADER.length) {
      problems.push(`Expected 4 fields, found ${fields.length}`)
    }
    else {
      const [date, text, amountText, category] = fields as [string, string, string, string]
      if (!isoDate.safeParse(date).success) problems.push('date must be a real day as YYYY-MM-DD')
      else if (!isInMonth(date, month.year, month.month)) problems.push(`date must be a day of ${monthLabel}`)
      if (!description.safeParse(text).success) problems.push(`description must be at most ${MAX_DESCRIPTION} characters, without NUL or lone surrogates`)
      const amount = parseMajorAmount(amountText, decimals)
      if (amount === undefined) problems.push(`amount must be digits with at most ${decimals} decimal${decimals === 1 ? '' : 's'}, optionally negative (no symbols or grouping)`)
      else if (amount === 0 || Math.abs(amount) > 1_000_000_000) problems.push('amount must not be zero and must be within ±1,000,000,000 minor units')
      const categoryName = category === '' ? { success: true as const, data: '' } : nameSchema.safeParse(category)
      if (!categoryName.success) problems.push('category must be empty or a name of 1–100 characters')
      if (!problems.length) rows.push({ date, description: text, amount: amount!, categoryName: categoryName.data! })
    }
    if (problems.length) issues.push({ path: `line ${startLine(record)}`, message: problems.join('; ') })
  }
  return issues.length ? { ok: false, issues } : { ok: true, rows }
}
