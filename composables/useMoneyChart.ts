// Chart.js options for bar charts of money. Chart.js plots numbers, so amounts
// become major units (`toChart`) only for drawing; the axis and the tooltips
// show the exact amounts in the user's currency.
export function useMoneyChart(exact: (datasetIndex: number, dataIndex: number) => number) {
  const money = useMoney()
  const { user } = useAuth()
  const scale = computed(() => 10 ** currencyDecimals(user.value?.currency ?? 'USD'))
  const toChart = (minor: number) => minor / scale.value
  const options = computed(() => ({
    responsive: true,
    maintainAspectRatio: false,
    animation: false as const,
    plugins: {
      legend: { position: 'bottom' as const },
      tooltip: { callbacks: { label: (item: { datasetIndex: number, dataIndex: number, dataset: { label?: string } }) => `${item.dataset.label}: ${money(exact(item.datasetIndex, item.dataIndex))}` } },
    },
    scales: { y: { beginAtZero: true, ticks: { callback: (value: string | number) => money(Math.round(Number(value) * scale.value)) } } },
  }))
  return { options, toChart }
}
