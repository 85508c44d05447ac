// The CSV format of a month's transactions (RFC 4180): columns
// date,description,amount,category; amounts in major units of the currency.
import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import { MAX_MONEY, isoDate, name as nameSchema, text } from '#shared/schemas/common'
import { MAX_DESCRIPTION } from '#shared/schemas/months'
import { formatMajorAmount, parseMajorAmount } from '#shared/utils/money'
import type { Issue } from '#shared/schemas/common'
import { isInMonth } from '#shared/utils/month-rules'

export const CSV_HEADER = ['date', 'description', 'amount', 'category']
export const MAX_IMPORT_ROWS = 5000
export const MAX_IMPORT_BYTES = 1_048_576
// Writing 5,000 rows can outlast Prisma's default 5 s for an interactive
// transaction on a loaded machine (seen in workerd: a 503 for a valid file).
export const IMPORT_TIMEOUT_MS = 30_000

export interface CsvRow { date: string, description: string, amount: number, categoryName: string }

export function formatTransactionsCsv(rows: CsvRow[], decimals: number): string {
  return stringify([CSV_HEADER, ...rows.map(row => [row.date, row.description, formatMajorAmount(row.amount, decimals), row.categoryName])], { record_delimiter: 'windows', quoted_match: /[\r\n]/ })
}

// A row read from a file, with the line it starts on.
export type ReadRow = CsvRow & { line: number }

export type ParseResult
  = | { ok: true, rows: ReadRow[] }
    | { ok: false, tooMany: true }
    | { ok: false, tooMany?: false, issues: Issue[] }

const description = text(MAX_DESCRIPTION)
const breaks = (value: string) => value.split('\n').length - 1
// Past this many rows that are not CSV at all, the rest is not read: the file is not CSV.
const MAX_BROKEN_ROWS = 20

interface CsvRecord { fields: string[], line: number }

// The file's records with the line each starts on (header = 1), and the lines
// where a record is not CSV (a quote not closed, a stray quote). Reading goes on
// after such a line, so one stray quote does not hide the other bad rows.
function readRecords(csv: string): { records: CsvRecord[], broken: number[] } {
  const lines = csv.split('\n')
  const records: CsvRecord[] = []
  const broken: number[] = []
  let first = 0
  while (first < lines.length) {
    type Parsed = { record: string[], raw: string, info: { lines: number } }
    let failure: { lines: number, raw: string } | undefined
    const parsed = parse(lines.slice(first).join('\n'), {
      bom: first === 0, info: true, raw: true, relax_column_count: true, skip_empty_lines: true, record_delimiter: '\n',
      skip_records_with_error: true,
      on_skip: (error, raw) => {
        failure ??= { lines: (error as { lines?: number } | undefined)?.lines ?? 1, raw: raw ?? '' }
        return undefined
      },
    }) as unknown as Parsed[]
    const startOf = (lines: number, raw: string) => first + lines - breaks(raw.replace(/^\n+/, '').replace(/\n$/, ''))
    const failedAt = failure && startOf(failure.lines, failure.raw)
    for (const record of parsed) {
      const line = startOf(record.info.lines, record.raw)
      if (failedAt === undefined || line < failedAt) records.push({ fields: record.record, line })
    }
    if (failedAt === undefined) break
    broken.push(failedAt)
    if (broken.length >= MAX_BROKEN_ROWS) break
    first = failedAt
  }
  return { records, broken }
}

// Every bad row is reported, by the line of the file it starts on (header = 1).
// Line breaks are read as LF: CRLF inside a quoted field is kept as LF. A date
// outside the month is bad unless `anyDate` (a statement import lists it apart).
export function parseTransactionsCsv(csv: string, month: { year: number, month: number }, decimals: number, { anyDate = false } = {}): ParseResult {
  const { records, broken } = readRecords(csv.replace(/\r\n/g, '\n'))
  const [header, ...body] = records
  if (!header || header.fields.join(',') !== CSV_HEADER.join(',') || header.line !== 1) {
    return { ok: false, issues: [{ path: 'line 1', message: `The first line must be exactly: ${CSV_HEADER.join(',')}` }] }
  }
  if (body.length + broken.length > MAX_IMPORT_ROWS) return { ok: false, tooMany: true }

  const rows: ReadRow[] = []
  const issues: Issue[] = broken.map(line => ({ path: `line ${line}`, message: 'This row is not valid CSV: a quote is not closed, or a quote stands inside a field that does not start with one' }))
  const monthLabel = `${month.year}-${String(month.month).padStart(2, '0')}`
  for (const record of body) {
    const problems: string[] = []
    const fields = record.fields
    if (fields.length !== CSV_HEADER.length) {
      problems.push(`Expected 4 fields, found ${fields.length}`)
    }
    else {
      const [date, text, amountText, category] = fields as [string, string, string, string]
      if (!isoDate.safeParse(date).success) problems.push('date must be a real day as YYYY-MM-DD')
      else if (!anyDate && !isInMonth(date, month.year, month.month)) problems.push(`date must be a day of ${monthLabel}`)
      if (!description.safeParse(text).success) problems.push(`description must be at most ${MAX_DESCRIPTION} characters, without NUL or lone surrogates`)
      const amount = parseMajorAmount(amountText, decimals)
      if (amount === undefined) problems.push(`amount must be digits with at most ${decimals} decimal${decimals === 1 ? '' : 's'}, optionally negative (no symbols or grouping)`)
      else if (amount === 0 || Math.abs(amount) > MAX_MONEY) problems.push(`amount must not be zero, and at most ${formatMajorAmount(MAX_MONEY, decimals)} either way`)
      const categoryName = category === '' ? { success: true as const, data: '' } : nameSchema.safeParse(category)
      if (!categoryName.success) problems.push('category must be empty or a name of 1–100 characters')
      if (!problems.length) rows.push({ line: record.line, date, description: text, amount: amount!, categoryName: categoryName.data! })
    }
    if (problems.length) issues.push({ path: `line ${record.line}`, message: problems.join('; ') })
  }
  issues.sort((a, b) => lineOf(a) - lineOf(b))
  return issues.length ? { ok: false, issues } : { ok: true, rows }
}

const lineOf = (issue: Issue) => Number(issue.path.slice('line '.length))
