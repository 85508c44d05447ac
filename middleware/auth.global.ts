const PUBLIC_PAGES = new Set(['/login', '/register'])

export default defineNuxtRouteMiddleware(async (to) => {
  const { load } = useAuth()
  const user = await load()
  // An address that does not exist is not found for everyone: signing in would not change that.
  if (to.name === 'not-found') return
  if (!user && !PUBLIC_PAGES.has(to.path)) {
    return navigateTo({ path: '/login', query: to.path === '/' ? {} : { next: to.fullPath } })
  }
  if (user && PUBLIC_PAGES.has(to.path)) return navigateTo('/months')
})
