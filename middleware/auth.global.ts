import type { Month } from '#shared/schemas/months'

const PUBLIC_PAGES = new Set(['/login', '/register'])

export default defineNuxtRouteMiddleware(async (to) => {
  const { load } = useAuth()
  const budgets = useBudgets()
  // An address that does not exist is not found for everyone: signing in would not change that.
  const needsBudgets = !PUBLIC_PAGES.has(to.path) && to.name !== 'not-found'
  // The header names a month page's budget: on a first load, the server must know it
  // before the page has loaded the month (in the browser, the page tells it).
  const monthId = import.meta.server && to.path.startsWith('/months/') ? String(to.params.id ?? '') : ''
  const lookUpMonth = needsBudgets && monthId && !budgets.monthBudgets.value[monthId]
  // All at once, not one after another: a signed-out visitor's budgets and month are refused.
  const [user, , month] = await Promise.all([
    load(),
    needsBudgets ? budgets.load() : undefined,
    lookUpMonth ? useRequestFetch()<Month>(`/api/months/${monthId}`).catch(() => null) : null,
  ])
  if (month) budgets.monthBudgets.value[monthId] = month.budgetId
  if (to.name === 'not-found') return
  if (!user && !PUBLIC_PAGES.has(to.path)) {
    return navigateTo({ path: '/login', query: to.path === '/' ? {} : { next: to.fullPath } })
  }
  if (user && PUBLIC_PAGES.has(to.path)) return navigateTo(nextPath(to.query.next) ?? '/months')
})
