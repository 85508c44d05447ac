import { IMPORT_TYPES, type ImportLine, type ImportType } from '#shared/schemas/imports'
import type { Transaction } from '#shared/schemas/months'

const BY_EXTENSION: Record<string, ImportType> = {
  ofx: 'application/x-ofx',
  qfx: 'application/vnd.intu.qfx',
  qif: 'application/qif',
  xml: 'application/xml',
  csv: 'text/csv',
}

// The type a statement file is sent as: by its name's extension (browsers
// rarely know these files' types), else the type the browser gave, if the API takes it.
export function statementTypeOf(name: string, type: string): ImportType | undefined {
  const byName = BY_EXTENSION[name.split('.').pop()?.toLowerCase() ?? '']
  if (byName) return byName
  return (IMPORT_TYPES as readonly string[]).includes(type) ? type as ImportType : undefined
}

// The transaction each imported line became: the one with its bank id, else
// (a file without bank ids) one of the same day, amount and text that had no
// bank id either, the newest first, each taken once.
export function transactionsOfLines(lines: ImportLine[], transactions: Transaction[]): Map<number, Transaction> {
  const found = new Map<number, Transaction>()
  const taken = new Set<string>()
  const newestFirst = [...transactions].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))
  for (const line of lines) {
    const match = line.importId
      ? transactions.find(t => t.importId === line.importId)
      : newestFirst.find(t => !taken.has(t.id) && t.importId === null && t.date === line.date && t.amount === line.amount && t.description === line.description)
    if (!match) continue
    taken.add(match.id)
    found.set(line.line, match)
  }
  return found
}
