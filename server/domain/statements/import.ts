// POST /api/months/:id/import: a statement file sorted into the contract's
// four lists against the budget's transactions, and (unless a preview) its new
// lines created in one statement, all or nothing. The budget's imports take
// turns (a transaction-scoped advisory lock), so two imports of one file at
// once create each line once: the second finds the first's lines duplicates.
import type { Client, Db } from '../../utils/db'
import type { ImportAnswer, ImportType } from '#shared/schemas/imports'
import { currencyDecimals } from '#shared/utils/money'
import { invalidAll } from '../errors'
import type { Caller } from '../access'
import { dayOf, requireMonth } from '../months'
import { ruleOrder } from '../rules'
import { IMPORT_TIMEOUT_MS, MAX_IMPORT_ROWS, parseTransactionsCsv } from '../transactions-csv'
import { NOT_TEXT, parseStatement } from '.'
import { decodeStatement } from './decode'
import { unreadable, type StatementResult } from './lines'
import { DAY_MS, POSSIBLE_DUPLICATE_DAYS, sortLines, type Candidate, type IncomingLine } from './sort'

export interface ImportFile { type: ImportType, bytes: Uint8Array }

type ReadFile = { ok: true, lines: IncomingLine[] } | Exclude<StatementResult, { ok: true }>

function readFile(file: ImportFile, month: { year: number, month: number }, options: { decimals: number, currency: string }): ReadFile {
  if (file.type !== 'text/csv') return parseStatement(file.bytes, file.type, options)
  const text = decodeStatement(file.bytes)
  if (text === undefined) return unreadable(NOT_TEXT)
  const parsed = parseTransactionsCsv(text, month, options.decimals, { anyDate: true })
  if (!parsed.ok) return parsed
  return { ok: true, lines: parsed.rows.map(({ categoryName, ...row }) => ({ ...row, importId: null, categoryName })) }
}

// The budget's transactions the lines could repeat: by bank id, and by amount
// within a few days of the month (lines outside it are not matched). Two queries.
async function lookUp(db: Client, budgetId: string, month: { year: number, month: number }, lines: IncomingLine[]) {
  const importIds = [...new Set(lines.flatMap(line => line.importId ?? []))]
  const from = new Date(Date.UTC(month.year, month.month - 1, 1) - POSSIBLE_DUPLICATE_DAYS * DAY_MS)
  const to = new Date(Date.UTC(month.year, month.month, 0) + POSSIBLE_DUPLICATE_DAYS * DAY_MS)
  const [known, candidates] = await Promise.all([
    importIds.length ? db.transaction.findMany({ where: { importBudgetId: budgetId, importId: { in: importIds } }, select: { id: true, importId: true } }) : [],
    db.transaction.findMany({
      where: { month: { budgetId }, amount: { in: [...new Set(lines.map(line => line.amount))] }, date: { gte: from, lte: to } },
      select: { id: true, date: true, amount: true, importId: true, createdAt: true, seq: true },
    }),
  ])
  return {
    known: new Map(known.map(row => [row.importId!, row.id])),
    candidates: candidates.map(({ date, importId, ...row }): Candidate => ({ ...row, date: dayOf(date), imported: importId !== null })),
  }
}

export async function importStatement(db: Db, caller: Caller, monthId: string, file: ImportFile, options: { preview: boolean, includePossible: boolean }): Promise<ImportAnswer> {
  const month = await requireMonth(db, caller, monthId, 'editor')
  const currency = month.budget.currency
  const read = readFile(file, month, { decimals: currencyDecimals(currency), currency })
  if (!read.ok && read.tooMany) throw createError({ statusCode: 413, message: `A statement may hold at most ${MAX_IMPORT_ROWS} lines.` })
  if (!read.ok) throw invalidAll(read.issues)
  const lines: IncomingLine[] = read.lines

  const [rules, categories] = await Promise.all([
    db.rule.findMany({ where: { budgetId: month.budgetId }, select: { id: true, match: true, text: true, categoryName: true }, orderBy: [...ruleOrder] }),
    db.category.findMany({ where: { monthId: month.id }, select: { id: true, name: true } }),
  ])
  const sort = async (client: Client) => sortLines({ lines, month, rules, categories: new Map(categories.map(c => [c.name, c.id])), ...await lookUp(client, month.budgetId, month, lines) })

  if (options.preview) return { ...await sort(db), imported: 0 }
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`import:${month.budgetId}`}, 0))`
    const sorted = await sort(tx)
    const toCreate = [...sorted.new, ...options.includePossible ? sorted.possibleDuplicates : []].sort((a, b) => a.line - b.line)
    // One INSERT of arrays, in file order (seq follows it): a row per line through Prisma's
    // createMany would send 8 parameters a line, 40,000 for a full statement.
    const count = toCreate.length
      ? await tx.$executeRaw`
          INSERT INTO "Transaction" ("monthId", date, description, amount, "categoryId", "createdById", "importId", "importBudgetId")
          SELECT ${month.id}::uuid, line.date, line.description, line.amount, line."categoryId", ${caller.user.id}::uuid, line."importId",
            CASE WHEN line."importId" IS NULL THEN NULL ELSE ${month.budgetId}::uuid END
          FROM unnest(${toCreate.map(line => line.date)}::date[], ${toCreate.map(line => line.description)}::text[], ${toCreate.map(line => line.amount)}::int[],
            ${toCreate.map(line => line.categoryId)}::uuid[], ${toCreate.map(line => line.importId)}::text[]) WITH ORDINALITY AS line(date, description, amount, "categoryId", "importId", position)
          ORDER BY line.position`
      : 0
    return { ...sorted, imported: count }
  }, { timeout: IMPORT_TIMEOUT_MS })
}
