// Formats integer minor units in the current budget's currency (the user's
// when there is none) and the user's locale.
export function useMoney() {
  const { user } = useAuth()
  const { currency: budgetCurrency } = useBudgets()
  return (minor: number, currency = budgetCurrency.value, locale = user.value?.locale ?? 'en-US') =>
    formatMoney(minor, currency, locale)
}
