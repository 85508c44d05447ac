import type { Issue } from '#shared/schemas/common'
import type { Category, FixedPayment, Month, MonthDetail, MonthSummary, Split, Transaction } from '#shared/schemas/months'

interface Lists {
  categories: Category
  fixedPayments: FixedPayment
  transactions: Transaction
}
type Kind = keyof Lists
// What a PATCH may send: a transaction's splits go without their ids (new records).
type Changes<K extends Kind> = K extends 'transactions'
  ? Partial<Omit<Transaction, 'splits'>> & { splits?: Omit<Split, 'id'>[] }
  : Partial<Lists[K]>

const endpoint: Record<Kind, string> = { categories: '/api/categories', fixedPayments: '/api/fixed-payments', transactions: '/api/transactions' }

function sortList(detail: MonthDetail, kind: Kind) {
  if (kind === 'categories') detail.categories.sort((a, b) => a.sortOrder - b.sortOrder || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  if (kind === 'transactions') detail.transactions.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0))
}

// One month, loaded whole, with every change saved through the API and applied
// to the page's copy; the summary is computed from that copy by the server's rules.
export function useMonthBudget(id: MaybeRefOrGetter<string>) {
  const toast = useToast()
  const { offerUndo } = useUndo()
  const money = useMoney()
  const { data: detail, status, error, refresh } = useFetch<MonthDetail>(() => `/api/months/${toValue(id)}`, { key: () => `month-${toValue(id)}`, deep: true })
  // The header's budget is this month's.
  const { monthBudgets } = useBudgets()
  watch(detail, (month) => {
    if (month && monthBudgets.value[month.id] !== month.budgetId) monthBudgets.value[month.id] = month.budgetId
  }, { immediate: true })
  // What each category carried in comes from earlier months, which only the
  // server holds: its summary is fetched beside the detail (not holding up the
  // page) and read by name, as the rollover rule matches categories.
  const { data: serverSummary, status: carriedStatus, refresh: refreshCarried } = useFetch<MonthSummary>(() => `/api/months/${toValue(id)}/summary`, { key: () => `month-summary-${toValue(id)}`, lazy: true })
  const carriedByName = computed(() => new Map(serverSummary.value?.categories.map(category => [category.name, category.carriedIn])))
  const summary = computed(() => detail.value ? summarizeDetail(detail.value, name => carriedByName.value.get(name) ?? 0) : null)
  const carriedPending = computed(() => carriedStatus.value === 'pending' || carriedStatus.value === 'idle')
  const refreshAll = () => Promise.all([refresh(), refreshCarried()]).then(() => undefined)
  const saving = ref(0)

  function replace<K extends Kind>(kind: K, record: Lists[K]) {
    if (!detail.value) return
    const list = detail.value[kind] as Lists[K][]
    const index = list.findIndex(item => item.id === record.id)
    if (index >= 0) list.splice(index, 1, record)
    else list.push(record)
    sortList(detail.value, kind)
  }

  function failed(e: unknown, onConflict?: (current: never) => void) {
    const status = (e as { statusCode?: number }).statusCode
    const current = (e as { data?: { data?: { current?: never } } }).data?.data?.current
    if (status === 409 && current && onConflict) {
      onConflict(current)
      toast.add({ title: 'Changed elsewhere', description: 'Someone saved this first. You are seeing their version now.', color: 'warning', icon: 'i-lucide-refresh-cw' })
      return
    }
    toast.add({ title: 'Not saved', description: apiErrorMessage(e), color: 'error', icon: 'i-lucide-circle-alert' })
  }

  async function saving$<T>(work: () => Promise<T>): Promise<T> {
    saving.value++
    try {
      return await work()
    }
    finally {
      saving.value--
    }
  }

  async function create<K extends Kind>(kind: K, body: Record<string, unknown>): Promise<Lists[K] | undefined> {
    try {
      const record = await saving$(() => apiFetch<Lists[K]>(endpoint[kind], { method: 'POST', body: { monthId: toValue(id), ...body } }))
      replace(kind, record)
      if (kind === 'categories') refreshCarried()
      return record
    }
    catch (e) {
      failed(e)
    }
  }

  // onRefused gets the API's issues of a 400 (paths like `splits.1.amount`), for
  // a form that shows them beside its fields.
  async function update<K extends Kind>(kind: K, record: Lists[K], changes: Changes<K>, onRefused?: (issues: Issue[]) => void): Promise<boolean> {
    try {
      replace(kind, await saving$(() => apiFetch<Lists[K]>(`${endpoint[kind]}/${record.id}`, { method: 'PATCH', body: { ...changes, version: record.version } })))
      if (kind === 'categories' && 'name' in changes) refreshCarried()
      return true
    }
    catch (e) {
      const issues = (e as { data?: { data?: { issues?: Issue[] } } }).data?.data?.issues
      if (onRefused && issues?.length) onRefused(issues)
      failed(e, (current: Lists[K]) => replace(kind, current))
      return false
    }
  }

  async function remove<K extends Kind>(kind: K, record: Lists[K]): Promise<boolean> {
    try {
      await saving$(() => apiFetch(`${endpoint[kind]}/${record.id}`, { method: 'DELETE' }))
      if (detail.value) {
        const list = detail.value[kind] as Lists[K][]
        list.splice(list.findIndex(item => item.id === record.id), 1)
        // Deleting a category uncategorizes its rows on the server: reload them.
        if (kind === 'categories') await refreshAll()
      }
      return true
    }
    catch (e) {
      failed(e)
      return false
    }
  }

  // Deletes, then offers to undo: the record is created again as it was (with a
  // new id, a transaction with its splits), and a category takes back the
  // transactions, splits and fixed payments that lost it.
  async function removeUndoably<K extends Kind>(kind: K, record: Lists[K]): Promise<boolean> {
    const orphans = kind === 'categories' ? recordsOf(record.id) : { transactions: [], splits: [], fixedPayments: [] }
    if (!(await remove(kind, record))) return false
    offerUndo({ ...deletedMessage(kind, record, orphans), undo: () => restore(kind, record, orphans) })
    return true
  }

  function recordsOf(categoryId: string) {
    const ids = (list: { id: string, categoryId: string | null }[]) => list.filter(item => item.categoryId === categoryId).map(item => item.id)
    const transactions = detail.value?.transactions ?? []
    return {
      transactions: ids(transactions),
      // The parts that lose it, by id (a category delete keeps the parts' ids).
      splits: transactions.flatMap(transaction => ids(transaction.splits)),
      fixedPayments: ids(detail.value?.fixedPayments ?? []),
    }
  }

  function deletedMessage(kind: Kind, record: Lists[Kind], orphans: ReturnType<typeof recordsOf>) {
    if (kind === 'transactions') {
      const transaction = record as Transaction
      const parts = transaction.splits.length ? ` · split in ${transaction.splits.length}` : ''
      return { title: 'Transaction deleted', description: `${transaction.description || 'No description'} · ${money(transaction.amount)}${parts}` }
    }
    if (kind === 'fixedPayments') {
      const payment = record as FixedPayment
      return { title: 'Fixed payment deleted', description: `${payment.name} · ${money(payment.amount)}` }
    }
    const lost = listed([counted(orphans.transactions.length, 'transaction'), counted(orphans.splits.length, 'split part'), counted(orphans.fixedPayments.length, 'fixed payment')])
    return { title: 'Category deleted', description: (record as Category).name + (lost ? ` · ${lost} now uncategorized` : '') }
  }

  async function restore(kind: Kind, record: Lists[Kind], orphans: ReturnType<typeof recordsOf>) {
    const stillThere = (categoryId: string | null) => categoryId && detail.value?.categories.some(c => c.id === categoryId) ? categoryId : null
    if (kind === 'transactions') {
      const { date, description, amount, categoryId, splits } = record as Transaction
      if (!splits.length) return create('transactions', { date, description, amount, categoryId: stillThere(categoryId) })
      return create('transactions', { date, description, amount, categoryId: null, splits: splits.map(split => ({ amount: split.amount, categoryId: stillThere(split.categoryId), note: split.note })) })
    }
    if (kind === 'fixedPayments') {
      const { name, amount, dueDay, paid, categoryId } = record as FixedPayment
      return create('fixedPayments', { name, amount, dueDay, paid, categoryId: stillThere(categoryId) })
    }
    const { name, budgeted, rollover, sortOrder } = record as Category
    const category = await create('categories', { name, budgeted, rollover, sortOrder })
    if (!category || !detail.value) return
    // Only rows nobody has recategorized meanwhile go back.
    const back = <L extends 'transactions' | 'fixedPayments'>(list: L) => (detail.value![list] as Lists[L][])
      .filter(item => orphans[list].includes(item.id) && item.categoryId === null)
      .map(item => update(list, item, { categoryId: category.id } as Changes<L>))
    // A split transaction is sent whole, its lost parts pointing at the category again.
    const lostPart = (split: Split) => orphans.splits.includes(split.id) && split.categoryId === null
    const splitsBack = detail.value.transactions
      .filter(transaction => transaction.splits.some(lostPart))
      .map(transaction => update('transactions', transaction, { splits: transaction.splits.map(split => ({ amount: split.amount, note: split.note, categoryId: lostPart(split) ? category.id : split.categoryId })) }))
    await Promise.all([...back('transactions'), ...back('fixedPayments'), ...splitsBack])
  }

  async function updateMonth(changes: Partial<Pick<Month, 'income' | 'notes'>>) {
    if (!detail.value) return false
    try {
      const month = await saving$(() => apiFetch<Month>(`/api/months/${toValue(id)}`, { method: 'PATCH', body: { ...changes, version: detail.value!.version } }))
      Object.assign(detail.value, month)
      return true
    }
    catch (e) {
      failed(e, (current: Month) => Object.assign(detail.value!, current))
      return false
    }
  }

  return { detail, summary, carriedPending, status, error, refresh: refreshAll, saving: computed(() => saving.value > 0), create, update, removeUndoably, updateMonth }
}
