import { z } from 'zod'

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
