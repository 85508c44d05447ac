import type { Budget, Role } from '#shared/schemas/budgets'

export const BUDGET_COOKIE = 'budgeting-budget'
export const ROLE_LABELS: Record<Role, string> = { owner: 'Owner', editor: 'Editor', viewer: 'Viewer' }

// The signed-in user's budgets (each with the user's role), loaded once like
// the user, and the budget the page is about: a month's own budget on its
// page, the one in the address on the budget's settings page, else
// `?budget=` on the list pages, else the one chosen last time (a cookie),
// else the first.
export function useBudgets() {
  const budgets = useState<Budget[]>('budgets', () => [])
  const loaded = useState('budgets-loaded', () => false)
  const requestFetch = useRequestFetch()
  const route = useRoute()
  const cookie = useCookie<string | null>(BUDGET_COOKIE, { sameSite: 'lax', maxAge: 60 * 60 * 24 * 365, default: () => null })

  async function load(force = false) {
    if (loaded.value && !force) return budgets.value
    try {
      budgets.value = await requestFetch<Budget[]>('/api/budgets')
    }
    catch {
      budgets.value = []
    }
    loaded.value = true
    return budgets.value
  }

  function forget() {
    budgets.value = []
    loaded.value = false
  }

  const known = (id: unknown) => typeof id === 'string' && budgets.value.some(budget => budget.id === id) ? id : undefined

  // Which budget each month seen so far is in: a month page's budget is its month's.
  const monthBudgets = useState<Record<string, string>>('month-budgets', () => ({}))
  const currentId = computed<string | null>(() => {
    if (route.path.startsWith('/months/')) {
      const own = monthBudgets.value[String(route.params.id ?? '')]
      if (own) return own
    }
    if (route.path.startsWith('/budgets/')) return known(route.params.id) ?? null
    return known(route.query.budget) ?? known(cookie.value) ?? budgets.value[0]?.id ?? null
  })
  const current = computed(() => budgets.value.find(budget => budget.id === currentId.value) ?? null)
  const role = computed<Role | null>(() => current.value?.role ?? null)
  // Viewers read; editors and owners change the budget's months and plans.
  const canEdit = computed(() => role.value === 'owner' || role.value === 'editor')
  const { user } = useAuth()
  const currency = computed(() => current.value?.currency ?? user.value?.currency ?? 'USD')
  // The address of a page about a whole budget (the overview, reports, the
  // lists): the budget is `?budget=<id>` in it.
  const listPath = (path: '/' | '/reports' | '/months' | '/yearly' | `/yearly/${number}`, id = currentId.value) => id ? `${path}?budget=${id}` : path

  function remember(id: string | null) {
    if (id && cookie.value !== id) cookie.value = id
  }

  return { budgets, load, forget, monthBudgets, currentId, current, role, canEdit, currency, listPath, remember }
}
