// API errors answer JSON { statusCode, message, data? } (the contract); pages
// fall through to Nuxt's own error handler.
export default defineNitroErrorHandler((error, event) => {
  if (!event.path.startsWith('/api/')) return
  const answer = toApiError(error)
  if (answer.statusCode >= 500) console.error(`[api] ${event.method} ${event.path.split('?')[0]} -> ${answer.statusCode} (${describeForLog(error)})`)
  setResponseHeader(event, 'content-type', 'application/json')
  setResponseHeader(event, 'cache-control', 'no-store')
  setResponseStatus(event, answer.statusCode)
  return send(event, JSON.stringify(answer))
})
