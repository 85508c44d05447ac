import { z } from 'zod'

const flag = z.enum(['true', 'false'], { error: 'Must be true or false' }).optional().transform(value => value === 'true')

// POST /api/months/:id/import?preview=&includePossible= (each at most once).
export const importQuery = z.object({ preview: flag, includePossible: flag })

// The types a statement may be sent as (a charset parameter allowed).
export const IMPORT_TYPES = ['application/x-ofx', 'application/vnd.intu.qfx', 'application/qif', 'application/xml', 'text/xml', 'text/csv'] as const
export type ImportType = typeof IMPORT_TYPES[number]

export interface ImportLine {
  line: number
  date: string
  description: string
  amount: number
  importId: string | null
  categoryId: string | null
  rule: string | null
  // Only in the two duplicate lists: the matched transaction, null for a repeat in the file.
  duplicateOf?: string | null
}

export interface ImportAnswer { new: ImportLine[], duplicates: ImportLine[], possibleDuplicates: ImportLine[], outside: ImportLine[], imported: number }
