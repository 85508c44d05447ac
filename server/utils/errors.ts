// Translating failures into the contract's answers, without leaking internals.
import type { Issue } from '#shared/schemas/common'

const CONNECTION_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN',
  '57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08004', '08006',
  'P1001', 'P1002', 'P1017', 'P2024',
])
const CONNECTION_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections', 'TlsConnectionError'])
const CONNECTION_MESSAGE = /connection terminated|timeout exceeded when trying to connect|connection (?:was )?closed|server closed the connection|can't reach database|the database system is (?:starting up|shutting down)|connection refused|socket hang up|network connection lost|connection attempt failed|cannot connect to the specified address|stream was cancelled|terminating connection|not queryable|connection error|connection ended|connection reset/i

interface ErrorLike {
  code?: unknown
  kind?: unknown
  message?: unknown
  cause?: unknown
}

function* causes(error: unknown): Generator<ErrorLike> {
  const seen = new Set<unknown>()
  for (let current = error; current && typeof current === 'object' && !seen.has(current); current = (current as ErrorLike).cause) {
    seen.add(current)
    yield current as ErrorLike
  }
}

export function isConnectionFailure(error: unknown): boolean {
  for (const e of causes(error)) {
    if (typeof e.code === 'string' && CONNECTION_CODES.has(e.code)) return true
    if (typeof e.kind === 'string' && CONNECTION_KINDS.has(e.kind)) return true
    if (typeof e.message === 'string' && CONNECTION_MESSAGE.test(e.message)) return true
  }
  return false
}

// Lock waits, deadlocks and serialization failures between concurrent writes,
// and an interactive transaction that timed out waiting for them: transient.
const CONTENTION_CODES = new Set(['40P01', '40001', '55P03', 'P2028', 'P2034'])
export function isContention(error: unknown): boolean {
  for (const e of causes(error)) {
    if (typeof e.code === 'string' && CONTENTION_CODES.has(e.code)) return true
    if (typeof e.kind === 'string' && /TransactionWriteConflict|deadlock/i.test(e.kind)) return true
  }
  return false
}

function prismaCode(error: unknown): string | undefined {
  for (const e of causes(error)) {
    if (typeof e.code === 'string' && /^P\d{4}$/.test(e.code)) return e.code
  }
  return undefined
}

export interface ApiError {
  statusCode: number
  message: string
  data?: unknown
}

interface RawIssue { code?: string, path?: unknown, keys?: string[], message?: string }

// A zod error's issues carry array paths: one { path, message } each, one per
// unknown field. Undefined for anything else (the domain's own issues already
// have string paths and pass through as raised).
function zodIssues(data: unknown): Issue[] | undefined {
  const issues = (data as { issues?: unknown } | undefined)?.issues
  if (!Array.isArray(issues) || !issues.every((issue: RawIssue) => Array.isArray(issue?.path))) return undefined
  return issues.flatMap((issue: RawIssue) => {
    const path = (issue.path as PropertyKey[]).map(String)
    if (issue.code === 'unrecognized_keys' && issue.keys?.length) {
      return issue.keys.map(key => ({ path: [...path, key].join('.'), message: 'Unknown field' }))
    }
    return [{ path: path.join('.'), message: issue.message ?? 'Invalid value' }]
  })
}

const GENERIC_500: ApiError = { statusCode: 500, message: 'Something went wrong on our side. Please try again.' }

// What the client is told. 4xx errors raised on purpose pass through; anything
// unexpected becomes a generic 500 (or 503 for a database outage). Never throws:
// a failure here would hand the request to the framework's own error body.
export function toApiError(error: unknown): ApiError {
  try {
    return translate(error)
  }
  catch {
    return GENERIC_500
  }
}

function translate(error: unknown): ApiError {
  const h3 = (error ?? {}) as { statusCode?: number, statusMessage?: string, message?: string, data?: unknown, cause?: unknown, unhandled?: boolean }
  const cause = h3.cause ?? error
  if (isConnectionFailure(cause)) {
    return { statusCode: 503, message: 'The database is unreachable right now. Please try again in a moment.' }
  }
  if (isContention(cause)) {
    return { statusCode: 503, message: 'Another change to the same data was being saved at the same moment. Please try again.' }
  }
  const code = prismaCode(cause)
  if (code === 'P2002') return { statusCode: 409, message: 'A record with these values already exists.' }
  if (code === 'P2025') return { statusCode: 404, message: 'Not found.' }
  // A record it points at was deleted by a request that ran at the same moment.
  if (code === 'P2003') return { statusCode: 409, message: 'Something this change refers to was deleted at the same moment. Reload and try again.' }
  const statusCode = h3.statusCode ?? 500
  if (statusCode >= 400 && statusCode < 500 && !h3.unhandled) {
    const issues = zodIssues(h3.data)
    if (issues) {
      return { statusCode, message: issues.length === 1 ? `Invalid request: ${issues[0]!.path || 'body'}: ${issues[0]!.message}` : 'Invalid request: see data.issues.', data: { issues } }
    }
    const message = h3.message || h3.statusMessage || 'Bad request.'
    // Every 400 carries data.issues, even one raised before validation (bad JSON).
    if (statusCode === 400 && h3.data === undefined) return { statusCode, message, data: { issues: [{ path: '', message }] } }
    return { statusCode, message, ...(h3.data === undefined ? {} : { data: h3.data }) }
  }
  if (statusCode === 503 && !h3.unhandled) return { statusCode, message: h3.message || 'Service unavailable.' }
  return GENERIC_500
}

// A log line that names the failure without its message, which may hold SQL,
// a host name or a connection string.
export function describeForLog(error: unknown): string {
  const parts: string[] = []
  for (const e of causes(error)) {
    const name = (e as { name?: unknown }).name
    parts.push([typeof name === 'string' ? name : 'Error', typeof e.code === 'string' ? e.code : '', typeof e.kind === 'string' ? e.kind : ''].filter(Boolean).join(':'))
  }
  return parts.join(' <- ')
}
