// Counts the requests the app has started and not yet had answered, for
// `settled` in helpers.ts. Wrapped here, before any app module takes its own
// reference to the global $fetch; kept on globalThis because the test file
// gets its own instance of this module.
declare global {
  var requestsInFlight: Set<Promise<unknown>>
}

const inFlight = globalThis.requestsInFlight = new Set()
const appFetch = globalThis.$fetch
globalThis.$fetch = Object.assign((...args: Parameters<typeof appFetch>) => {
  const request = appFetch(...args)
  inFlight.add(request)
  request.then(() => inFlight.delete(request), () => inFlight.delete(request))
  return request
}, appFetch) as typeof appFetch
