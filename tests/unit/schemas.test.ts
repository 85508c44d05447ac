import { describe, expect, it } from 'vitest'
import { currency, locale, money, name, text } from '#shared/schemas/common'
import { profileBody, registerBody } from '#shared/schemas/auth'
import { currencyDecimals, formatMajorAmount, formatMoney, parseMajorAmount } from '../../shared/utils/money'

describe('common schemas', () => {
  it('money is an integer of minor units within ±1e9', () => {
    expect(money.safeParse(1234).success).toBe(true)
    expect(money.safeParse(-1_000_000_000).success).toBe(true)
    for (const bad of [12.5, 1_000_000_001, '12', Number.NaN, Infinity, null]) expect(money.safeParse(bad).success).toBe(false)
  })

  it('names are trimmed and 1–100 characters', () => {
    expect(name.parse('  Rent  ')).toBe('Rent')
    expect(name.safeParse(' ').success).toBe(false)
    expect(name.safeParse('x'.repeat(101)).success).toBe(false)
    expect(name.parse('x'.repeat(100))).toHaveLength(100)
  })

  it('text refuses NUL and lone surrogates but keeps everything else as sent', () => {
    expect(text(200).parse('<b>café & 😀</b>')).toBe('<b>café & 😀</b>')
    expect(text(200).safeParse('a\u0000b').success).toBe(false)
    expect(text(200).safeParse('a\uD800b').success).toBe(false)
  })

  it('currency is a known ISO 4217 code; locale a well-formed BCP 47 tag', () => {
    expect(currency.safeParse('JPY').success).toBe(true)
    expect(currency.safeParse('jpy').success).toBe(false)
    expect(currency.safeParse('ABC').success).toBe(false)
    expect(locale.safeParse('de-CH').success).toBe(true)
    expect(locale.safeParse('zh-Hant-TW').success).toBe(true)
    expect(locale.safeParse('not a tag').success).toBe(false)
  })
})

describe('auth bodies', () => {
  it('refuses unknown fields and empty profile patches', () => {
    expect(registerBody.safeParse({ email: 'a@b.co', password: '0123456789', role: 'admin' }).success).toBe(false)
    expect(profileBody.safeParse({}).success).toBe(false)
    expect(profileBody.safeParse({ name: null }).success).toBe(true)
  })
})

describe('formatMoney', () => {
  it('formats minor units with the currency decimals and the locale', () => {
    expect(formatMoney(123456, 'USD', 'en-US')).toBe('$1,234.56')
    expect(formatMoney(-500, 'USD', 'en-US')).toBe('-$5.00')
    expect(formatMoney(980, 'JPY', 'ja-JP')).toMatch(/980/)
    expect(currencyDecimals('JPY')).toBe(0)
    expect(currencyDecimals('KWD')).toBe(3)
  })
})

describe('major-unit amounts', () => {
  it('formats minor units with exactly the currency decimals', () => {
    expect(formatMajorAmount(1234, 2)).toBe('12.34')
    expect(formatMajorAmount(-500, 2)).toBe('-5.00')
    expect(formatMajorAmount(7, 2)).toBe('0.07')
    expect(formatMajorAmount(980, 0)).toBe('980')
    expect(formatMajorAmount(-1, 3)).toBe('-0.001')
    expect(formatMajorAmount(1_000_000_000, 2)).toBe('10000000.00')
  })

  it('parses without floating point, refusing anything but -digits[.digits]', () => {
    expect(parseMajorAmount('12.34', 2)).toBe(1234)
    expect(parseMajorAmount('-5', 2)).toBe(-500)
    expect(parseMajorAmount('0.07', 2)).toBe(7)
    expect(parseMajorAmount('0.1', 2)).toBe(10)
    expect(parseMajorAmount('980', 0)).toBe(980)
    expect(parseMajorAmount('19.99', 2)).toBe(1999)
    expect(parseMajorAmount('1.005', 3)).toBe(1005)
    for (const bad of ['12.345', '1,000', '1e3', '+5', '$5', ' 5', '', '-', '.5', '980.0']) {
      expect(parseMajorAmount(bad, bad === '980.0' ? 0 : 2), bad).toBeUndefined()
    }
  })

  it('round-trips every amount exactly', () => {
    for (const minor of [0, 1, -1, 99, 100, 12345, -1_000_000_000, 1_000_000_000]) {
      for (const decimals of [0, 2, 3]) expect(parseMajorAmount(formatMajorAmount(minor, decimals), decimals)).toBe(minor)
    }
  })
})
