import type { CategoryEntry, Deduction, IncomeEntry, IncomeSource, Plan, PlanDetail, Section, YearlyCategory } from '#shared/schemas/yearly'

export type RemovableRow = { kind: 'income-sources', record: IncomeSource } | { kind: 'categories', record: YearlyCategory } | { kind: 'deductions', record: Deduction }

// One yearly plan, loaded whole; every edit is saved through the API and
// applied to the page's copy, and the summary is computed from that copy by
// the server's rules, so totals follow each cell at once.
export function usePlan(year: MaybeRefOrGetter<number>) {
  const toast = useToast()
  const { offerUndo } = useUndo()
  const money = useMoney()
  const { user } = useAuth()
  const { currentId } = useBudgets()
  const { data: plan, status, error, refresh } = useFetch<PlanDetail>(() => `/api/yearly/by-year/${toValue(year)}`, {
    key: () => `plan-${currentId.value}-${toValue(year)}`,
    query: computed(() => currentId.value ? { budgetId: currentId.value } : {}),
    deep: true,
  })
  const summary = computed(() => plan.value ? summarizePlan({ plan: plan.value, incomeSources: plan.value.incomeSources, deductions: plan.value.deductions, sections: plan.value.sections }) : null)
  const pending = ref(0)

  async function save<T>(work: () => Promise<T>, onConflict?: (current: never) => void): Promise<T | undefined> {
    pending.value++
    try {
      return await work()
    }
    catch (e) {
      const current = (e as { data?: { data?: { current?: never } } }).data?.data?.current
      if ((e as { statusCode?: number }).statusCode === 409 && current && onConflict) {
        onConflict(current)
        toast.add({ title: 'Changed elsewhere', description: 'This value was saved by someone else first; showing theirs.', color: 'warning', icon: 'i-lucide-refresh-cw' })
      }
      else {
        toast.add({ title: 'Not saved', description: apiErrorMessage(e), color: 'error', icon: 'i-lucide-circle-alert' })
      }
    }
    finally {
      pending.value--
    }
  }

  const sortRows = <T extends { sortOrder: number, name: string }>(rows: T[]) => rows.sort((a, b) => a.sortOrder - b.sortOrder || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  const replaceIn = <T extends { id: string }>(list: T[], next: T) => {
    const index = list.findIndex(item => item.id === next.id)
    if (index >= 0) list.splice(index, 1, { ...list[index], ...next })
  }
  const allCategories = () => plan.value?.sections.flatMap(section => section.categories) ?? []

  function applyEntry(entry: CategoryEntry | IncomeEntry) {
    const rows: { id: string, entries: (CategoryEntry | IncomeEntry)[] }[] = 'categoryId' in entry ? allCategories() : plan.value?.incomeSources ?? []
    const row = rows.find(r => r.id === ('categoryId' in entry ? entry.categoryId : entry.sourceId))
    if (row) replaceIn(row.entries, entry)
  }

  async function setEntry(entry: CategoryEntry | IncomeEntry, amount: number) {
    const path = 'categoryId' in entry ? `/api/yearly/category-entries/${entry.id}` : `/api/yearly/income-entries/${entry.id}`
    let conflicted = false
    applyEntry({ ...entry, amount })
    const saved = await save(() => apiFetch<CategoryEntry | IncomeEntry>(path, { method: 'PATCH', body: { amount, version: entry.version } }), (current: CategoryEntry | IncomeEntry) => {
      conflicted = true
      applyEntry(current)
    })
    if (saved) applyEntry(saved)
    // Refused for another reason: the cell shows what is stored again.
    else if (!conflicted) applyEntry(entry)
  }

  // Several category entries at once: one bulk request.
  async function setCategoryEntries(updates: { entry: CategoryEntry, amount: number }[]) {
    if (!updates.length) return
    const result = await save(() => apiFetch<{ updated: CategoryEntry[] }>('/api/yearly/category-entries/bulk', { method: 'POST', body: { updates: updates.map(u => ({ id: u.entry.id, amount: u.amount })) } }))
    result?.updated.forEach(applyEntry)
  }

  async function setIncomeEntries(updates: { entry: IncomeEntry, amount: number }[]) {
    await Promise.all(updates.map(u => setEntry(u.entry, u.amount)))
  }

  async function addIncomeSource(name: string, amount = 0) {
    const source = await save(() => apiFetch<IncomeSource>('/api/yearly/income-sources', { method: 'POST', body: { planId: plan.value!.id, name, ...(amount ? { amount } : {}) } }))
    if (source) plan.value!.incomeSources = sortRows([...plan.value!.incomeSources, source])
    return source
  }

  async function addCategory(section: Pick<Section, 'id'>, name: string, amount = 0) {
    const category = await save(() => apiFetch<YearlyCategory>('/api/yearly/categories', { method: 'POST', body: { sectionId: section.id, name, ...(amount ? { amount } : {}) } }))
    const target = plan.value?.sections.find(s => s.id === section.id)
    if (category && target) target.categories = sortRows([...target.categories, category])
    return category
  }

  async function addDeduction(body: { name: string, type: 'percent' | 'fixed', value: number }) {
    const deduction = await save(() => apiFetch<Deduction>('/api/yearly/deductions', { method: 'POST', body: { planId: plan.value!.id, ...body } }))
    if (deduction) plan.value!.deductions = sortRows([...plan.value!.deductions, deduction])
    return deduction
  }

  type RowKind = 'income-sources' | 'categories' | 'deductions' | 'sections'
  function listOf(kind: RowKind, record: { id: string }): { id: string, name: string, sortOrder: number, version: number }[] {
    if (!plan.value) return []
    if (kind === 'income-sources') return plan.value.incomeSources
    if (kind === 'deductions') return plan.value.deductions
    if (kind === 'sections') return plan.value.sections
    return plan.value.sections.find(s => s.categories.some(c => c.id === record.id))?.categories ?? []
  }

  async function updateRow<T extends { id: string, name: string, sortOrder: number, version: number }>(kind: RowKind, record: T, changes: Record<string, unknown>) {
    const list = listOf(kind, record)
    const apply = (next: T) => {
      replaceIn(list, next)
      sortRows(list)
    }
    const saved = await save(() => apiFetch<T>(`/api/yearly/${kind}/${record.id}`, { method: 'PATCH', body: { ...changes, version: record.version } }), apply)
    if (saved) apply(saved)
    return saved
  }

  // Swaps a row with its neighbour by giving each the other's sortOrder (or
  // distinct ones when they tie).
  async function move(kind: RowKind, record: { id: string, name: string, sortOrder: number, version: number }, direction: -1 | 1) {
    const list = listOf(kind, record)
    const index = list.findIndex(r => r.id === record.id)
    const other = list[index + direction]
    if (!other) return
    const [a, b] = direction === -1 ? [other.sortOrder, record.sortOrder] : [record.sortOrder, other.sortOrder]
    const low = Math.min(a, b)
    const high = a === b ? low + 1 : Math.max(a, b)
    await updateRow(kind, record, { sortOrder: direction === -1 ? low : high })
    await updateRow(kind, other, { sortOrder: direction === -1 ? high : low })
  }

  // Deletes at once, then offers to undo: the row comes back as it was.
  async function removeUndoably(row: RemovableRow) {
    const snapshot: RemovableRow = JSON.parse(JSON.stringify(row))
    const ok = await save(() => apiFetch(`/api/yearly/${row.kind}/${row.record.id}`, { method: 'DELETE' }).then(() => true))
    if (!ok || !plan.value) return false
    const list = listOf(row.kind, row.record)
    list.splice(list.findIndex(r => r.id === row.record.id), 1)
    offerUndo({ ...deletedMessage(snapshot), undo: () => restoreRow(snapshot) })
    return true
  }

  function deletedMessage({ kind, record }: RemovableRow) {
    if (kind === 'deductions') {
      const value = record.type === 'percent' ? `${formatMoneyInput(record.value, 2, user.value?.locale ?? 'en-US')} % of gross income` : `${money(record.value)} a month`
      return { title: 'Deduction deleted', description: `${record.name} · ${value}` }
    }
    const total = money(record.entries.reduce((sum, entry) => sum + entry.amount, 0))
    return { title: kind === 'categories' ? 'Category deleted' : 'Income source deleted', description: `${record.name} · ${total} in the year` }
  }

  // A deleted row back as it was (as a new record): its name, its place, its
  // section, its type and value or its twelve amounts.
  async function restoreRow(row: RemovableRow) {
    const { kind, record } = row
    const amounts = 'entries' in record ? record.entries.map(entry => entry.amount) : []
    // The amount most months share comes with the new row; the others follow.
    const common = amounts.find(amount => amounts.filter(other => other === amount).length * 2 > amounts.length) ?? 0
    const created = row.kind === 'deductions'
      ? await addDeduction({ name: row.record.name, type: row.record.type, value: row.record.value })
      : row.kind === 'income-sources' ? await addIncomeSource(row.record.name, common) : await addCategory({ id: row.record.sectionId }, row.record.name, common)
    if (!created) return
    if (created.sortOrder !== record.sortOrder) await updateRow(kind, created, { sortOrder: record.sortOrder })
    if (!('entries' in created)) return created
    const differing = created.entries.filter((entry, month) => amounts[month] !== entry.amount)
    if (row.kind === 'categories') await setCategoryEntries(differing.map(entry => ({ entry: entry as CategoryEntry, amount: amounts[entry.month - 1]! })))
    else await setIncomeEntries(differing.map(entry => ({ entry: entry as IncomeEntry, amount: amounts[entry.month - 1]! })))
    return created
  }

  async function renamePlan(name: string) {
    const saved = await save(() => apiFetch<Plan>(`/api/yearly/${plan.value!.id}`, { method: 'PATCH', body: { name, version: plan.value!.version } }), (current: Plan) => Object.assign(plan.value!, current))
    if (!saved) return
    Object.assign(plan.value!, saved)
    await refreshNuxtData(`plans-${plan.value!.budgetId}`)
    return saved
  }

  async function copyMonth(from: number, to: number[]) {
    const next = await save(() => apiFetch<PlanDetail>(`/api/yearly/${plan.value!.id}/copy-month`, { method: 'POST', body: { from, to } }))
    if (next) plan.value = next
  }

  async function clearMonth(month: number) {
    const next = await save(() => apiFetch<PlanDetail>(`/api/yearly/${plan.value!.id}/clear-month`, { method: 'POST', body: { month } }))
    if (next) plan.value = next
  }

  return {
    plan, summary, status, error, refresh, saving: computed(() => pending.value > 0),
    setEntry, setCategoryEntries, setIncomeEntries, addIncomeSource, addCategory, addDeduction, updateRow, move, removeUndoably, copyMonth, clearMonth, renamePlan,
  }
}
