import type { SpendingReport } from '#shared/schemas/reports'

// Series colors that read on light and dark backgrounds alike, and a grey for
// "Other" (everything past the largest categories).
const SERIES_COLORS = ['#0ea5e9', '#10b981', '#f59e0b', '#f43f5e', '#8b5cf6', '#14b8a6', '#f97316', '#d946ef']
const OTHER_COLOR = '#94a3b8'
export const LARGEST_CATEGORIES = SERIES_COLORS.length

// The two charts of a spending report: spending by category, stacked (the 8
// largest and Other), and income against spending, month by month.
export function useSpendingCharts(report: () => SpendingReport | null | undefined) {
  const { user } = useAuth()
  const monthFormat = computed(() => new Intl.DateTimeFormat(user.value?.locale ?? 'en-US', { month: 'short', year: '2-digit', timeZone: 'UTC' }))
  const labels = computed(() => (report()?.months ?? []).map(month => monthFormat.value.format(new Date(`${month}-01T00:00:00Z`))))
  const byCategory = computed(() => {
    const shown = report()
    return shown
      ? largestCategories(shown, LARGEST_CATEGORIES).map((series, i) => ({ label: series.name, values: series.spent, color: series.other ? OTHER_COLOR : SERIES_COLORS[i]! }))
      : []
  })
  const incomeAndSpending = computed(() => {
    const shown = report()
    return shown ? [{ label: 'Income', values: shown.income, color: '#059669' }, { label: 'Spent (fixed payments aside)', values: shown.totalSpent, color: '#64748b' }] : []
  })
  return { labels, byCategory, incomeAndSpending }
}
