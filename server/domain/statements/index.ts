// A bank statement file, read by the reader for its content type, in the
// budget's currency. CSV is not here: it keeps the version 1 CSV rules
// (transactions-csv.ts).
import { parseCamt } from './camt'
import { decodeStatement } from './decode'
import { unreadable, type StatementResult } from './lines'
import { parseOfx } from './ofx'
import { parseQif } from './qif'

const READERS = {
  'application/x-ofx': parseOfx,
  'application/vnd.intu.qfx': parseOfx,
  'application/qif': (text: string, { decimals }: { decimals: number }) => parseQif(text, decimals),
  'application/xml': parseCamt,
  'text/xml': parseCamt,
} satisfies Record<string, (text: string, options: { decimals: number, currency: string }) => StatementResult>

export type StatementType = keyof typeof READERS

export const NOT_TEXT = 'The file is not text in the encoding it declares (UTF-8 unless it says otherwise)'

export function parseStatement(bytes: Uint8Array, type: StatementType, options: { decimals: number, currency: string }): StatementResult {
  const text = decodeStatement(bytes)
  if (text === undefined) return unreadable(NOT_TEXT)
  return READERS[type](text, options)
}
