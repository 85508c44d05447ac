// Which of the four lists each line of a statement goes into, and the category
// a rule guesses for it: the contract's rules as one plain function over what
// the database answered (no I/O).
import type { ImportAnswer } from '#shared/schemas/imports'
import type { RuleMatch } from '#shared/schemas/rules'
import { isInMonth } from '#shared/utils/month-rules'
import type { StatementLine } from './lines'

// A CSV row's category name rides along; bank lines have none.
export type IncomingLine = StatementLine & { categoryName?: string }

export type SortedLines = Omit<ImportAnswer, 'imported'>

// A transaction of the budget a line might repeat: `imported` when it has a bank id.
export interface Candidate { id: string, date: string, amount: number, imported: boolean, createdAt: Date, seq: bigint }

export interface RuleLike { id: string, match: RuleMatch, text: string, categoryName: string }

const MATCHES: Record<RuleMatch, (description: string, text: string) => boolean> = {
  contains: (description, text) => description.includes(text),
  equals: (description, text) => description === text,
  startsWith: (description, text) => description.startsWith(text),
}

export const DAY_MS = 24 * 60 * 60 * 1000
const daysApart = (a: string, b: string) => Math.abs(Date.parse(a) - Date.parse(b)) / DAY_MS
export const POSSIBLE_DUPLICATE_DAYS = 3

// The category a line gets: a CSV category the month has (no rule), else the
// first rule (in the order given) whose text matches the description, both
// lower-cased, naming the month's category of exactly that name, or none.
function guess(line: IncomingLine, rules: RuleLike[], categories: Map<string, string>): { categoryId: string | null, rule: string | null } {
  const named = line.categoryName ? categories.get(line.categoryName) : undefined
  if (named) return { categoryId: named, rule: null }
  const description = line.description.toLowerCase()
  const rule = rules.find(r => MATCHES[r.match](description, r.text.toLowerCase()))
  return rule ? { categoryId: categories.get(rule.categoryName) ?? null, rule: rule.id } : { categoryId: null, rule: null }
}

// Each line, in file order, into the first list it fits: outside the month;
// a duplicate (its bank id already the budget's, `known` by id, or an earlier
// line's); a possible duplicate (a candidate of the same amount within three
// days not matched by an earlier line, the nearest in date then the oldest
// created; a line with a bank id only matches one without); else new.
export function sortLines(input: {
  lines: IncomingLine[]
  month: { year: number, month: number }
  known: Map<string, string>
  candidates: Candidate[]
  rules: RuleLike[]
  categories: Map<string, string>
}): SortedLines {
  const sorted: SortedLines = { new: [], duplicates: [], possibleDuplicates: [], outside: [] }
  const seen = new Set<string>()
  const matched = new Set<string>(input.known.values())
  // Of each amount, oldest created first: the first nearest one found is the one to take.
  const byAmount = new Map<number, Candidate[]>()
  for (const candidate of [...input.candidates].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || Number(a.seq - b.seq))) {
    const same = byAmount.get(candidate.amount)
    if (same) same.push(candidate)
    else byAmount.set(candidate.amount, [candidate])
  }
  for (const incoming of input.lines) {
    const { line, date, description, amount, importId } = incoming
    const base = { line, date, description, amount, importId }
    if (!isInMonth(date, input.month.year, input.month.month)) {
      sorted.outside.push({ ...base, categoryId: null, rule: null })
      continue
    }
    if (importId !== null && (input.known.has(importId) || seen.has(importId))) {
      sorted.duplicates.push({ ...base, categoryId: null, rule: null, duplicateOf: input.known.get(importId) ?? null })
      continue
    }
    if (importId !== null) seen.add(importId)
    let match: Candidate | undefined
    for (const candidate of byAmount.get(amount) ?? []) {
      if (matched.has(candidate.id) || (importId !== null && candidate.imported)) continue
      const apart = daysApart(candidate.date, date)
      if (apart <= POSSIBLE_DUPLICATE_DAYS && (!match || apart < daysApart(match.date, date))) match = candidate
    }
    const category = guess(incoming, input.rules, input.categories)
    if (match) {
      matched.add(match.id)
      sorted.possibleDuplicates.push({ ...base, ...category, duplicateOf: match.id })
    }
    else {
      sorted.new.push({ ...base, ...category })
    }
  }
  return sorted
}
