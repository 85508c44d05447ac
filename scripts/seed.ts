// npm run db:seed — demo data, written once: does nothing when the demo user exists.
import { Hash } from '@adonisjs/hash'
import { Scrypt } from '@adonisjs/hash/drivers/scrypt'
import pg from 'pg'
import { localDatabase } from './local-database.ts'

export const DEMO_EMAIL = 'demo@example.com'
export const DEMO_PASSWORD = 'demo-budget-2026'
// The household's second member, an editor, with the same password.
export const DEMO_PARTNER_EMAIL = 'sam@example.com'

// Same hash format and parameters as the app's (nuxt-auth-utils' defaults).
const hasher = new Hash(new Scrypt({}))

// Categories (one overspent, two rolling over into next month), fixed payments
// (some paid), a refund, a split purchase and an uncategorized one: a month
// that shows every part of the month page.
const CATEGORIES: [string, number, boolean][] = [['Groceries', 60000, true], ['Dining out', 15000, false], ['Transport', 12000, false], ['Fun', 10000, false], ['Household', 8000, true]]
const FIXED: [string, number, number, string | null][] = [['Rent', 145000, 1, null], ['Electricity', 8500, 12, 'Household'], ['Internet', 4999, 15, null], ['Streaming', 1599, 20, 'Fun']]
// A purchase's category, or its parts: [category, amount, note].
type Spent = string | null | [string | null, number, string][]
const SPENDING: [number, string, number, Spent][] = [
  [2, 'Farmers market', 4280, 'Groceries'], [3, 'Bus pass', 9000, 'Transport'], [5, 'Supermarket', 11235, 'Groceries'],
  [6, 'Pizza night', 4650, 'Dining out'], [8, 'Cinema', 2800, 'Fun'], [9, 'Supermarket', 9870, [['Groceries', 7370, ''], ['Household', 2500, 'Cleaning things']]],
  [11, 'Returned lamp', -2499, 'Household'], [12, 'Birthday gift', 3500, null], [14, 'Concert tickets', 8900, 'Fun'],
  [16, 'Supermarket', 10420, 'Groceries'], [18, 'Lunch with Sam', 2375, 'Dining out'], [20, 'Taxi', 3150, 'Transport'],
  [22, 'Bakery', 1260, 'Groceries'], [25, 'Sushi', 6840, 'Dining out'], [27, 'Hardware store', 4320, 'Household'],
]

// Every third purchase was logged by the partner; an earlier month (`back`
// months ago) goes without a different few of them, so months differ.
async function seedMonth(client: pg.Client, budget: DemoBudget, at: { year: number, month: number }, options: { paidAll: boolean, days: number, back: number }) {
  const { rows: [month] } = await client.query<{ id: string }>('INSERT INTO "Month" ("budgetId", year, month, income, notes) VALUES ($1, $2, $3, $4, $5) RETURNING id', [budget.id, at.year, at.month, 420000, 'Salary on the 1st. Saving for a summer trip.'])
  const categoryId = new Map<string, string>()
  for (const [index, [name, budgeted, rollover]] of CATEGORIES.entries()) {
    const { rows: [row] } = await client.query<{ id: string }>('INSERT INTO "Category" ("monthId", name, budgeted, rollover, "sortOrder") VALUES ($1, $2, $3, $4, $5) RETURNING id', [month!.id, name, budgeted, rollover, index])
    categoryId.set(name, row!.id)
  }
  for (const [index, [name, amount, dueDay, category]] of FIXED.entries()) {
    await client.query('INSERT INTO "FixedPayment" ("monthId", name, amount, "dueDay", paid, "categoryId") VALUES ($1, $2, $3, $4, $5, $6)', [month!.id, name, amount, dueDay, options.paidAll || index < 2, category && categoryId.get(category)])
  }
  const pad = (n: number) => String(n).padStart(2, '0')
  const purchases = SPENDING.filter(([day], index) => day <= options.days && (options.back === 0 || (index + options.back) % 5 !== 0))
  for (const [index, [day, description, amount, spent]] of purchases.entries()) {
    const createdBy = index % 3 === 2 ? budget.partnerId : budget.ownerId
    const category = typeof spent === 'string' ? categoryId.get(spent) : null
    const { rows: [transaction] } = await client.query<{ id: string }>('INSERT INTO "Transaction" ("monthId", date, description, amount, "categoryId", "createdById") VALUES ($1, $2, $3, $4, $5, $6) RETURNING id', [month!.id, `${at.year}-${pad(at.month)}-${pad(day)}`, description, amount, category, createdBy])
    for (const [position, [name, part, note]] of (Array.isArray(spent) ? spent : []).entries()) {
      await client.query('INSERT INTO "Split" ("transactionId", "categoryId", position, amount, note) VALUES ($1, $2, $3, $4, $5)', [transaction!.id, name && categoryId.get(name), position, part, note])
    }
  }
}

// A year with a raise in July, a December bonus, a percent and a fixed
// deduction, and categories in all three sections, some varying by month.
const PLAN_INCOME: [string, number[]][] = [
  ['Salary', [...Array(6).fill(420000), ...Array(6).fill(441000)]],
  ['Bonus', [...Array(11).fill(0), 300000]],
]
const PLAN_SECTIONS: [string, [string, number[]][]][] = [
  ['Fixed expenses', [['Rent', Array(12).fill(145000)], ['Utilities', [14000, 13500, 12000, 9000, 7000, 6000, 6000, 6000, 7000, 9000, 12000, 14000]], ['Insurance', Array(12).fill(9500)]]],
  ['Variable expenses', [['Groceries', Array(12).fill(60000)], ['Travel', [0, 0, 0, 0, 0, 0, 180000, 60000, 0, 0, 0, 40000]], ['Gifts', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 15000, 45000]]]],
  ['Savings', [['Emergency fund', Array(12).fill(30000)], ['Retirement', Array(12).fill(25000)]]],
]

async function seedPlan(client: pg.Client, budget: DemoBudget, year: number) {
  const { rows: [plan] } = await client.query<{ id: string }>('INSERT INTO "Plan" ("budgetId", year, name) VALUES ($1, $2, $3) RETURNING id', [budget.id, year, `${year} household plan`])
  const entries = (table: string, column: string, id: string, amounts: number[]) =>
    client.query(`INSERT INTO "${table}" ("${column}", month, amount) SELECT $1, m, a FROM unnest($2::int[], $3::int[]) AS t(m, a)`, [id, amounts.map((_, i) => i + 1), amounts])
  for (const [index, [name, amounts]] of PLAN_INCOME.entries()) {
    const { rows: [source] } = await client.query<{ id: string }>('INSERT INTO "IncomeSource" ("planId", name, "sortOrder") VALUES ($1, $2, $3) RETURNING id', [plan!.id, name, index])
    await entries('IncomeEntry', 'sourceId', source!.id, amounts)
  }
  await client.query('INSERT INTO "Deduction" ("planId", name, type, value, "sortOrder") VALUES ($1, $2, $3, $4, 0), ($1, $5, $6, $7, 1)', [plan!.id, 'Income tax', 'percent', 2250, 'Pension plan', 'fixed', 15000])
  for (const [sectionIndex, [sectionName, categories]] of PLAN_SECTIONS.entries()) {
    const { rows: [section] } = await client.query<{ id: string }>('INSERT INTO "Section" ("planId", name, "sortOrder") VALUES ($1, $2, $3) RETURNING id', [plan!.id, sectionName, sectionIndex])
    for (const [index, [name, amounts]] of categories.entries()) {
      const { rows: [category] } = await client.query<{ id: string }>('INSERT INTO "YearlyCategory" ("sectionId", name, "sortOrder") VALUES ($1, $2, $3) RETURNING id', [section!.id, name, index])
      await entries('CategoryEntry', 'categoryId', category!.id, amounts)
    }
  }
}

interface DemoBudget { id: string, ownerId: string, partnerId: string }

export async function seedDemo(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rowCount } = await client.query('SELECT 1 FROM "User" WHERE "emailKey" = $1', [DEMO_EMAIL])
    if (rowCount) return false
    await client.query('BEGIN')
    const passwordHash = await hasher.make(DEMO_PASSWORD)
    const addUser = async (email: string, name: string) => (await client.query<{ id: string }>(
      'INSERT INTO "User" ("email", "emailKey", "passwordHash", "name", "currency", "locale") VALUES ($1, $1, $2, $3, $4, $5) RETURNING id',
      [email, passwordHash, name, 'USD', 'en-US'],
    )).rows[0]!.id
    const ownerId = await addUser(DEMO_EMAIL, 'Alex')
    const partnerId = await addUser(DEMO_PARTNER_EMAIL, 'Sam')
    const { rows: [budget] } = await client.query<{ id: string }>('INSERT INTO "Budget" (name, currency) VALUES ($1, $2) RETURNING id', ['Household', 'USD'])
    await client.query('INSERT INTO "Membership" ("budgetId", "userId", role) VALUES ($1, $2, \'owner\'), ($1, $3, \'editor\')', [budget!.id, ownerId, partnerId])
    const household = { id: budget!.id, ownerId, partnerId }
    // A year of months, this one under way, for the overview's charts.
    const now = new Date()
    for (let back = 11; back >= 0; back--) {
      const index = now.getFullYear() * 12 + now.getMonth() - back
      const at = { year: Math.floor(index / 12), month: (index % 12) + 1 }
      await seedMonth(client, household, at, back ? { paidAll: true, days: 28, back } : { paidAll: false, days: Math.max(1, now.getDate()), back })
    }
    await seedPlan(client, household, now.getFullYear())
    await client.query('COMMIT')
    return true
  }
  catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    throw error
  }
  finally {
    await client.end()
  }
}

if (import.meta.main) {
  const db = await localDatabase()
  try {
    console.log(await seedDemo(db.url) ? `Seeded demo data: sign in as ${DEMO_EMAIL} (owner) or ${DEMO_PARTNER_EMAIL} (editor), password ${DEMO_PASSWORD}` : 'Demo data already present.')
  }
  finally {
    await db.stop()
  }
}
