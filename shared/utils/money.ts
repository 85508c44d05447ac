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
