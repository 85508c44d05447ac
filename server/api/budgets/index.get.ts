// The caller's budgets come with the session: no query of their own.
export default defineEventHandler(async (event) => {
  const caller = await requireCaller(event)
  return caller.budgets
})
