// A form's submit: pending while it runs, and the API's message when it fails.
export function useSubmit(action: () => Promise<unknown>) {
  const pending = ref(false)
  const error = ref('')
  async function submit() {
    pending.value = true
    error.value = ''
    try {
      await action()
    }
    catch (e) {
      error.value = apiErrorMessage(e)
    }
    finally {
      pending.value = false
    }
  }
  return { pending, error, submit }
}
