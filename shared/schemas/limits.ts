// The limits the schemas enforce that the pages show or check, as plain values:
// a page imports them from here, so zod stays out of the browser's bundle.
export const MAX_SORT_ORDER = 1_000_000_000

export const MIN_YEAR = 2000
export const MAX_YEAR = 2100
export const isYear = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= MIN_YEAR && (value as number) <= MAX_YEAR

export const MIN_SPLITS = 2
export const MAX_SPLITS = 50

export const MIN_PASSWORD_LENGTH = 10

export const ROLES = ['owner', 'editor', 'viewer'] as const
export const INVITE_ROLES = ['editor', 'viewer'] as const
export const INVITE_DAYS = { min: 1, max: 30, default: 7 } as const

export const MAX_PERCENT_BASIS_POINTS = 10_000

// Reports count months as year * 12 + month - 1, from 2000-01 to 2100-12; a
// default range is 12 months, one asked for at most 36.
export const REPORT_MONTHS = 12
export const MAX_REPORT_MONTHS = 36
export const monthIndex = (year: number, month: number) => year * 12 + month - 1
export const FIRST_MONTH = monthIndex(MIN_YEAR, 1)
export const LAST_MONTH = monthIndex(MAX_YEAR, 12)
