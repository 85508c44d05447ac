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

  async request<T = any>(method: string, path: string, options: { json?: unknown, body?: string | Uint8Array<ArrayBuffer>, headers?: Record<string, string> } = {}): Promise<Answer<T>> {
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
    const answer = { status: response.status, body: type.includes('json') && text ? JSON.parse(text) : text, headers: response.headers }
    // Every error any test provokes from the API is held to the contract's shape.
    if (answer.status >= 400 && path.startsWith('/api/') && !path.startsWith('/api/health')) assertErrorShape(answer, `${method} ${path}`)
    return answer
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
export async function signedInClient(label?: string, baseUrl?: string) {
  const client = new Client(baseUrl)
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

// The contract's error body, exactly: { statusCode, message, data? } as JSON,
// statusCode equal to the HTTP status, a message a person can read.
export function assertErrorShape(answer: Answer, what = 'the answer') {
  const fail = (problem: string) => {
    throw new Error(`${what}: ${problem}: ${answer.status} ${typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body)}`)
  }
  if (!(answer.headers.get('content-type') ?? '').startsWith('application/json')) fail('an error must be JSON')
  const body = answer.body
  if (typeof body !== 'object' || body === null || Array.isArray(body)) fail('an error body must be an object')
  const extra = Object.keys(body).filter(key => !['statusCode', 'message', 'data'].includes(key))
  if (extra.length) fail(`unexpected keys ${extra.join(', ')}`)
  if (body.statusCode !== answer.status) fail('statusCode differs from the HTTP status')
  if (typeof body.message !== 'string' || !body.message.trim()) fail('no message')
  if ('data' in body && (typeof body.data !== 'object' || body.data === null)) fail('data must be an object when present')
}

// An error answer with this status, in the contract's shape; its message
// matching `message` when given.
export function expectError(answer: Answer, status: number, message?: RegExp) {
  if (answer.status !== status) throw new Error(`expected ${status}, got ${answer.status}: ${JSON.stringify(answer.body)}`)
  assertErrorShape(answer)
  if (message && !message.test(answer.body.message)) throw new Error(`expected a message matching ${message}, got ${JSON.stringify(answer.body.message)}`)
  return answer.body as { statusCode: number, message: string, data?: any }
}

export function expectIssues(answer: Answer) {
  expectError(answer, 400)
  const issues = answer.body?.data?.issues
  if (!Array.isArray(issues) || issues.length === 0) throw new Error(`no data.issues in ${JSON.stringify(answer.body)}`)
  for (const issue of issues) {
    if (typeof issue.path !== 'string' || typeof issue.message !== 'string') throw new Error(`malformed issue ${JSON.stringify(issue)}`)
  }
  return issues as { path: string, message: string }[]
}

// How many database queries answered a request (its Server-Timing header).
export const queriesOf = (answer: { headers: Headers }) => Number(/db;desc="(\d+) queries"/.exec(answer.headers.get('server-timing') ?? '')?.[1])

// Rows written straight to a table (JSON objects named by column), for data the
// API would take hundreds of requests to make.
export const insertRows = (table: string, columns: string, rows: object[]) =>
  sql(`INSERT INTO "${table}" (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::"${table}", $1::json)`, [JSON.stringify(rows)])

// A small seeded generator, so a failure names the seed that reproduces it.
export function generator(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6D2B79F5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  return { next, int, pick: <T>(list: T[]) => list[int(0, list.length - 1)]! }
}

// A month's random spending: up to 8 transactions in its first nine days,
// refunds among them, about 3 in 10 split into 2–4 parts; a category drawn from
// `categoryIds` (null: none) for each transaction or part. No transaction adds up to 0.
export function randomSpending(random: ReturnType<typeof generator>, month: { id: string, year: number, month: number }, categoryIds: (string | null)[]) {
  type Transaction = { id: string, monthId: string, categoryId: string | null, date: string, amount: number }
  const transactions: Transaction[] = []
  const splits: { id: string, transactionId: string, monthId: string, categoryId: string | null, position: number, amount: number }[] = []
  for (let t = random.int(0, 8); t > 0; t--) {
    const transaction: Transaction = { id: randomUUID(), monthId: month.id, categoryId: random.pick(categoryIds), date: `${month.year}-${String(month.month).padStart(2, '0')}-0${random.int(1, 9)}`, amount: 0 }
    const parts = random.next() < 0.3 ? random.int(2, 4) : 0
    if (parts) {
      transaction.categoryId = null
      for (let p = 0; p < parts; p++) {
        const amount = random.int(-3000, 20000) || 1
        splits.push({ id: randomUUID(), transactionId: transaction.id, monthId: month.id, categoryId: random.pick(categoryIds), position: p, amount })
        transaction.amount += amount
      }
      if (transaction.amount === 0) {
        splits.at(-1)!.amount += 1
        transaction.amount = 1
      }
    }
    else {
      transaction.amount = random.int(-5000, 30000) || 7
    }
    transactions.push(transaction)
  }
  return { transactions, splits }
}
