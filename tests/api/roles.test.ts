// The contract's security matrix: every route under /api (auth and health
// aside) × owner, editor, viewer, non-member, signed out and cross-site. A
// success answers the route's status; a refusal answers the contract's status
// and changes no row of any budget this file made (compared by direct SQL).
import { randomUUID } from 'node:crypto'
import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Answer } from '../helpers/api'
import { Client, expectError, expectIssues, signedInClient, sql } from '../helpers/api'

const EVIL = 'https://evil.example'

interface Person { client: Client, id: string, personal: string }
let owner: Person, editor: Person, viewer: Person, outsider: Person
// A budget of the owner's with the editor and the viewer in it, for the checks
// after the matrix (each route of the matrix has a budget of its own).
let shared: string

function ok(answer: Answer, status: number, what: string) {
  if (answer.status !== status) throw new Error(`${what}: expected ${status}, got ${answer.status} ${JSON.stringify(answer.body)}`)
  return answer.body
}

async function person(label: string): Promise<Person> {
  const { client, user } = await signedInClient(label)
  const [personal] = ok(await client.get('/api/budgets'), 200, 'list budgets')
  return { client, id: user.id, personal: personal.id }
}

async function join(budgetId: string, who: Person, role: 'editor' | 'viewer') {
  const invite = ok(await owner.client.post(`/api/budgets/${budgetId}/invites`, { role }), 201, 'invite')
  ok(await who.client.post('/api/invites/accept', { token: invite.token }), 200, 'accept')
}

// A budget of the owner's, with the editor and the viewer in it.
async function newBudget() {
  const budget = ok(await owner.client.post('/api/budgets', { name: 'Household' }), 201, 'create budget')
  await join(budget.id, editor, 'editor')
  await join(budget.id, viewer, 'viewer')
  return budget.id as string
}

// Every month and plan this file makes has a period or year of its own, so
// none can collide in a budget.
let periods = 0
function nextPeriod() {
  const n = periods++
  return { year: 2000 + Math.floor(n / 12), month: 1 + (n % 12) }
}
let years = 0
function nextYear() {
  if (years > 100) throw new Error('out of plan years: split the plans over more budgets')
  return 2000 + years++
}

// The owner's data in a budget, for a route to act on: each maker answers the
// ids a request needs.
type Ctx = Record<string, any> & { budgetId: string }
async function withMonth(budgetId: string): Promise<Ctx> {
  const period = nextPeriod()
  const month = ok(await owner.client.post('/api/months', { budgetId, ...period }), 201, 'create month')
  return { budgetId, monthId: month.id, day: `${period.year}-${String(period.month).padStart(2, '0')}-15` }
}
async function withCategory(budgetId: string): Promise<Ctx> {
  const c = await withMonth(budgetId)
  const category = ok(await owner.client.post('/api/categories', { monthId: c.monthId, name: 'Food', budgeted: 10000 }), 201, 'create category')
  return { ...c, categoryId: category.id }
}
async function withFixedPayment(budgetId: string): Promise<Ctx> {
  const c = await withCategory(budgetId)
  const payment = ok(await owner.client.post('/api/fixed-payments', { monthId: c.monthId, name: 'Rent', amount: 90000, categoryId: c.categoryId }), 201, 'create fixed payment')
  return { ...c, fixedPaymentId: payment.id }
}
async function withTransaction(budgetId: string): Promise<Ctx> {
  const c = await withCategory(budgetId)
  const transaction = ok(await owner.client.post('/api/transactions', { monthId: c.monthId, date: c.day, amount: 1250, categoryId: c.categoryId }), 201, 'create transaction')
  return { ...c, transactionId: transaction.id }
}
async function withPlan(budgetId: string): Promise<Ctx> {
  const plan = ok(await owner.client.post('/api/yearly', { budgetId, year: nextYear() }), 201, 'create plan')
  return { budgetId, planId: plan.id, year: plan.year, sectionId: plan.sections[0].id }
}
async function withIncomeSource(budgetId: string): Promise<Ctx> {
  const c = await withPlan(budgetId)
  const source = ok(await owner.client.post('/api/yearly/income-sources', { planId: c.planId, name: 'Pay', amount: 300000 }), 201, 'create income source')
  return { ...c, sourceId: source.id, incomeEntryId: source.entries[0].id }
}
async function withYearlyCategory(budgetId: string): Promise<Ctx> {
  const c = await withPlan(budgetId)
  const category = ok(await owner.client.post('/api/yearly/categories', { sectionId: c.sectionId, name: 'Rent', amount: 90000 }), 201, 'create yearly category')
  return { ...c, yearlyCategoryId: category.id, entryId: category.entries[0].id, secondEntryId: category.entries[1].id }
}
async function withRows(budgetId: string): Promise<Ctx> {
  const c = await withYearlyCategory(budgetId)
  ok(await owner.client.post('/api/yearly/income-sources', { planId: c.planId, name: 'Pay', amount: 300000 }), 201, 'create income source')
  return c
}
async function withDeduction(budgetId: string): Promise<Ctx> {
  const c = await withPlan(budgetId)
  const deduction = ok(await owner.client.post('/api/yearly/deductions', { planId: c.planId, name: 'Tax', type: 'percent', value: 2000 }), 201, 'create deduction')
  return { ...c, deductionId: deduction.id }
}
async function withInvite(budgetId: string): Promise<Ctx> {
  const invite = ok(await owner.client.post(`/api/budgets/${budgetId}/invites`, { role: 'viewer' }), 201, 'create invite')
  return { budgetId, inviteId: invite.id }
}
// A new user who joined the budget as a viewer.
async function withMember(budgetId: string): Promise<Ctx> {
  const member = await person('member')
  await join(budgetId, member, 'viewer')
  return { budgetId, userId: member.id }
}
// An invite to a budget of the owner's own (nobody else in it).
async function withToken(): Promise<Ctx> {
  const budget = ok(await owner.client.post('/api/budgets', { name: 'Cottage' }), 201, 'create budget')
  const invite = ok(await owner.client.post(`/api/budgets/${budget.id}/invites`, { role: 'editor' }), 201, 'create invite')
  return { budgetId: budget.id, token: invite.token }
}
const justBudget = async (budgetId: string): Promise<Ctx> => ({ budgetId })
async function withRule(budgetId: string): Promise<Ctx> {
  const rule = ok(await owner.client.post(`/api/budgets/${budgetId}/rules`, { match: 'contains', text: 'coffee', categoryName: 'Treats' }), 201, 'create rule')
  return { budgetId, ruleId: rule.id }
}
// A one-line OFX statement dated in the context's month.
const statement = (c: Ctx) => `OFXHEADER:100\n\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>USD<BANKACCTFROM><ACCTID>ROLES</BANKACCTFROM><BANKTRANLIST>
<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>${c.day.replaceAll('-', '')}<TRNAMT>-3.50<FITID>F1<NAME>Coffee</STMTTRN>
</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>`

// Who may call a route: at least this role in the budget; "self": any member,
// on themself; "signed-in": anyone signed in (the route names no budget).
type Need = 'viewer' | 'editor' | 'owner' | 'self' | 'signed-in'
interface Call { method: string, path: string, json?: unknown, csv?: string, file?: { type: string, body: string } }
interface Route {
  route: string // the route as the file under server/api names it
  variant?: string
  need: Need
  status: number // a success's
  make: (budgetId: string) => Promise<Ctx>
  call: (c: Ctx, me: Person) => Call
  // The ctx key of the id a non-member's 404 is about; swapped for an unknown
  // uuid, the answer must be the same.
  target?: string
  // A success needs a budget of its own (it deletes it, or leaves it).
  fresh?: boolean
  // Answers other than the role rule's.
  exceptions?: Partial<Record<Caller, number>>
}

const get = (path: string): Call => ({ method: 'GET', path })
const post = (path: string, json: unknown): Call => ({ method: 'POST', path, json })
const patch = (path: string, json: unknown): Call => ({ method: 'PATCH', path, json })
const del = (path: string): Call => ({ method: 'DELETE', path })
const CSV_HEADER = 'date,description,amount,category'

const ROUTES: Route[] = [
  // Budgets, members, invites.
  { route: 'GET /api/budgets', need: 'signed-in', status: 200, make: justBudget, call: () => get('/api/budgets') },
  { route: 'POST /api/budgets', need: 'signed-in', status: 201, make: justBudget, call: () => post('/api/budgets', { name: 'Side budget' }) },
  { route: 'GET /api/budgets/:id', need: 'viewer', status: 200, make: justBudget, target: 'budgetId', call: c => get(`/api/budgets/${c.budgetId}`) },
  { route: 'PATCH /api/budgets/:id', need: 'owner', status: 200, make: justBudget, target: 'budgetId', call: c => patch(`/api/budgets/${c.budgetId}`, { name: 'Household' }) },
  { route: 'DELETE /api/budgets/:id', need: 'owner', status: 204, fresh: true, make: justBudget, target: 'budgetId', call: c => del(`/api/budgets/${c.budgetId}`) },
  { route: 'POST /api/budgets/:id/invites', need: 'owner', status: 201, make: justBudget, target: 'budgetId', call: c => post(`/api/budgets/${c.budgetId}/invites`, { role: 'viewer' }) },
  { route: 'GET /api/budgets/:id/invites', need: 'owner', status: 200, make: withInvite, target: 'budgetId', call: c => get(`/api/budgets/${c.budgetId}/invites`) },
  { route: 'DELETE /api/budgets/:id/invites/:inviteId', need: 'owner', status: 204, make: withInvite, target: 'budgetId', call: c => del(`/api/budgets/${c.budgetId}/invites/${c.inviteId}`) },
  { route: 'PATCH /api/budgets/:id/members/:userId', variant: 'another member, to editor', need: 'owner', status: 200, make: withMember, target: 'budgetId', call: c => patch(`/api/budgets/${c.budgetId}/members/${c.userId}`, { role: 'editor' }) },
  { route: 'PATCH /api/budgets/:id/members/:userId', variant: 'themself, to owner', need: 'owner', status: 200, make: justBudget, target: 'budgetId', call: (c, me) => patch(`/api/budgets/${c.budgetId}/members/${me.id}`, { role: 'owner' }) },
  { route: 'DELETE /api/budgets/:id/members/:userId', variant: 'another member', need: 'owner', status: 204, make: withMember, target: 'budgetId', call: c => del(`/api/budgets/${c.budgetId}/members/${c.userId}`) },
  // The only owner cannot leave (no owner left: 409).
  { route: 'DELETE /api/budgets/:id/members/:userId', variant: 'themself (leave)', need: 'self', status: 204, fresh: true, exceptions: { owner: 409 }, make: justBudget, target: 'budgetId', call: (c, me) => del(`/api/budgets/${c.budgetId}/members/${me.id}`) },
  // The owner made the invite's budget, so is a member already: 409.
  { route: 'POST /api/invites/accept', need: 'signed-in', status: 200, exceptions: { owner: 409 }, make: withToken, call: c => post('/api/invites/accept', { token: c.token }) },
  // Categorization rules.
  { route: 'GET /api/budgets/:id/rules', need: 'viewer', status: 200, make: withRule, target: 'budgetId', call: c => get(`/api/budgets/${c.budgetId}/rules`) },
  { route: 'POST /api/budgets/:id/rules', need: 'editor', status: 201, make: justBudget, target: 'budgetId', call: c => post(`/api/budgets/${c.budgetId}/rules`, { match: 'startsWith', text: 'Corner', categoryName: 'Groceries' }) },
  { route: 'PATCH /api/rules/:id', need: 'editor', status: 200, make: withRule, target: 'ruleId', call: c => patch(`/api/rules/${c.ruleId}`, { text: 'tea' }) },
  { route: 'DELETE /api/rules/:id', need: 'editor', status: 204, make: withRule, target: 'ruleId', call: c => del(`/api/rules/${c.ruleId}`) },
  // Reports.
  { route: 'GET /api/budgets/:id/reports/spending', need: 'viewer', status: 200, make: withTransaction, target: 'budgetId', call: c => get(`/api/budgets/${c.budgetId}/reports/spending`) },
  { route: 'GET /api/budgets/:id/reports/plan-vs-actual', need: 'viewer', status: 200, make: withRows, target: 'budgetId', call: c => get(`/api/budgets/${c.budgetId}/reports/plan-vs-actual?year=${c.year}`) },

  // Monthly budgets.
  { route: 'GET /api/months', need: 'viewer', status: 200, make: withMonth, target: 'budgetId', call: c => get(`/api/months?budgetId=${c.budgetId}`) },
  { route: 'POST /api/months', need: 'editor', status: 201, make: async budgetId => ({ budgetId, ...nextPeriod() }), target: 'budgetId', call: c => post('/api/months', { budgetId: c.budgetId, year: c.year, month: c.month }) },
  { route: 'GET /api/months/summaries', need: 'viewer', status: 200, make: withMonth, target: 'budgetId', call: c => get(`/api/months/summaries?budgetId=${c.budgetId}`) },
  { route: 'GET /api/months/latest', need: 'viewer', status: 200, make: withMonth, target: 'budgetId', call: c => get(`/api/months/latest?budgetId=${c.budgetId}`) },
  { route: 'GET /api/months/:id', need: 'viewer', status: 200, make: withTransaction, target: 'monthId', call: c => get(`/api/months/${c.monthId}`) },
  { route: 'PATCH /api/months/:id', need: 'editor', status: 200, make: withMonth, target: 'monthId', call: c => patch(`/api/months/${c.monthId}`, { income: 420000, notes: 'Raise' }) },
  { route: 'DELETE /api/months/:id', need: 'editor', status: 204, make: withTransaction, target: 'monthId', call: c => del(`/api/months/${c.monthId}`) },
  { route: 'GET /api/months/:id/summary', need: 'viewer', status: 200, make: withTransaction, target: 'monthId', call: c => get(`/api/months/${c.monthId}/summary`) },
  { route: 'GET /api/months/:id/transactions.csv', need: 'viewer', status: 200, make: withTransaction, target: 'monthId', call: c => get(`/api/months/${c.monthId}/transactions.csv`) },
  { route: 'POST /api/months/:id/transactions/import', need: 'editor', status: 201, make: withMonth, target: 'monthId', call: c => ({ method: 'POST', path: `/api/months/${c.monthId}/transactions/import`, csv: `${CSV_HEADER}\n${c.day},Coffee,3.50,Treats\n` }) },
  { route: 'POST /api/months/:id/import', variant: 'preview', need: 'editor', status: 200, make: withMonth, target: 'monthId', call: c => ({ method: 'POST', path: `/api/months/${c.monthId}/import?preview=true`, file: { type: 'application/x-ofx', body: statement(c) } }) },
  { route: 'POST /api/months/:id/import', need: 'editor', status: 201, make: withMonth, target: 'monthId', call: c => ({ method: 'POST', path: `/api/months/${c.monthId}/import`, file: { type: 'application/x-ofx', body: statement(c) } }) },
  { route: 'POST /api/categories', need: 'editor', status: 201, make: withMonth, target: 'monthId', call: c => post('/api/categories', { monthId: c.monthId, name: 'Groceries', budgeted: 40000 }) },
  { route: 'PATCH /api/categories/:id', need: 'editor', status: 200, make: withCategory, target: 'categoryId', call: c => patch(`/api/categories/${c.categoryId}`, { budgeted: 20000 }) },
  { route: 'DELETE /api/categories/:id', need: 'editor', status: 204, make: withTransaction, target: 'categoryId', call: c => del(`/api/categories/${c.categoryId}`) },
  { route: 'POST /api/fixed-payments', need: 'editor', status: 201, make: withCategory, target: 'monthId', call: c => post('/api/fixed-payments', { monthId: c.monthId, name: 'Gym', amount: 3000, categoryId: c.categoryId }) },
  { route: 'PATCH /api/fixed-payments/:id', need: 'editor', status: 200, make: withFixedPayment, target: 'fixedPaymentId', call: c => patch(`/api/fixed-payments/${c.fixedPaymentId}`, { paid: true }) },
  { route: 'DELETE /api/fixed-payments/:id', need: 'editor', status: 204, make: withFixedPayment, target: 'fixedPaymentId', call: c => del(`/api/fixed-payments/${c.fixedPaymentId}`) },
  { route: 'POST /api/transactions', need: 'editor', status: 201, make: withCategory, target: 'monthId', call: c => post('/api/transactions', { monthId: c.monthId, date: c.day, amount: 2500, description: 'Lunch', categoryId: c.categoryId }) },
  { route: 'PATCH /api/transactions/:id', need: 'editor', status: 200, make: withTransaction, target: 'transactionId', call: c => patch(`/api/transactions/${c.transactionId}`, { amount: 3000 }) },
  { route: 'DELETE /api/transactions/:id', need: 'editor', status: 204, make: withTransaction, target: 'transactionId', call: c => del(`/api/transactions/${c.transactionId}`) },

  // Yearly plans.
  { route: 'GET /api/yearly', need: 'viewer', status: 200, make: withPlan, target: 'budgetId', call: c => get(`/api/yearly?budgetId=${c.budgetId}`) },
  { route: 'POST /api/yearly', need: 'editor', status: 201, make: async budgetId => ({ budgetId, year: nextYear() }), target: 'budgetId', call: c => post('/api/yearly', { budgetId: c.budgetId, year: c.year }) },
  { route: 'GET /api/yearly/latest', need: 'viewer', status: 200, make: withPlan, target: 'budgetId', call: c => get(`/api/yearly/latest?budgetId=${c.budgetId}`) },
  { route: 'GET /api/yearly/by-year/:year', need: 'viewer', status: 200, make: withPlan, target: 'budgetId', call: c => get(`/api/yearly/by-year/${c.year}?budgetId=${c.budgetId}`) },
  { route: 'GET /api/yearly/:id', need: 'viewer', status: 200, make: withRows, target: 'planId', call: c => get(`/api/yearly/${c.planId}`) },
  { route: 'PATCH /api/yearly/:id', need: 'editor', status: 200, make: withPlan, target: 'planId', call: c => patch(`/api/yearly/${c.planId}`, { name: 'Renamed' }) },
  { route: 'DELETE /api/yearly/:id', need: 'editor', status: 204, make: withRows, target: 'planId', call: c => del(`/api/yearly/${c.planId}`) },
  { route: 'GET /api/yearly/:id/summary', need: 'viewer', status: 200, make: withRows, target: 'planId', call: c => get(`/api/yearly/${c.planId}/summary`) },
  { route: 'POST /api/yearly/:id/copy-month', need: 'editor', status: 200, make: withRows, target: 'planId', call: c => post(`/api/yearly/${c.planId}/copy-month`, { from: 1, to: [2, 3] }) },
  { route: 'POST /api/yearly/:id/clear-month', need: 'editor', status: 200, make: withRows, target: 'planId', call: c => post(`/api/yearly/${c.planId}/clear-month`, { month: 1 }) },
  { route: 'POST /api/yearly/income-sources', need: 'editor', status: 201, make: withPlan, target: 'planId', call: c => post('/api/yearly/income-sources', { planId: c.planId, name: 'Bonus', amount: 5000 }) },
  { route: 'PATCH /api/yearly/income-sources/:id', need: 'editor', status: 200, make: withIncomeSource, target: 'sourceId', call: c => patch(`/api/yearly/income-sources/${c.sourceId}`, { name: 'Salary' }) },
  { route: 'DELETE /api/yearly/income-sources/:id', need: 'editor', status: 204, make: withIncomeSource, target: 'sourceId', call: c => del(`/api/yearly/income-sources/${c.sourceId}`) },
  { route: 'PATCH /api/yearly/income-entries/:id', need: 'editor', status: 200, make: withIncomeSource, target: 'incomeEntryId', call: c => patch(`/api/yearly/income-entries/${c.incomeEntryId}`, { amount: 310000 }) },
  { route: 'POST /api/yearly/deductions', need: 'editor', status: 201, make: withPlan, target: 'planId', call: c => post('/api/yearly/deductions', { planId: c.planId, name: 'Pension', type: 'fixed', value: 5000 }) },
  { route: 'PATCH /api/yearly/deductions/:id', need: 'editor', status: 200, make: withDeduction, target: 'deductionId', call: c => patch(`/api/yearly/deductions/${c.deductionId}`, { value: 2500 }) },
  { route: 'DELETE /api/yearly/deductions/:id', need: 'editor', status: 204, make: withDeduction, target: 'deductionId', call: c => del(`/api/yearly/deductions/${c.deductionId}`) },
  { route: 'PATCH /api/yearly/sections/:id', need: 'editor', status: 200, make: withPlan, target: 'sectionId', call: c => patch(`/api/yearly/sections/${c.sectionId}`, { collapsed: true }) },
  { route: 'POST /api/yearly/categories', need: 'editor', status: 201, make: withPlan, target: 'sectionId', call: c => post('/api/yearly/categories', { sectionId: c.sectionId, name: 'Energy', amount: 8000 }) },
  { route: 'PATCH /api/yearly/categories/:id', need: 'editor', status: 200, make: withYearlyCategory, target: 'yearlyCategoryId', call: c => patch(`/api/yearly/categories/${c.yearlyCategoryId}`, { name: 'Housing' }) },
  { route: 'DELETE /api/yearly/categories/:id', need: 'editor', status: 204, make: withYearlyCategory, target: 'yearlyCategoryId', call: c => del(`/api/yearly/categories/${c.yearlyCategoryId}`) },
  { route: 'PATCH /api/yearly/category-entries/:id', need: 'editor', status: 200, make: withYearlyCategory, target: 'entryId', call: c => patch(`/api/yearly/category-entries/${c.entryId}`, { amount: 95000 }) },
  { route: 'POST /api/yearly/category-entries/bulk', need: 'editor', status: 200, make: withYearlyCategory, target: 'entryId', call: c => post('/api/yearly/category-entries/bulk', { updates: [{ id: c.entryId, amount: 1 }, { id: c.secondEntryId, amount: 2 }] }) },
]

// The order the cases run in: the refusals of a route before its successes.
const CALLERS = ['signed out', 'cross-site', 'non-member', 'viewer', 'editor', 'owner'] as const
type Caller = typeof CALLERS[number]
const RANK = { viewer: 0, editor: 1, owner: 2 } as const
const ROLE_NAMED = { viewer: /member/, editor: /editor/, owner: /owner/ } as const

const methodOf = (route: Route) => route.route.split(' ')[0]!

// The contract's answer for this caller: CSRF first, then the session, then
// the budget (a non-member's 404), then the role.
function expected(route: Route, caller: Caller): number {
  if (caller === 'cross-site') return 403
  if (caller === 'signed out') return 401
  const exception = route.exceptions?.[caller]
  if (exception) return exception
  if (route.need === 'signed-in') return route.status
  if (caller === 'non-member') return 404
  if (route.need === 'self') return route.status
  return RANK[caller] >= RANK[route.need] ? route.status : 403
}

// Whose identity the request carries (the cross-site request rides on the owner's cookie).
const personOf = (caller: Caller) => ({ 'owner': owner, 'editor': editor, 'viewer': viewer, 'non-member': outsider, 'signed out': owner, 'cross-site': owner })[caller]

function send(client: Client, call: Call, headers: Record<string, string> = {}) {
  if (call.csv !== undefined) return client.request(call.method, call.path, { body: call.csv, headers: { 'content-type': 'text/csv', ...headers } })
  if (call.file) return client.request(call.method, call.path, { body: call.file.body, headers: { 'content-type': call.file.type, ...headers } })
  return client.request(call.method, call.path, { json: call.json, headers })
}

// Every row of these budgets and of all in them, as JSON, by id.
async function snapshot(budgetIds: string[]) {
  const [row] = await sql(`
    WITH b AS (SELECT unnest($1::uuid[]) AS id),
    m AS (SELECT x.id FROM "Month" x WHERE x."budgetId" IN (SELECT id FROM b)),
    p AS (SELECT x.id FROM "Plan" x WHERE x."budgetId" IN (SELECT id FROM b)),
    s AS (SELECT x.id FROM "Section" x WHERE x."planId" IN (SELECT id FROM p)),
    yc AS (SELECT x.id FROM "YearlyCategory" x WHERE x."sectionId" IN (SELECT id FROM s)),
    src AS (SELECT x.id FROM "IncomeSource" x WHERE x."planId" IN (SELECT id FROM p))
    SELECT json_build_object(
      'budgets', (SELECT json_agg(x ORDER BY x.id) FROM "Budget" x WHERE x.id IN (SELECT id FROM b)),
      'memberships', (SELECT json_agg(x ORDER BY x."budgetId", x."userId") FROM "Membership" x WHERE x."budgetId" IN (SELECT id FROM b)),
      'invites', (SELECT json_agg(x ORDER BY x.id) FROM "Invite" x WHERE x."budgetId" IN (SELECT id FROM b)),
      'months', (SELECT json_agg(x ORDER BY x.id) FROM "Month" x WHERE x.id IN (SELECT id FROM m)),
      'categories', (SELECT json_agg(x ORDER BY x.id) FROM "Category" x WHERE x."monthId" IN (SELECT id FROM m)),
      'fixedPayments', (SELECT json_agg(x ORDER BY x.id) FROM "FixedPayment" x WHERE x."monthId" IN (SELECT id FROM m)),
      'transactions', (SELECT json_agg(x ORDER BY x.id) FROM "Transaction" x WHERE x."monthId" IN (SELECT id FROM m)),
      'splits', (SELECT json_agg(x ORDER BY x.id) FROM "Split" x JOIN "Transaction" t ON t.id = x."transactionId" WHERE t."monthId" IN (SELECT id FROM m)),
      'rules', (SELECT json_agg(x ORDER BY x.id) FROM "Rule" x WHERE x."budgetId" IN (SELECT id FROM b)),
      'plans', (SELECT json_agg(x ORDER BY x.id) FROM "Plan" x WHERE x.id IN (SELECT id FROM p)),
      'sections', (SELECT json_agg(x ORDER BY x.id) FROM "Section" x WHERE x.id IN (SELECT id FROM s)),
      'yearlyCategories', (SELECT json_agg(x ORDER BY x.id) FROM "YearlyCategory" x WHERE x.id IN (SELECT id FROM yc)),
      'categoryEntries', (SELECT json_agg(x ORDER BY x.id) FROM "CategoryEntry" x WHERE x."categoryId" IN (SELECT id FROM yc)),
      'incomeSources', (SELECT json_agg(x ORDER BY x.id) FROM "IncomeSource" x WHERE x.id IN (SELECT id FROM src)),
      'incomeEntries', (SELECT json_agg(x ORDER BY x.id) FROM "IncomeEntry" x WHERE x."sourceId" IN (SELECT id FROM src)),
      'deductions', (SELECT json_agg(x ORDER BY x.id) FROM "Deduction" x WHERE x."planId" IN (SELECT id FROM p))
    ) AS rows`, [budgetIds])
  return row.rows
}

// The budgets this file's users hold: `budget`, their own first ones, and the one a request is about.
const everyBudget = (budget: string, c?: Ctx) => [...new Set([budget, owner.personal, editor.personal, viewer.personal, outsider.personal, ...(c ? [c.budgetId] : [])])]

beforeAll(async () => {
  [owner, editor, viewer, outsider] = await Promise.all([person('owner'), person('editor'), person('viewer'), person('outsider')])
  shared = await newBudget()
})

// From a file under server/api to its route: months/[id]/summary.get.ts -> GET /api/months/:id/summary.
function routeOf(file: string) {
  const parts = file.replace(/\.ts$/, '').split('/')
  const last = parts.pop()!
  const method = last.slice(last.lastIndexOf('.') + 1).toUpperCase()
  const name = last.slice(0, last.lastIndexOf('.'))
  const segments = [...parts, name].filter(part => part !== 'index').map(part => part.replace(/^\[(\w+)\]$/, ':$1'))
  return `${method} /api/${segments.join('/')}`.replace(/\/$/, '')
}

describe('the matrix', () => {
  it('covers every route under server/api but auth, health and the catch-all', () => {
    const dir = fileURLToPath(new URL('../../server/api', import.meta.url))
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter(file => file.endsWith('.ts') && !file.startsWith('auth/') && file !== 'health.get.ts' && !file.includes('[...'))
    expect(new Set(ROUTES.map(route => route.route))).toEqual(new Set(files.map(routeOf)))
  })
})

// Each route runs in a budget of its own, its cases one after another; the
// routes run side by side (nothing one does reaches another's budget).
describe.concurrent.each(ROUTES.map(route => ({ ...route, title: route.variant ? `${route.route} (${route.variant})` : route.route })))('$title', (route) => {
  const callers = CALLERS.filter(caller => caller !== 'cross-site' || methodOf(route) !== 'GET')
  const cases = callers.map(caller => ({ caller, status: expected(route, caller) }))
  const isRead = methodOf(route) === 'GET'
  let budget: string
  beforeAll(async () => {
    budget = await newBudget()
  })
  // The last snapshot a refusal took, and of which budgets: while nothing but
  // refusals ran since, it is the state the next refusal starts from.
  let settled: { budgets: string, rows: unknown } | undefined
  // Refusals and reads change nothing, so they share one set of data, and so
  // may the first write that succeeds after the last refusal; every other
  // success that writes makes its own.
  let common: Promise<Ctx> | undefined
  let commonSpent = false
  const lastRefusal = cases.findLastIndex(({ status }) => status >= 300)
  const data = (index: number, success: boolean) => {
    if (!success || isRead || (index > lastRefusal && !route.fresh && !commonSpent)) {
      if (success && !isRead) commonSpent = true
      if (!common) settled = undefined
      return common ??= route.make(budget)
    }
    settled = undefined
    return route.fresh ? newBudget().then(route.make) : route.make(budget)
  }
  let ownerEtag: Promise<string | null> | undefined

  // In order (not concurrent like the routes): the refusals first, then the successes.
  it.each(cases.map((item, index) => ({ ...item, index })))('$caller: $status', { concurrent: false }, async ({ caller, status, index }) => {
    const success = status < 300
    if (success && !isRead) settled = undefined
    const c = await data(index, success)
    const me = personOf(caller)
    const client = caller === 'signed out' ? new Client() : me.client
    const headers: Record<string, string> = caller === 'cross-site' ? { origin: EVIL } : {}
    const call = route.call(c, me)
    if (isRead && !success) {
      // Holding the owner's ETag must not turn a refusal into a 304.
      const etag = await (ownerEtag ??= send(owner.client, call).then(answer => answer.headers.get('etag')))
      if (etag) headers['if-none-match'] = etag
    }
    const budgets = everyBudget(budget, c)
    const before = success ? undefined : settled?.budgets === budgets.join() ? settled.rows : await snapshot(budgets)

    const answer = await send(client, call, headers)

    if (success) {
      ok(answer, status, `${call.method} ${call.path}`)
      if (status === 204) expect(answer.body).toBe('')
      return
    }
    // A member refused for their role is told which role it takes.
    const roleRefused = status === 403 && (caller === 'viewer' || caller === 'editor')
    const error = expectError(answer, status, roleRefused ? ROLE_NAMED[route.need as keyof typeof ROLE_NAMED] : undefined)
    if (caller === 'non-member' && route.target) {
      // Exactly as for an id that names nothing.
      const unknown = await send(client, route.call({ ...c, [route.target]: randomUUID() }, me), headers)
      expect(unknown.status).toBe(404)
      expect(error).toEqual(unknown.body)
    }
    settled = undefined
    const after = await snapshot(budgets)
    expect(after).toEqual(before)
    settled = { budgets: budgets.join(), rows: after }
  })
})

describe('ids into another budget', () => {
  // A refused request: the answer `check` expects, and no row of any budget changed.
  async function refused<T>(send: () => Promise<Answer>, check: (answer: Answer) => T): Promise<T> {
    const before = await snapshot(everyBudget(shared))
    const result = check(await send())
    expect(await snapshot(everyBudget(shared))).toEqual(before)
    return result
  }
  const issuePaths = (answer: Answer) => expectIssues(answer).map(issue => issue.path)

  it('a categoryId of another budget is 400 (path categoryId, or the split\'s), whether the caller is in that budget or not', async () => {
    const here = await withFixedPayment(shared)
    const transaction = ok(await owner.client.post('/api/transactions', { monthId: here.monthId, date: here.day, amount: 100 }), 201, 'create transaction')
    const ownersOther = (await withCategory(owner.personal)).categoryId
    const period = nextPeriod()
    const outsiders = ok(await outsider.client.post('/api/months', period), 201, 'create month')
    const foreign = ok(await outsider.client.post('/api/categories', { monthId: outsiders.id, name: 'Food', budgeted: 1 }), 201, 'create category').id
    for (const [who, categoryId] of [[owner, ownersOther], [editor, foreign]] as const) {
      const splits = [{ amount: 40 }, { amount: 60, categoryId }]
      for (const [call, path] of [
        [post('/api/fixed-payments', { monthId: here.monthId, name: 'Gym', amount: 3000, categoryId }), 'categoryId'],
        [post('/api/transactions', { monthId: here.monthId, date: here.day, amount: 100, categoryId }), 'categoryId'],
        [post('/api/transactions', { monthId: here.monthId, date: here.day, amount: 100, splits }), 'splits.1.categoryId'],
        [patch(`/api/fixed-payments/${here.fixedPaymentId}`, { categoryId }), 'categoryId'],
        [patch(`/api/transactions/${transaction.id}`, { categoryId }), 'categoryId'],
        [patch(`/api/transactions/${transaction.id}`, { splits }), 'splits.1.categoryId'],
      ] as const) {
        expect(await refused(() => send(who.client, call), issuePaths), `${call.method} ${call.path}`).toEqual([path])
      }
    }
  })

  it('a yearly category moved to a section of another budget\'s plan is 400 (path sectionId)', async () => {
    const here = await withYearlyCategory(shared)
    const ownersOther = (await withPlan(owner.personal)).sectionId
    const outsiders = ok(await outsider.client.post('/api/yearly', { year: nextYear() }), 201, 'create plan').sections[0].id
    for (const [who, sectionId] of [[owner, ownersOther], [editor, outsiders]] as const) {
      expect(await refused(() => who.client.patch(`/api/yearly/categories/${here.yearlyCategoryId}`, { sectionId }), issuePaths)).toEqual(['sectionId'])
    }
  })

  it('copyFrom in a budget the caller is not in is 404, exactly as an unknown id; from any of their own budgets it copies', async () => {
    const month = await withFixedPayment(shared)
    const plan = await withYearlyCategory(shared)
    const outsidersMonth = ok(await outsider.client.post('/api/months', nextPeriod()), 201, 'create month').id
    const outsidersPlan = ok(await outsider.client.post('/api/yearly', { year: nextYear() }), 201, 'create plan').id
    const period = nextPeriod()
    const year = nextYear()
    for (const [who, body, months, plans] of [
      [outsider, {}, month.monthId, plan.planId],
      [editor, { budgetId: shared }, outsidersMonth, outsidersPlan],
    ] as const) {
      for (const [path, copyFrom, fields] of [['/api/months', months, period], ['/api/yearly', plans, { year }]] as const) {
        const refusal = await refused(() => who.client.post(path, { ...body, ...fields, copyFrom }), answer => expectError(answer, 404))
        const unknown = await who.client.post(path, { ...body, ...fields, copyFrom: randomUUID() })
        expect(refusal, path).toEqual(expectError(unknown, 404))
      }
    }
    // The viewer copies from the shared budget (reading is enough) into their own.
    const copied = ok(await viewer.client.post('/api/months', { ...nextPeriod(), copyFrom: month.monthId }), 201, 'copy month')
    expect(copied).toMatchObject({ budgetId: viewer.personal, categories: [{ name: 'Food' }], fixedPayments: [{ name: 'Rent', categoryId: copied.categories[0].id }] })
    const copiedPlan = ok(await viewer.client.post('/api/yearly', { year: nextYear(), copyFrom: plan.planId }), 201, 'copy plan')
    expect(copiedPlan.budgetId).toBe(viewer.personal)
    expect(copiedPlan.sections[0].categories.map((c: any) => c.name)).toEqual(['Rent'])
  })
})

describe('choosing the budget', () => {
  let year: number
  beforeAll(async () => {
    await withMonth(shared)
    year = (await withPlan(shared)).year
  })
  const LISTS = ['/api/months', '/api/months/summaries', '/api/months/latest', '/api/yearly', '/api/yearly/latest', '/api/yearly/by-year/:year']

  it.each(LISTS)('GET %s?budgetId= malformed, empty or not the caller\'s is 404 (as an unknown id); given twice, 400', async (list) => {
    const path = list.replace(':year', String(year))
    ok(await owner.client.get(`${path}?budgetId=${shared}`), 200, 'the shared budget')
    for (const value of ['not-a-uuid', '', '%20', shared.toUpperCase().replace(/-/g, '')]) expectError(await owner.client.get(`${path}?budgetId=${value}`), 404)
    const notTheirs = expectError(await owner.client.get(`${path}?budgetId=${outsider.personal}`), 404)
    expect(notTheirs).toEqual(expectError(await owner.client.get(`${path}?budgetId=${randomUUID()}`), 404))
    expect(expectIssues(await owner.client.get(`${path}?budgetId=${shared}&budgetId=${shared}`)).map(issue => issue.path)).toEqual(['budgetId'])
  })

  it.each([
    ['/api/months', () => nextPeriod()],
    ['/api/yearly', () => ({ year: nextYear() })],
  ])('POST %s with a budgetId malformed, empty or not the caller\'s is 404 (as an unknown id), and creates nothing', async (path, fields) => {
    const body = fields()
    const before = await snapshot(everyBudget(shared))
    for (const budgetId of ['not-a-uuid', '', ' ']) expectError(await owner.client.post(path, { ...body, budgetId }), 404)
    const notTheirs = expectError(await owner.client.post(path, { ...body, budgetId: outsider.personal }), 404)
    expect(notTheirs).toEqual(expectError(await owner.client.post(path, { ...body, budgetId: randomUUID() }), 404))
    expect(await snapshot(everyBudget(shared))).toEqual(before)
  })
})

describe('conditional GETs', () => {
  it('the owner\'s ETag gets the owner a 304, and never a non-member or a signed-out caller', async () => {
    const month = await withTransaction(shared)
    const plan = await withRows(shared)
    const reports = [`/api/budgets/${shared}/reports/spending`, `/api/budgets/${shared}/reports/plan-vs-actual?year=${plan.year}`]
    for (const path of [`/api/months/${month.monthId}`, `/api/months/${month.monthId}/summary`, `/api/months/summaries?budgetId=${shared}`, `/api/yearly/${plan.planId}`, `/api/yearly/${plan.planId}/summary`, ...reports]) {
      const etag = (await owner.client.get(path)).headers.get('etag')
      expect(etag, path).toBeTruthy()
      expect((await owner.client.get(path, { 'if-none-match': etag! })).status, path).toBe(304)
      for (const held of [etag!, '*']) {
        expectError(await outsider.client.get(path, { 'if-none-match': held }), 404)
        expectError(await new Client().get(path, { 'if-none-match': held }), 401)
      }
    }
  })
})
