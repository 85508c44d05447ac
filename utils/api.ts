import type { Issue } from '#shared/schemas/common'

// The message a failed $fetch should show: the API's own (it is written for
// people), each of its issues when it names several, or a hint that the server
// could not be reached.
export function apiErrorMessage(error: unknown): string {
  const data = (error as { data?: { message?: unknown, data?: { issues?: Issue[] } } } | undefined)?.data
  const issues = data?.data?.issues
  if (Array.isArray(issues) && issues.length > 1) return `Invalid request: ${issues.map(issue => issue.path ? `${issue.path}: ${issue.message}` : issue.message).join('; ')}`
  return typeof data?.message === 'string' && data.message ? data.message : 'Could not reach the server. Check your connection and try again.'
}

type FetchOptions = { method?: 'GET' | 'POST' | 'PATCH' | 'DELETE', body?: unknown, headers?: Record<string, string> }

// $fetch for paths built at run time (Nitro's typed routes cannot follow them).
export function apiFetch<T>(path: string, options: FetchOptions = {}): Promise<T> {
  return ($fetch as unknown as (path: string, options: object) => Promise<T>)(path, options)
}

// Where to go after signing in: `next` when it is a path of this app.
export const nextPath = (next: unknown) => typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') ? next : undefined
