// Formats integer minor units with the user's currency and locale.
export function useMoney() {
  const { user } = useAuth()
  return (minor: number, currency = user.value?.currency ?? 'USD', locale = user.value?.locale ?? 'en-US') =>
    formatMoney(minor, currency, locale)
}
