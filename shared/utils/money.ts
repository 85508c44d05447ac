// Money is an integer of minor units everywhere. These convert to and from the
// decimal text people read and type, by string arithmetic: no float touches an
// amount, except the one division Intl needs to display it.

export function currencyDecimals(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
}

export function formatMoney(minor: number, currency: string, locale: string): string {
  const decimals = currencyDecimals(currency)
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(minor / 10 ** decimals)
}

// 1234 with 2 decimals -> "12.34"; -500 -> "-5.00"; 980 with 0 -> "980".
export function formatMajorAmount(minor: number, decimals: number): string {
  const sign = minor < 0 ? '-' : ''
  const digits = String(Math.abs(minor)).padStart(decimals + 1, '0')
  if (decimals === 0) return sign + digits
  return `${sign}${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`
}

// "12.34" -> 1234, "-5" -> -500, "0.07" -> 7; undefined when the text is not an
// optional "-", digits, and at most `decimals` fraction digits.
export function parseMajorAmount(text: string, decimals: number): number | undefined {
  const match = /^(-?)(\d+)(?:\.(\d*))?$/.exec(text)
  if (!match) return undefined
  const [, sign, whole, fraction = ''] = match
  if (fraction.length > decimals || (decimals === 0 && text.includes('.'))) return undefined
  const minor = BigInt(whole! + fraction.padEnd(decimals, '0')) * BigInt(sign ? -1 : 1)
  if (minor > BigInt(Number.MAX_SAFE_INTEGER) || minor < -BigInt(Number.MAX_SAFE_INTEGER)) return undefined
  return Number(minor)
}

export interface MoneyInputOptions {
  decimals: number
  locale: string
  allowNegative?: boolean
}

export type MoneyParse = { ok: true, value: number | null } | { ok: false, message: string }

const MAX_AMOUNT = 1_000_000_000

// The locale's decimal point and thousands separator, in Latin digits' terms;
// asked of Intl once per locale (every keystroke and every grid cell needs them).
const separatorsOf = new Map<string, { decimal: string, group: string }>()
function separators(locale: string): { decimal: string, group: string } {
  let found = separatorsOf.get(locale)
  if (!found) {
    const parts = new Intl.NumberFormat(locale, { numberingSystem: 'latn' }).formatToParts(1234567.5)
    found = { decimal: parts.find(part => part.type === 'decimal')?.value ?? '.', group: parts.find(part => part.type === 'group')?.value ?? ',' }
    separatorsOf.set(locale, found)
  }
  return found
}

// 123450 -> "1,234.50" (en-US), "1.234,50" (de-DE), "1 234,50" (fr-FR): what a
// money field shows, by string arithmetic.
export function formatMoneyInput(minor: number, decimals: number, locale: string): string {
  const { decimal, group } = separators(locale)
  const [whole, fraction] = formatMajorAmount(minor, decimals).split('.')
  const sign = whole!.startsWith('-') ? '-' : ''
  const digits = whole!.replace('-', '')
  const grouped = digits.replace(/\B(?=(\d{3})+$)/g, group)
  return `${sign}${grouped}${fraction === undefined ? '' : decimal + fraction}`
}

const isSpace = (text: string) => /^\s$/u.test(text)

// What a person types into a money field, read by their locale's rules: the
// locale's decimal point, its thousands separator (or spaces) between groups of
// three, an optional sign and currency symbol. Anything that cannot be read one
// way only ("12,50" in en-US, "12.50" in de-DE) is refused with a message,
// never guessed. Empty text is `null`.
export function parseMoney(text: string, options: MoneyInputOptions): MoneyParse {
  const { decimals, locale } = options
  const { decimal, group } = separators(locale)
  const example = () => formatMoneyInput(decimals ? 123450 : 1234, decimals, locale)
  let rest = text.replace(/\p{Sc}/gu, '').trim()
  if (rest === '') return { ok: true, value: null }
  let negative = false
  if (/^[-−+]/.test(rest)) {
    negative = rest[0] !== '+'
    rest = rest.slice(1).trim()
  }
  const decimalAt = rest.lastIndexOf(decimal)
  const [wholeText, fraction] = decimalAt < 0 ? [rest, ''] : [rest.slice(0, decimalAt), rest.slice(decimalAt + 1)]
  const groups = wholeText.split(isSpace(group) ? /\s/u : new RegExp(`[\\s${group.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}]`, 'u'))
  // ".5" and "12." are read as 0.5 and 12 where the currency has decimals.
  const wholeReadable = groups.every(part => /^\d+$/.test(part)) || (groups.length === 1 && groups[0] === '' && fraction !== '')
  const readable = wholeReadable && /^\d*$/.test(fraction)
  const unclear = (): MoneyParse => ({ ok: false, message: `Unclear amount: write decimals with “${decimal}”, like ${example()}` })
  if (!readable) {
    // "12.50" in fr-FR, "12,50" in de-CH: a number, with a separator this locale does not use.
    const foreign = ['.', ','].filter(mark => mark !== decimal && mark !== group)
    if (/^[\d\s.,']+$/u.test(rest) && foreign.some(mark => rest.includes(mark))) return unclear()
    return { ok: false, message: `Not an amount: type it like ${example()}` }
  }
  // Groups of three after the first (Indian grouping has twos before the last three).
  if (groups.length > 1 && (groups[0]!.length > 3 || groups.at(-1)!.length !== 3 || groups.slice(1, -1).some(part => part.length < 2 || part.length > 3))) return unclear()
  if (fraction.length > decimals || (decimalAt >= 0 && decimals === 0)) {
    return { ok: false, message: decimals ? `At most ${decimals} decimal${decimals === 1 ? '' : 's'}, like ${example()}` : `Whole amounts only, like ${example()}` }
  }
  const minor = BigInt(`0${groups.join('')}${fraction.padEnd(decimals, '0')}`) * (negative ? -1n : 1n)
  if (minor < 0n && !options.allowNegative) return { ok: false, message: 'Must not be negative' }
  if (minor > BigInt(MAX_AMOUNT) || minor < -BigInt(MAX_AMOUNT)) {
    return { ok: false, message: `At most ${formatMoneyInput(MAX_AMOUNT, decimals, locale)}` }
  }
  return { ok: true, value: Number(minor) }
}
