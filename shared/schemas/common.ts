import { z } from 'zod'
import { MAX_SORT_ORDER, MAX_YEAR, MIN_YEAR } from './limits'

export const MAX_MONEY = 1_000_000_000

// Text holding a NUL or a lone surrogate cannot be stored faithfully.
function isStorableText(value: string): boolean {
  return !value.includes('\u0000') && value.isWellFormed()
}

export const text = (max: number) => z.string().max(max).refine(isStorableText, 'Must not contain NUL characters or lone surrogates')

export const name = z.string().trim().min(1, 'Must not be empty').max(100).refine(isStorableText, 'Must not contain NUL characters or lone surrogates')

export const money = z.number().int('Must be a whole number of minor units').min(-MAX_MONEY).max(MAX_MONEY)

export const currency = z.string().regex(/^[A-Z]{3}$/, 'Must be a three-letter ISO 4217 code')
  .refine(code => Intl.supportedValuesOf('currency').includes(code), 'Unknown currency code')

export const locale = z.string().min(2).max(35).refine((tag) => {
  try {
    return Intl.getCanonicalLocales(tag).length === 1
  }
  catch {
    return false
  }
}, 'Must be a well-formed BCP 47 language tag')

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export const nonNegativeMoney = money.min(0, 'Must not be negative')

export const sortOrder = z.number().int().min(-MAX_SORT_ORDER).max(MAX_SORT_ORDER)

export const version = z.number().int().min(1)

// A record id given in a body: any string; one that names nothing answers 404 or 400 later.
export const recordId = z.string().max(100)

const YEAR_RANGE = `Must be a year from ${MIN_YEAR} to ${MAX_YEAR}`
export const year = z.number({ error: YEAR_RANGE }).int(YEAR_RANGE).min(MIN_YEAR, YEAR_RANGE).max(MAX_YEAR, YEAR_RANGE)
export const monthNumber = z.number().int().min(1).max(12)

// A real calendar day as YYYY-MM-DD.
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Must be a date as YYYY-MM-DD').refine((value) => {
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}, 'Must be a real calendar day')

// A PATCH must name at least one field besides version.
export function changesSomething(body: Record<string, unknown>) {
  return Object.keys(body).some(key => key !== 'version')
}
export const EMPTY_PATCH = 'Name at least one field to change'

// One problem with a request, as answered in data.issues.
export interface Issue { path: string, message: string }
