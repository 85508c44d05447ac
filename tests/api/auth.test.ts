import { describe, expect, it } from 'vitest'
import { Client, PASSWORD, expectError, expectIssues, signedInClient, sql, uniqueEmail } from '../helpers/api'

const accountsFor = (email: unknown) => sql('SELECT 1 FROM "User" WHERE "emailKey" = lower($1)', [String(email)])

describe('register', () => {
  it('creates the account, signs in, and answers the user without secrets', async () => {
    const client = new Client()
    const email = uniqueEmail('Mixed.Case')
    const answer = await client.post('/api/auth/register', { email, password: PASSWORD, name: '  Ann Lee  ' })
    expect(answer.status).toBe(201)
    expect(answer.body).toEqual({ user: { id: expect.any(String), email, name: 'Ann Lee', currency: 'USD', locale: 'en-US' } })
    expect(JSON.stringify(answer.body)).not.toMatch(/password|hash|scrypt/i)
    const cookie = answer.headers.getSetCookie().find(line => line.startsWith('budgeting-session='))!
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    expect((await client.get('/api/auth/me')).body.user.email).toBe(email)

    const [row] = await sql('SELECT "passwordHash" FROM "User" WHERE id = $1', [answer.body.user.id])
    expect(row.passwordHash).toMatch(/^\$scrypt\$/)
    expect(row.passwordHash).not.toContain(PASSWORD)
  })

  it('defaults name to null', async () => {
    const answer = await new Client().post('/api/auth/register', { email: uniqueEmail(), password: PASSWORD })
    expect(answer.status).toBe(201)
    expect(answer.body.user.name).toBeNull()
  })

  it('refuses a taken email, whatever its case (409)', async () => {
    const email = uniqueEmail('taken')
    expect((await new Client().post('/api/auth/register', { email, password: PASSWORD })).status).toBe(201)
    const again = await new Client().post('/api/auth/register', { email: email.toUpperCase(), password: PASSWORD })
    expect(again.status).toBe(409)
    expect(again.body.message).toMatch(/already/i)
  })

  it.each([
    ['a short password', { email: uniqueEmail(), password: 'short' }, 'password'],
    ['a malformed email', { email: 'not-an-email', password: PASSWORD }, 'email'],
    ['a missing password', { email: uniqueEmail() }, 'password'],
    ['an unknown field', { email: uniqueEmail(), password: PASSWORD, admin: true }, 'admin'],
    ['a non-string name', { email: uniqueEmail(), password: PASSWORD, name: 5 }, 'name'],
    ['an empty name', { email: uniqueEmail(), password: PASSWORD, name: '   ' }, 'name'],
    ['a name with NUL', { email: uniqueEmail(), password: PASSWORD, name: 'a\u0000b' }, 'name'],
    ['an email over 254 characters', { email: `${'a'.repeat(250)}@example.com`, password: PASSWORD }, 'email'],
  ])('refuses %s with 400 and data.issues, writing nothing', async (_label, body, path) => {
    const answer = await new Client().post('/api/auth/register', body)
    expect(expectIssues(answer).map(issue => issue.path)).toContain(path)
    expect(answer.headers.getSetCookie()).toEqual([])
    expect(await accountsFor(body.email)).toEqual([])
  })

  it.each([
    ['no body', undefined],
    ['an array', []],
    ['a string', 'hello'],
  ])('refuses %s with 400', async (_label, body) => {
    expectIssues(await new Client().request('POST', '/api/auth/register', body === undefined ? {} : { json: body }))
  })

  it('refuses malformed JSON with 400', async () => {
    expectIssues(await new Client().request('POST', '/api/auth/register', { body: '{"email":', headers: { 'content-type': 'application/json' } }))
  })
})

describe('login and logout', () => {
  it('signs in with the right password, in any case of the email', async () => {
    const { email } = await signedInClient()
    const client = new Client()
    const answer = await client.post('/api/auth/login', { email: email.toUpperCase(), password: PASSWORD })
    expect(answer.status).toBe(200)
    expect(answer.body.user.email).toBe(email)
    expect((await client.get('/api/auth/me')).status).toBe(200)
  })

  it('answers a wrong password and an unknown email alike (401)', async () => {
    const { email } = await signedInClient()
    const wrong = await new Client().post('/api/auth/login', { email, password: 'not the password' })
    const unknown = await new Client().post('/api/auth/login', { email: uniqueEmail('nobody'), password: PASSWORD })
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    expect(wrong.body.message).toBe(unknown.body.message)
  })

  it('logout ends only this session, and its cookie stops working', async () => {
    const { client, email } = await signedInClient()
    const other = new Client()
    expect((await other.post('/api/auth/login', { email, password: PASSWORD })).status).toBe(200)
    const oldCookie = client.cookie

    const answer = await client.post('/api/auth/logout')
    expect(answer.status).toBe(204)
    expect(answer.body).toBe('')
    expect(answer.headers.getSetCookie().join()).toMatch(/budgeting-session=;|Max-Age=0|Expires=Thu, 01 Jan 1970/i)

    const replay = new Client()
    replay.cookie = oldCookie
    expect((await replay.get('/api/auth/me')).status).toBe(401)
    expect((await other.get('/api/auth/me')).status).toBe(200)
  })

  it('logout without a session is 401', async () => {
    expect((await new Client().post('/api/auth/logout')).status).toBe(401)
  })
})

describe('login rate limit', () => {
  it('answers 429 after 10 failures for that email, even with the right password; other emails are unaffected', async () => {
    const { email } = await signedInClient('limited')
    const { email: bystander } = await signedInClient('bystander')
    for (let i = 0; i < 10; i++) {
      expect((await new Client().post('/api/auth/login', { email, password: `wrong password ${i}` })).status).toBe(401)
    }
    const blocked = await new Client().post('/api/auth/login', { email: email.toUpperCase(), password: PASSWORD })
    expect(blocked.status).toBe(429)
    expect(blocked.body.message).toMatch(/too many/i)
    expect(blocked.headers.getSetCookie()).toEqual([])
    // 429s are not counted as failures.
    const [{ n }] = await sql('SELECT count(*)::int AS n FROM "LoginFailure" WHERE email = $1', [email.toLowerCase()])
    expect(n).toBe(10)
    expect((await new Client().post('/api/auth/login', { email: bystander, password: PASSWORD })).status).toBe(200)
  })

  it('holds under concurrency: of 30 wrong passwords sent at once, at most 10 are counted (401), the rest 429', async () => {
    const { email } = await signedInClient('concurrent-limit')
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => new Client().post('/api/auth/login', { email, password: `wrong password ${i}` })))
    const statuses = answers.map(answer => answer.status)
    expect(statuses.filter(status => status !== 401 && status !== 429)).toEqual([])
    expect(statuses.filter(status => status === 401).length).toBeLessThanOrEqual(10)
    const [{ n }] = await sql('SELECT count(*)::int AS n FROM "LoginFailure" WHERE email = $1', [email.toLowerCase()])
    expect(n).toBe(statuses.filter(status => status === 401).length)
    expectError(await new Client().post('/api/auth/login', { email, password: PASSWORD }), 429, /too many/i)
  })

  it('a right password after 9 failures signs in and is not counted as a failure', async () => {
    const { email } = await signedInClient('nine')
    for (let i = 0; i < 9; i++) expectError(await new Client().post('/api/auth/login', { email, password: `wrong password ${i}` }), 401)
    expect((await new Client().post('/api/auth/login', { email, password: PASSWORD })).status).toBe(200)
    const [{ n }] = await sql('SELECT count(*)::int AS n FROM "LoginFailure" WHERE email = $1', [email.toLowerCase()])
    expect(n).toBe(9)
    expectError(await new Client().post('/api/auth/login', { email, password: 'wrong again' }), 401)
    expectError(await new Client().post('/api/auth/login', { email, password: PASSWORD }), 429)
  })

  it('counts failures for addresses that have no account too', async () => {
    const email = uniqueEmail('ghost')
    for (let i = 0; i < 10; i++) expect((await new Client().post('/api/auth/login', { email, password: 'whatever-1234' })).status).toBe(401)
    expect((await new Client().post('/api/auth/login', { email, password: 'whatever-1234' })).status).toBe(429)
  })
})

describe('sessions', () => {
  it('treats a missing or tampered cookie as no session (401)', async () => {
    const { client } = await signedInClient()
    expect((await new Client().get('/api/auth/me')).status).toBe(401)
    const tampered = new Client()
    const value = client.cookies.get('budgeting-session')!
    tampered.cookie = `budgeting-session=${value.slice(0, -4)}AAAA`
    const answer = await tampered.get('/api/auth/me')
    expect(answer.status).toBe(401)
    expect(answer.body).toEqual({ statusCode: 401, message: expect.any(String) })
  })

  it('needs a session on every other /api path, existing or not', async () => {
    expect((await new Client().get('/api/no-such-route')).status).toBe(401)
    const { client } = await signedInClient()
    expect((await client.get('/api/no-such-route')).status).toBe(404)
  })
})

describe('PATCH /api/auth/me', () => {
  it('changes name, currency and locale', async () => {
    const { client, user } = await signedInClient()
    const answer = await client.patch('/api/auth/me', { name: 'New Name', currency: 'EUR', locale: 'de-DE' })
    expect(answer.status).toBe(200)
    expect(answer.body.user).toEqual({ ...user, name: 'New Name', currency: 'EUR', locale: 'de-DE' })
    expect((await client.patch('/api/auth/me', { name: null })).body.user.name).toBeNull()
    expect((await client.get('/api/auth/me')).body.user).toEqual({ ...user, name: null, currency: 'EUR', locale: 'de-DE' })
  })

  it.each([
    ['an empty body', {}],
    ['a lower-case currency', { currency: 'eur' }],
    ['an unknown currency', { currency: 'XYZ' }],
    ['a malformed locale', { locale: 'not a locale!' }],
    ['an unknown field', { email: 'x@example.com' }],
    ['a null currency', { currency: null }],
  ])('refuses %s with 400 and changes nothing', async (_label, body) => {
    const { client, user } = await signedInClient()
    expectIssues(await client.patch('/api/auth/me', body))
    expect((await client.get('/api/auth/me')).body.user).toEqual(user)
  })
})

describe('CSRF', () => {
  it('refuses another site\'s Origin before anything else (403), writing nothing', async () => {
    const email = uniqueEmail('csrf')
    const answer = await new Client().post('/api/auth/register', { email, password: PASSWORD }, { origin: 'https://evil.example' })
    expectError(answer, 403, /another site/i)
    expect(await accountsFor(email)).toEqual([])
  })

  it('refuses Sec-Fetch-Site: cross-site, and comes before the session check', async () => {
    expect((await new Client().post('/api/auth/logout', undefined, { 'sec-fetch-site': 'cross-site' })).status).toBe(403)
    const { client, user } = await signedInClient()
    expect((await client.patch('/api/auth/me', { name: 'Hacked' }, { origin: 'https://evil.example' })).status).toBe(403)
    expect((await client.get('/api/auth/me')).body.user.name).toBe(user.name)
  })

  it('lets the app\'s own origin and header-less clients through', async () => {
    const client = new Client()
    const own = await client.post('/api/auth/register', { email: uniqueEmail(), password: PASSWORD }, { 'origin': client.baseUrl, 'sec-fetch-site': 'same-origin' })
    expect(own.status).toBe(201)
    expect((await client.patch('/api/auth/me', { locale: 'en-GB' })).status).toBe(200)
  })
})

describe('GET /api/health', () => {
  it('reports the database without naming it', async () => {
    const answer = await new Client().get('/api/health')
    expect(answer.status).toBe(200)
    expect(answer.body).toEqual({ status: 'ok', db: 'ok' })
  })
})
