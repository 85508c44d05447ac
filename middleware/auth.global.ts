import type { Month } from '#shared/schemas/months'

const PUBLIC_PAGES = new Set(['/login', '/register'])

export default defineNuxtRouteMiddleware(async (to) => {
  const { load } = useAuth()
  const user = await load()
  // An address that does not exist is not found for everyone: signing in would not change that.
  if (to.name === 'not-found') return
  if (!user && !PUBLIC_PAGES.has(to.path)) {
    return navigateTo({ path: '/login', query: to.path === '/' ? {} : { next: to.fullPath } })
  }
  if (user && PUBLIC_PAGES.has(to.path)) return navigateTo(nextPath(to.query.next) ?? '/months')
  if (!user) return
  const budgets = useBudgets()
  await budgets.load()
  // The header names a month page's budget: on a first load, the server must know it
  // before the page has loaded the month (in the browser, the page tells it).
  const monthId = to.path.startsWith('/months/') ? String(to.params.id ?? '') : ''
  if (import.meta.server && monthId && !budgets.monthBudgets.value[monthId]) {
    const month = await useRequestFetch()<Month>(`/api/months/${monthId}`).catch(() => null)
    if (month) budgets.monthBudgets.value[monthId] = month.budgetId
  }
})
