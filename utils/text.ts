// "1 transaction", "3 transactions"; nothing at all for none.
export function counted(count: number, singular: string, plural = `${singular}s`) {
  return count ? `${count} ${count === 1 ? singular : plural}` : ''
}

// The non-empty parts as an English list: "a, b, and c".
export function listed(parts: string[]) {
  return new Intl.ListFormat('en', { type: 'conjunction' }).format(parts.filter(Boolean))
}
