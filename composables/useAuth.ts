import type { User } from '#shared/schemas/auth'

// The signed-in user, shared by every page; null when signed out.
export function useAuth() {
  const user = useState<User | null>('auth-user', () => null)
  const loaded = useState('auth-loaded', () => false)
  const requestFetch = useRequestFetch()

  async function load(force = false) {
    if (loaded.value && !force) return user.value
    try {
      user.value = (await requestFetch<{ user: User }>('/api/auth/me')).user
    }
    catch {
      user.value = null
    }
    loaded.value = true
    return user.value
  }

  function signedIn(next: User) {
    // Another account may have been signed in before: its budgets go.
    if (user.value?.id !== next.id) useBudgets().forget()
    user.value = next
    loaded.value = true
  }

  async function signOut() {
    await $fetch('/api/auth/logout', { method: 'POST' }).catch(() => {})
    user.value = null
    useBudgets().forget()
    await navigateTo('/login')
  }

  return { user, load, signedIn, signOut }
}
