// Migration from version 1 (API contract, Version 2): a database at the
// version 1 schema, holding two users' months and plans, is migrated; every
// row is still there, unchanged, under its user's new "Personal" budget.
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { applyMigrations, initialMigrationSql } from '../../scripts/migrate-engine.ts'

const VERSION_1 = '20261201000000_init'
const admin = () => new pg.Client({ connectionString: inject('databaseUrl') })
const urlOf = (database: string) => Object.assign(new URL(inject('databaseUrl')), { pathname: `/${database}` }).toString()
const databases: string[] = []

async function newDatabase() {
  const name = `migration_${randomUUID().replaceAll('-', '')}`
  const client = admin()
  await client.connect()
  await client.query(`CREATE DATABASE "${name}"`)
  await client.end()
  databases.push(name)
  return urlOf(name)
}

async function query<T extends pg.QueryResultRow = any>(url: string, text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query<T>(text, values)).rows
  }
  finally {
    await client.end()
  }
}

// Version 1 data as the app wrote it: a household's two months (categories,
// fixed payments pointing at some, transactions, a refund, an uncategorized
// one) and a plan, for two users; some records edited (version > 1) long ago.
const FILL = `
  INSERT INTO "User" (id, email, "emailKey", "passwordHash", name, currency, locale, "createdAt") VALUES
    ('11111111-1111-4111-8111-111111111111', 'demo@example.com', 'demo@example.com', 'hash', 'Demo Household', 'USD', 'en-US', '2026-01-05T10:00:00Z'),
    ('22222222-2222-4222-8222-222222222222', 'Second@Example.com', 'second@example.com', 'hash', NULL, 'EUR', 'de-DE', '2026-03-07T08:30:00.123Z');
  INSERT INTO "Session" ("userId", "expiresAt") VALUES ('11111111-1111-4111-8111-111111111111', now() + interval '1 day');
  INSERT INTO "Month" ("userId", year, month, income, notes, version, "createdAt", "updatedAt")
    SELECT u.id, 2026, m, 420000 + m, 'Notes ' || m, m, '2026-02-01T00:00:00Z', '2026-02-03T12:00:00.456Z'
    FROM "User" u, generate_series(10, 11) m;
  INSERT INTO "Category" ("monthId", name, budgeted, "sortOrder", version)
    SELECT mo.id, c.name, c.budgeted, c.ord, 1 + c.ord FROM "Month" mo,
      (VALUES ('Groceries', 60000, 0), ('Dining out', 15000, 1), ('Fun', 10000, 2)) AS c(name, budgeted, ord);
  INSERT INTO "FixedPayment" ("monthId", "categoryId", name, amount, "dueDay", paid)
    SELECT mo.id, (SELECT id FROM "Category" WHERE "monthId" = mo.id AND name = 'Fun'), 'Streaming', 1599, 20, true FROM "Month" mo
    UNION ALL SELECT mo.id, NULL, 'Rent', 145000, 1, false FROM "Month" mo;
  INSERT INTO "Transaction" ("monthId", "categoryId", date, description, amount, version)
    SELECT mo.id, c.id, make_date(mo.year, mo.month, 1 + t), 'Purchase ' || t, CASE WHEN t = 3 THEN -2499 ELSE 1000 + t END, 1 + t % 2
    FROM "Month" mo CROSS JOIN generate_series(1, 6) t
    LEFT JOIN "Category" c ON c."monthId" = mo.id AND c."sortOrder" = t % 4;
  INSERT INTO "Plan" ("userId", year, name, version, "updatedAt") SELECT id, 2026, '2026 plan', 3, '2026-01-20T00:00:00Z' FROM "User";
  INSERT INTO "Section" ("planId", name, "sortOrder", collapsed) SELECT p.id, s, i, i = 2 FROM "Plan" p, unnest(ARRAY['Fixed expenses', 'Variable expenses', 'Savings']) WITH ORDINALITY AS x(s, i);
  INSERT INTO "YearlyCategory" ("sectionId", name, "sortOrder") SELECT id, 'Row of ' || name, 0 FROM "Section";
  INSERT INTO "CategoryEntry" ("categoryId", month, amount) SELECT y.id, m, 1000 * m FROM "YearlyCategory" y, generate_series(1, 12) m;
  INSERT INTO "IncomeSource" ("planId", name, "sortOrder") SELECT id, 'Salary', 0 FROM "Plan";
  INSERT INTO "IncomeEntry" ("sourceId", month, amount, version) SELECT i.id, m, 400000, 2 FROM "IncomeSource" i, generate_series(1, 12) m;
  INSERT INTO "Deduction" ("planId", name, type, value, "sortOrder") SELECT id, 'Income tax', 'percent', 2250, 0 FROM "Plan";`

const TABLES = ['User', 'Session', 'Month', 'Category', 'FixedPayment', 'Transaction', 'Plan', 'Section', 'YearlyCategory', 'CategoryEntry', 'IncomeSource', 'IncomeEntry', 'Deduction']

async function checks(url: string) {
  return query(url, `SELECT conrelid::regclass::text AS "table", conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint
    WHERE connamespace = 'public'::regnamespace AND contype = 'c' ORDER BY 1, 2`)
}

async function rows(url: string, table: string) {
  return (await query(url, `SELECT to_jsonb(t) AS row FROM "${table}" t ORDER BY id`)).map(r => r.row)
}

// The schema as PostgreSQL describes it: columns, keys, foreign keys, indexes
// and enums. CHECK constraints are the migrations' own (Prisma's schema cannot
// state them) and are compared separately.
async function catalog(url: string) {
  return query(url, `
    SELECT 'column' AS kind, table_name || '.' || column_name AS name, data_type || ' ' || udt_name || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS definition
      FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
    UNION ALL SELECT 'constraint', conrelid::regclass::text || '.' || conname, pg_get_constraintdef(oid)
      FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND contype <> 'c' AND conrelid::regclass::text <> '_prisma_migrations'
    UNION ALL SELECT 'index', indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
    UNION ALL SELECT 'enum', t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname
    ORDER BY 1, 2`)
}

afterAll(async () => {
  const client = admin()
  await client.connect()
  for (const name of databases) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
  await client.end()
})

describe('migration to shared budgets', () => {
  let url: string
  const before: Record<string, any[]> = {}
  let checksBefore: unknown[]

  beforeAll(async () => {
    url = await newDatabase()
    expect(await applyMigrations(url, VERSION_1)).toEqual([VERSION_1])
    await query(url, FILL)
    for (const table of TABLES) before[table] = await rows(url, table)
    checksBefore = await checks(url)
    expect(await applyMigrations(url)).toEqual(['20261202000000_shared_budgets', '20261203000000_rollover_splits', '20261204000000_spending_by_category', '20261205000000_category_spent', '20261206000000_statement_import'])
  })

  it('gives every user one "Personal" budget in their currency, owned since they registered', async () => {
    const budgets = await query(url, `
      SELECT u.id AS "userId", b.name, b.currency, b.version, b."createdAt" = u."createdAt" AS "createdWithUser",
        m.role, m."joinedAt" = u."createdAt" AS "joinedWithUser"
      FROM "User" u JOIN "Membership" m ON m."userId" = u.id JOIN "Budget" b ON b.id = m."budgetId" ORDER BY u.id`)
    expect(budgets).toEqual([
      { userId: '11111111-1111-4111-8111-111111111111', name: 'Personal', currency: 'USD', version: 1, createdWithUser: true, role: 'owner', joinedWithUser: true },
      { userId: '22222222-2222-4222-8222-222222222222', name: 'Personal', currency: 'EUR', version: 1, createdWithUser: true, role: 'owner', joinedWithUser: true },
    ])
    expect(await query(url, 'SELECT 1 FROM "Budget"')).toHaveLength(2)
    expect(await query(url, 'SELECT 1 FROM "Invite"')).toEqual([])
  })

  it('keeps every row, its id, version and updatedAt; months and plans move into their user\'s budget; transactions are marked as their user\'s, categories do not roll over and hold what they spent', async () => {
    const budgetOf = new Map((await query(url, 'SELECT "userId"::text, "budgetId"::text FROM "Membership"')).map(r => [r.userId, r.budgetId]))
    const monthOwner = new Map(before.Month!.map(m => [m.id, m.userId]))
    const spentOf = (categoryId: string) => before.Transaction!.filter(t => t.categoryId === categoryId).reduce((sum, t) => sum + t.amount, 0)
    for (const table of TABLES) {
      const expected = before[table]!.map((row) => {
        if (table === 'Month' || table === 'Plan') {
          const { userId, ...rest } = row
          return { ...rest, budgetId: budgetOf.get(userId) }
        }
        if (table === 'Transaction') return { ...row, createdById: monthOwner.get(row.monthId), importId: null, importBudgetId: null }
        if (table === 'Category') return { ...row, rollover: false, spent: spentOf(row.id) }
        return row
      })
      expect(await rows(url, table), table).toEqual(expected)
    }
    expect(before.Transaction).toHaveLength(24)
    // No transaction is split; no category rolls over (the Category rows above).
    expect(await query(url, 'SELECT 1 FROM "Split"')).toEqual([])
    expect(before.CategoryEntry).toHaveLength(72)
  })

  it('ends at exactly the schema the Prisma schema describes', async () => {
    const fresh = await newDatabase()
    await query(fresh, await initialMigrationSql(fresh))
    expect(await catalog(url)).toEqual(await catalog(fresh))
    expect(checksBefore.length).toBeGreaterThan(10)
    expect(await checks(url)).toEqual([
      ...checksBefore,
      { table: '"Split"', name: 'Split_amount_check', definition: 'CHECK (((amount <> 0) AND ((amount >= \'-1000000000\'::integer) AND (amount <= 1000000000))))' },
    ].sort((a: any, b: any) => a.table.localeCompare(b.table) || a.name.localeCompare(b.name)))
  })
})
