import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { inject } from 'vitest'

export interface Answer<T = any> {
  status: number
  body: T
  headers: Headers
}

// A client for the app's API that keeps its session cookie, like a browser.
export class Client {
  // Every cookie the server set, like a browser's jar (name -> value).
  readonly cookies = new Map<string, string>()
  constructor(readonly baseUrl = inject('baseUrl')) {}

  get cookie() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  }

  set cookie(header: string) {
    this.cookies.clear()
    for (const pair of header.split(';').map(part => part.trim()).filter(Boolean)) {
      const index = pair.indexOf('=')
      this.cookies.set(pair.slice(0, index), pair.slice(index + 1))
    }
  }

  async request<T = any>(method: string, path: string, options: { json?: unknown, body?: string, headers?: Record<string, string> } = {}): Promise<Answer<T>> {
    const headers: Record<string, string> = { ...options.headers }
    if (this.cookie) headers.cookie = this.cookie
    let body = options.body
    if (options.json !== undefined) {
      headers['content-type'] ??= 'application/json'
      body = JSON.stringify(options.json)
    }
    const response = await fetch(this.baseUrl + path, { method, headers, body, redirect: 'manual' })
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';')
      const index = pair!.indexOf('=')
      const [name, value] = [pair!.slice(0, index).trim(), pair!.slice(index + 1)]
      const expired = attributes.some(attribute => /^\s*max-age=0\s*$/i.test(attribute)) || !value
      if (expired) this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
    const text = await response.text()
    const type = response.headers.get('content-type') ?? ''
    return { status: response.status, body: type.includes('json') && text ? JSON.parse(text) : text, headers: response.headers }
  }

  get = <T = any>(path: string, headers?: Record<string, string>) => this.request<T>('GET', path, { headers })
  post = <T = any>(path: string, json?: unknown, headers?: Record<string, string>) => this.request<T>('POST', path, { json, headers })
  patch = <T = any>(path: string, json?: unknown, headers?: Record<string, string>) => this.request<T>('PATCH', path, { json, headers })
  delete = <T = any>(path: string, headers?: Record<string, string>) => this.request<T>('DELETE', path, { headers })
}

export const PASSWORD = 'correct horse battery'

export function uniqueEmail(label = 'user') {
  return `${label}-${randomUUID().slice(0, 8)}@example.com`
}

// A new account, signed in.
export async function signedInClient(label?: string) {
  const client = new Client()
  const email = uniqueEmail(label)
  const answer = await client.post('/api/auth/register', { email, password: PASSWORD, name: 'Test Person' })
  if (answer.status !== 201) throw new Error(`register failed: ${answer.status} ${JSON.stringify(answer.body)}`)
  return { client, email, user: answer.body.user }
}

// Direct SQL on the tier's database, to check what was (not) written.
export async function sql<T extends pg.QueryResultRow = any>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: inject('databaseUrl') })
  await client.connect()
  try {
    return (await client.query<T>(text, values)).rows
  }
  finally {
    await client.end()
  }
}

export async function countRows(table: string): Promise<number> {
  const [row] = await sql<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`)
  return Number(row!.n)
}

export function expectIssues(answer: Answer) {
  if (answer.status !== 400) throw new Error(`expected 400, got ${answer.status}: ${JSON.stringify(answer.body)}`)
  const issues = answer.body?.data?.issues
  if (!Array.isArray(issues) || issues.length === 0) throw new Error(`no data.issues in ${JSON.stringify(answer.body)}`)
  for (const issue of issues) {
    if (typeof issue.path !== 'string' || typeof issue.message !== 'string') throw new Error(`malformed issue ${JSON.stringify(issue)}`)
  }
  return issues as { path: string, message: string }[]
}
