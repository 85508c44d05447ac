import { describe, expect, it } from 'vitest'
import { formatMoneyInput, parseMoney } from '../../shared/utils/money'

const read = (text: string, locale = 'en-US', decimals = 2, allowNegative = false) => parseMoney(text, { decimals, locale, allowNegative })
const value = (text: string, locale?: string, decimals?: number, allowNegative?: boolean) => {
  const reading = read(text, locale, decimals, allowNegative)
  return reading.ok ? reading.value : `refused: ${reading.message}`
}

describe('parseMoney: what a person types, by their locale', () => {
  it('reads each locale\'s own way of writing 1,234.50', () => {
    expect(value('1,234.50')).toBe(123450)
    expect(value('1.234,50', 'de-DE')).toBe(123450)
    expect(value('1 234,50', 'fr-FR')).toBe(123450)
    expect(value('1\u202F234,50', 'fr-FR')).toBe(123450)
    expect(value('1\'234.50', 'de-CH')).toBe(123450)
    expect(value('12,34,567.50', 'en-IN')).toBe(123456750)
    expect(value('12,50', 'de-DE')).toBe(1250)
    expect(value('12.5')).toBe(1250)
    expect(value('.5')).toBe(50)
    expect(value('12.')).toBe(1200)
    expect(value('$ 80')).toBe(8000)
    expect(value('80 €', 'de-DE')).toBe(8000)
    expect(value('+3')).toBe(300)
  })

  it('is empty as null', () => {
    expect(value('')).toBeNull()
    expect(value('   ')).toBeNull()
  })

  it('refuses what can be read two ways, naming the locale\'s decimal point', () => {
    expect(read('12,50')).toEqual({ ok: false, message: 'Unclear amount: write decimals with “.”, like 1,234.50' })
    expect(read('12.50', 'de-DE')).toEqual({ ok: false, message: 'Unclear amount: write decimals with “,”, like 1.234,50' })
    expect(value('1,2345')).toMatch(/^refused: Unclear/)
    expect(value('1234,567')).toMatch(/^refused: Unclear/)
    // A separator the locale does not use at all.
    expect(read('12.50', 'fr-FR')).toEqual({ ok: false, message: 'Unclear amount: write decimals with “,”, like 1\u202F234,50' })
    expect(value('12,50', 'de-CH')).toMatch(/^refused: Unclear amount: write decimals with “\.”/)
  })

  it('refuses what is not an amount', () => {
    for (const text of ['abc', '12x', '1e3', '1.2.3', '--5', '-', '.', '1,,234', '١٢']) expect(value(text), text).toMatch(/^refused: Not an amount: type it like 1,234.50$/)
  })

  it('keeps to the currency\'s decimals: none for JPY, three for BHD', () => {
    expect(value('1,234', 'en-US', 0)).toBe(1234)
    expect(value('980.', 'en-US', 0)).toBe('refused: Whole amounts only, like 1,234')
    expect(value('9.5', 'en-US', 0)).toBe('refused: Whole amounts only, like 1,234')
    expect(value('1.234', 'en-US', 3)).toBe(1234)
    expect(value('1.2345', 'en-US', 3)).toBe('refused: At most 3 decimals, like 123.450')
    expect(value('12.345')).toBe('refused: At most 2 decimals, like 1,234.50')
  })

  it('refuses negatives unless allowed, and anything past 1e9 minor units', () => {
    expect(value('-5')).toBe('refused: Must not be negative')
    expect(value('-5', 'en-US', 2, true)).toBe(-500)
    expect(value('−5', 'en-US', 2, true)).toBe(-500)
    expect(value('10,000,000.00')).toBe(1_000_000_000)
    expect(value('-10000000', 'en-US', 2, true)).toBe(-1_000_000_000)
    expect(value('10000000.01')).toBe('refused: At most 10,000,000.00')
    expect(value('99999999999')).toBe('refused: At most 10,000,000.00')
    expect(value('99999999999999999999999')).toBe('refused: At most 10,000,000.00')
    expect(value('1000000001', 'en-US', 0)).toBe('refused: At most 1,000,000,000')
  })
})

describe('formatMoneyInput', () => {
  it('writes minor units as the locale does, without floats', () => {
    expect(formatMoneyInput(123450, 2, 'en-US')).toBe('1,234.50')
    expect(formatMoneyInput(123450, 2, 'de-DE')).toBe('1.234,50')
    expect(formatMoneyInput(123450, 2, 'fr-FR')).toBe('1\u202F234,50')
    expect(formatMoneyInput(-5, 2, 'en-US')).toBe('-0.05')
    expect(formatMoneyInput(1_000_000_000, 0, 'en-US')).toBe('1,000,000,000')
    expect(formatMoneyInput(7, 3, 'en-US')).toBe('0.007')
    expect(formatMoneyInput(0, 2, 'de-DE')).toBe('0,00')
  })

  it('reads back exactly what it writes', () => {
    for (const locale of ['en-US', 'de-DE', 'fr-FR', 'de-CH', 'en-IN', 'ja-JP']) {
      for (const decimals of [0, 2, 3]) {
        for (const minor of [0, 1, 99, 100, 123456, -987654321, 1_000_000_000, -1_000_000_000]) {
          expect(value(formatMoneyInput(minor, decimals, locale), locale, decimals, true), `${minor} ${decimals} ${locale}`).toBe(minor)
        }
      }
    }
  })
})
