// What every statement format reads into, and the rules the contract states
// once for all of them ("Statement import and rules"): descriptions, bank
// amounts, dates, the limits. Plain functions, no I/O.
import { MAX_MONEY, isoDate, type Issue } from '#shared/schemas/common'
import { MAX_DESCRIPTION } from '#shared/schemas/months'

// A statement line: the text line of the file where its record starts, the
// day, what it spent (money out > 0, minor units) and the bank's id for it.
export interface StatementLine { line: number, date: string, description: string, amount: number, importId: string | null }

// A statement's readable lines, with `read` counting every record (ignored ones
// too); or why the file is refused: `body` for a file that is not its type,
// `line N` for a bad record, or too many records.
export type StatementResult
  = | { ok: true, lines: StatementLine[], read: number }
    | { ok: false, tooMany: true }
    | { ok: false, tooMany?: false, issues: Issue[] }

export const unreadable = (message: string): StatementResult => ({ ok: false, issues: [{ path: 'body', message }] })
export const badLine = (line: number, message: string): StatementResult => ({ ok: false, issues: [{ path: `line ${line}`, message }] })

// Parts joined by a space (a part repeating the one before dropped), runs of
// whitespace (and control characters, which text cannot store) made one
// space, trimmed, cut to the stored length.
export function joinDescription(parts: (string | undefined)[]): string {
  const kept: string[] = []
  for (const part of parts) {
    const clean = (part ?? '').replace(/[\s\p{Cc}]+/gu, ' ').trim()
    if (clean && clean !== kept.at(-1)) kept.push(clean)
  }
  return [...kept.join(' ')].slice(0, MAX_DESCRIPTION).join('')
}

// A bank's decimal amount in minor units: an optional sign, digits, a point and
// any decimals, those past the currency's own only zeros ("-12.300" in USD).
// Undefined when it is not that, or beyond any transaction's amount.
export function bankAmount(text: string, decimals: number): number | undefined {
  const match = /^([+-]?)(\d+)(?:\.(\d*))?$/.exec(text.trim())
  if (!match) return undefined
  const [, sign, whole, fraction = ''] = match
  if (/[^0]/.test(fraction.slice(decimals))) return undefined
  const minor = BigInt(whole! + fraction.slice(0, decimals).padEnd(decimals, '0'))
  if (minor > BigInt(MAX_MONEY)) return undefined
  return Number(minor) * (sign === '-' ? -1 : 1)
}

// A line's bank id: the statement's account and the bank's id for the line,
// when it has both. Stored and indexed, so of a sane length.
export const MAX_BANK_ID = 255
export function bankIdOf(account: string | undefined, reference: string | undefined): string | null | undefined {
  if (!account || !reference) return null
  const id = `${account}:${reference}`
  return id.length <= MAX_BANK_ID ? id : undefined
}
export const BANK_ID_MESSAGE = `The account and the line's id must be at most ${MAX_BANK_ID} characters together`

export const AMOUNT_MESSAGE = (decimals: number) => `amount must be a number with at most ${decimals} decimal${decimals === 1 ? '' : 's'} (more only if zeros), not above the largest transaction`

// "20261103" or "20261103120000[-5:EST]" -> "2026-11-03"; undefined unless a real day.
export function compactDate(text: string): string | undefined {
  const match = /^\s*(\d{4})(\d{2})(\d{2})/.exec(text)
  return match ? realDay(`${match[1]}-${match[2]}-${match[3]}`) : undefined
}

export function realDay(day: string): string | undefined {
  return isoDate.safeParse(day).success ? day : undefined
}

// The 1-based line of an offset in `text`, for offsets asked in increasing order.
export function lineCounter(text: string) {
  let offset = 0
  let line = 1
  return (to: number) => {
    for (; offset < to; offset++) if (text.charCodeAt(offset) === 10) line++
    return line
  }
}
