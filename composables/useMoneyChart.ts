import { useIntersectionObserver } from '@vueuse/core'

// Chart.js options for bar charts of money. Chart.js plots numbers, so amounts
// become major units (`toChart`) only for drawing; the axis shows rounded
// amounts in the user's currency, the tooltips and `ChartDataTable` exact ones.
// Below Tailwind's `sm` breakpoint the bars run across, one label per line:
// upright bars there would rotate, skip or cut off their labels. Text and grid
// lines follow the light or dark color mode (a canvas does not inherit CSS).
// The bars (chart.js, in <LazyBarChart>) are drawn once the chart comes near the
// viewport (`seen`): a chart further down the page does not load with it.
export function useMoneyChart(root: MaybeRefOrGetter<HTMLElement | null>, exact: (datasetIndex: number, dataIndex: number) => number, rowCount: () => number, { stacked = false, uprightHeight = '16rem' } = {}) {
  const money = useMoney()
  const { user } = useAuth()
  const { currency } = useBudgets()
  const colorMode = useColorMode()
  const scale = computed(() => 10 ** currencyDecimals(currency.value))
  const toChart = (minor: number) => minor / scale.value
  const axisAmount = computed(() => new Intl.NumberFormat(user.value?.locale ?? 'en-US', { style: 'currency', currency: currency.value, notation: 'compact' }))

  const narrowQuery = window.matchMedia('(max-width: 639px)')
  const narrow = ref(narrowQuery.matches)
  const followQuery = (event: MediaQueryListEvent) => narrow.value = event.matches
  narrowQuery.addEventListener('change', followQuery)
  onBeforeUnmount(() => narrowQuery.removeEventListener('change', followQuery))

  const options = computed(() => {
    const dark = colorMode.value === 'dark'
    const text = dark ? '#cbd5e1' : '#475569'
    const grid = { color: dark ? 'rgba(148, 163, 184, 0.2)' : 'rgba(100, 116, 139, 0.15)' }
    const amounts: 'x' | 'y' = narrow.value ? 'x' : 'y'
    const labels: 'x' | 'y' = narrow.value ? 'y' : 'x'
    return {
      indexAxis: labels,
      responsive: true,
      maintainAspectRatio: false,
      animation: false as const,
      color: text,
      plugins: {
        legend: { position: 'bottom' as const, labels: { color: text } },
        tooltip: { callbacks: { label: (item: { datasetIndex: number, dataIndex: number, dataset: { label?: string } }) => `${item.dataset.label}: ${money(exact(item.datasetIndex, item.dataIndex))}` } },
      },
      scales: {
        [amounts]: { stacked, beginAtZero: true, grid, ticks: { color: text, callback: (value: string | number) => axisAmount.value.format(Number(value)) } },
        [labels]: { stacked, grid, ticks: { color: text } },
      },
    }
  })
  // Across, each label needs room for its bars (one when stacked).
  const rowHeight = stacked ? 1.75 : 2.75
  const height = computed(() => narrow.value ? `${Math.max(16, 4 + rowCount() * rowHeight)}rem` : uprightHeight)
  const seen = ref(false)
  const { stop } = useIntersectionObserver(root, (entries) => {
    if (!entries.some(entry => entry.isIntersecting)) return
    seen.value = true
    stop()
  }, { rootMargin: '200px' })
  return { options, toChart, narrow, height, seen }
}
