import type { H3Event } from 'h3'

// A conditional GET: the answer's ETag is a hash of its JSON, and a client that
// already holds it gets 304 with no body (a page that polls or comes back costs
// one small answer). Private: answers differ per user.
export async function withEtag<T>(event: H3Event, body: T): Promise<T | undefined> {
  const etag = `W/"${base64url((await sha256(JSON.stringify(body))).subarray(0, 18))}"`
  setResponseHeader(event, 'etag', etag)
  setResponseHeader(event, 'cache-control', 'private, no-cache')
  const held = getRequestHeader(event, 'if-none-match')
  const matches = held?.split(',').some(tag => tag.trim() === '*' || tag.trim().replace(/^W\//, '') === etag.replace(/^W\//, ''))
  if (!matches) return body
  sendNoContent(event, 304)
}
