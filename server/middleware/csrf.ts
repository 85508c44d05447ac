// Refuses state-changing requests sent by another site. Either header alone is
// enough to refuse; a client that sends neither (curl, a script) is let through.
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export default defineEventHandler((event) => {
  if (!UNSAFE.has(event.method)) return
  const origin = getRequestHeader(event, 'origin')
  const fetchSite = getRequestHeader(event, 'sec-fetch-site')
  const ownOrigin = getRequestURL(event).origin
  if ((origin !== undefined && origin !== ownOrigin) || fetchSite === 'cross-site') {
    throw createError({ statusCode: 403, message: 'This request came from another site and was refused.' })
  }
})
