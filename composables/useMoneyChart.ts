import { useIntersectionObserver, useMediaQuery } from '@vueuse/core'

// What the money charts share. A chart plots numbers, so amounts become major
// units (`toChart`) only for drawing; the axis shows rounded amounts in the
// user's currency (`axisLabel`), each bar's title and `ChartDataTable` exact ones.
// Below Tailwind's `sm` breakpoint the bars run across (`narrow`), one label per
// line: upright bars there would squeeze or cut off their labels.
// The bars (chartist, in <LazyBarChart>) are drawn once the chart comes near the
// viewport (`seen`): a chart further down the page does not load with it.
export function useMoneyChart(root: MaybeRefOrGetter<HTMLElement | null>, rowCount: () => number, { stacked = false, uprightHeight = '16rem' } = {}) {
  const { user } = useAuth()
  const { currency } = useBudgets()
  const scale = computed(() => 10 ** currencyDecimals(currency.value))
  const toChart = (minor: number) => minor / scale.value
  const axisAmount = computed(() => new Intl.NumberFormat(user.value?.locale ?? 'en-US', { style: 'currency', currency: currency.value, notation: 'compact' }))
  const axisLabel = (value: number) => axisAmount.value.format(value)

  const narrow = useMediaQuery('(max-width: 639px)')

  // Across, each label needs room for its bars (one when stacked).
  const rowHeight = stacked ? 1.75 : 2.75
  const height = computed(() => narrow.value ? `${Math.max(16, 4 + rowCount() * rowHeight)}rem` : uprightHeight)
  const seen = ref(false)
  const { stop } = useIntersectionObserver(root, (entries) => {
    if (!entries.some(entry => entry.isIntersecting)) return
    seen.value = true
    stop()
  }, { rootMargin: '200px' })
  return { toChart, axisLabel, narrow, height, seen }
}
