import { z } from 'zod'
import { EMPTY_PATCH, changesSomething, currency, locale, name } from './common'
import { MIN_PASSWORD_LENGTH } from './limits'

export const email = z.email('Must be a valid email address').max(254)

export const registerBody = z.strictObject({
  email,
  password: z.string().min(MIN_PASSWORD_LENGTH, `Must be at least ${MIN_PASSWORD_LENGTH} characters`).max(1000),
  name: name.nullable().optional(),
})

export const loginBody = z.strictObject({
  email,
  password: z.string().min(1).max(1000),
})

export const profileBody = z.strictObject({
  name: name.nullable().optional(),
  currency: currency.optional(),
  locale: locale.optional(),
}).refine(changesSomething, EMPTY_PATCH)

export type RegisterBody = z.infer<typeof registerBody>
export type ProfileBody = z.infer<typeof profileBody>

export interface User {
  id: string
  email: string
  name: string | null
  currency: string
  locale: string
}
