// Integer minor units to a localized string. The division happens only here,
// for display; amounts are never stored or summed as floats.
export function currencyDecimals(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
}

export function formatMoney(minor: number, currency: string, locale: string): string {
  const decimals = currencyDecimals(currency)
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(minor / 10 ** decimals)
}
