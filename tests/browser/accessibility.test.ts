import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { PASSWORD, uniqueEmail } from '../helpers/api'
import { blockingViolations, hydrated, launchChromium, pageProblems, screenshotPath } from '../helpers/browser'

let browser: Browser
const baseUrl = inject('baseUrl').replace('127.0.0.1', 'localhost')

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(() => browser?.close())

// Desktop and phone, in the light and the dark colour scheme (the app follows the system's).
const LOOKS = [
  { viewport: { width: 1280, height: 900 }, colorScheme: 'light' as const },
  { viewport: { width: 390, height: 844 }, colorScheme: 'light' as const },
  { viewport: { width: 1280, height: 900 }, colorScheme: 'dark' as const },
  { viewport: { width: 390, height: 844 }, colorScheme: 'dark' as const },
]

// Opens a page, waits until it shows what `ready` finds, photographs it and
// checks it with axe-core; a failing page does not hide the next one's findings.
function auditor(page: Page, look: typeof LOOKS[number]) {
  const seenAt = `${look.viewport.width}${look.colorScheme === 'dark' ? '-dark' : ''}`
  return async (path: string, name: string, ready: (page: Page) => Promise<unknown>) => {
    await page.goto(`${baseUrl}${path}`)
    await hydrated(page)
    await ready(page)
    await page.screenshot({ path: screenshotPath(`a11y-${name}-${seenAt}`), fullPage: true })
    expect.soft(await blockingViolations(page), `${name} (${path}) at ${seenAt}`).toEqual([])
  }
}

async function post<T = any>(context: BrowserContext, path: string, data: unknown): Promise<T> {
  const response = await context.request.post(`${baseUrl}${path}`, { data })
  expect(response.status(), `POST ${path}: ${await response.text()}`).toBeLessThan(300)
  return response.json()
}

const today = new Date()

// This month, with income, notes, categories (one overspent), fixed payments
// (one paid) and transactions (one a refund).
async function monthWithData(context: BrowserContext) {
  const [year, month] = [today.getFullYear(), today.getMonth() + 1]
  const day = (d: number) => `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`
  const created = await post<{ id: string }>(context, '/api/months', { year, month, income: 500000, notes: 'Birthday present for Sam.' })
  const groceries = await post<{ id: string }>(context, '/api/categories', { monthId: created.id, name: 'Groceries', budgeted: 40000 })
  const fun = await post<{ id: string }>(context, '/api/categories', { monthId: created.id, name: 'Going out with friends', budgeted: 5000 })
  await post(context, '/api/fixed-payments', { monthId: created.id, name: 'Rent', amount: 120000, dueDay: 1, paid: true })
  await post(context, '/api/fixed-payments', { monthId: created.id, name: 'Gym', amount: 3000 })
  await post(context, '/api/transactions', { monthId: created.id, date: day(2), description: 'Supermarket', amount: 4550, categoryId: groceries.id })
  await post(context, '/api/transactions', { monthId: created.id, date: day(3), description: 'Concert tickets', amount: 9000, categoryId: fun.id })
  await post(context, '/api/transactions', { monthId: created.id, date: day(4), description: 'Refund for a broken kettle', amount: -2500, categoryId: groceries.id })
  return created.id
}

// This year's plan, with income, a deduction and expenses in two sections.
async function planWithData(context: BrowserContext) {
  const year = today.getFullYear()
  const plan = await post<{ id: string, sections: { id: string }[] }>(context, '/api/yearly', { year })
  await post(context, '/api/yearly/income-sources', { planId: plan.id, name: 'Salary', amount: 300000 })
  await post(context, '/api/yearly/deductions', { planId: plan.id, name: 'Tax', type: 'percent', value: 1000 })
  await post(context, '/api/yearly/categories', { sectionId: plan.sections[0]!.id, name: 'Rent', amount: 120000 })
  await post(context, '/api/yearly/categories', { sectionId: plan.sections[1]!.id, name: 'Food', amount: 40000 })
  return year
}

async function signedIn(look: typeof LOOKS[number]) {
  const context = await browser.newContext(look)
  await post(context, '/api/auth/register', { email: uniqueEmail('a11y'), password: PASSWORD, name: 'Alex Access' })
  return { context, page: await context.newPage() }
}

// A chart's text alternative, row by row: its label, then each series' amount.
const chartTable = (page: Page, caption: string) => page.getByRole('table', { name: caption }).locator('tbody tr')
  .evaluateAll(rows => rows.map(row => [...row.children].map(cell => cell.textContent!.trim())))
// How far the document runs on below the page's content: hidden content that
// still takes room shows here.
const overhang = (page: Page) => page.evaluate(() =>
  document.documentElement.scrollHeight - Math.max(window.innerHeight, Math.ceil(document.getElementById('main')!.getBoundingClientRect().bottom + window.scrollY)))

// A chart draws its bars once scrolled near (useMoneyChart).
async function chartDrawn(page: Page, testid: string) {
  await page.getByTestId(testid).scrollIntoViewIfNeeded()
  await page.getByTestId(testid).locator('svg').waitFor()
}

const notFoundShown = (page: Page) => page.getByRole('heading', { name: 'Page not found' }).waitFor()
// Each test visits several pages, on a machine that also runs other files' browsers.
const SEVERAL_PAGES = 150_000

describe('accessibility: axe-core finds nothing critical or serious', () => {
  for (const look of LOOKS) {
    const seenAt = `at ${look.viewport.width} px, ${look.colorScheme}`

    it(`signed out: sign in, create account, not found, ${seenAt}`, async () => {
      const context = await browser.newContext(look)
      const page = await context.newPage()
      const problems = pageProblems(page)
      const audit = auditor(page, look)

      await audit('/login', 'login', page => page.getByTestId('submit').waitFor())
      await audit('/register', 'register', page => page.getByTestId('submit').waitFor())
      await audit('/no-such-page', 'not-found-signed-out', notFoundShown)
      expect(problems).toEqual([])
      await context.close()
    }, SEVERAL_PAGES)

    it(`signed in: months (none, then one with everything), the month, settings, ${seenAt}`, async () => {
      const { context, page } = await signedIn(look)
      const problems = pageProblems(page)
      const audit = auditor(page, look)

      await audit('/months', 'months-empty', page => page.getByText('No months yet').waitFor())
      const monthId = await monthWithData(context)
      await audit('/months', 'months', page => expect.poll(() => page.getByTestId('month-card').textContent()).toContain('Balance'))
      await audit(`/months/${monthId}`, 'month', async (page) => {
        await chartDrawn(page, 'budget-chart')
        await expect.poll(() => page.getByLabel('Notes').inputValue()).toBe('Birthday present for Sam.')
        expect(await page.getByLabel('Income this month').inputValue()).toBe('5,000.00')
      })
      expect(await chartTable(page, 'Budget and spending by category')).toEqual([['Groceries', '$400.00', '$20.50'], ['Going out with friends', '$50.00', '$90.00']])
      expect(await overhang(page)).toBeLessThanOrEqual(0)
      await audit('/settings', 'settings', page => page.getByTestId('money-preview').waitFor())
      // The budget's settings, with a pending invite; an invite link.
      const [budget] = await (await context.request.get(`${baseUrl}/api/budgets`)).json()
      await post(context, `/api/budgets/${budget.id}/invites`, { role: 'viewer' })
      await audit(`/budgets/${budget.id}`, 'budget-settings', page => page.getByTestId('invite').waitFor())
      await audit(`/join/${'x'.repeat(43)}`, 'join', page => page.getByTestId('accept-invite').waitFor())
      expect(problems).toEqual([])
      await context.close()
    }, SEVERAL_PAGES)

    it(`signed in: yearly plan (none, then one with rows), not found, ${seenAt}`, async () => {
      const { context, page } = await signedIn(look)
      const problems = pageProblems(page)
      const audit = auditor(page, look)

      await audit('/yearly', 'yearly-empty', page => page.getByText('No yearly plan yet').waitFor())
      const year = await planWithData(context)
      await audit(`/yearly/${year}`, 'yearly-plan', page => chartDrawn(page, 'plan-chart'))
      const months = await chartTable(page, 'Net income and expenses by month')
      expect(months).toHaveLength(12)
      expect(months[0]).toEqual(['Jan', '$2,700.00', '$1,600.00'])
      expect(await overhang(page)).toBeLessThanOrEqual(0)
      await audit('/no-such-page', 'not-found', notFoundShown)
      expect(problems).toEqual([])
      await context.close()
    }, SEVERAL_PAGES)

    it(`signed in: the overview (no months, then a month and a plan) and reports, ${seenAt}`, async () => {
      const { context, page } = await signedIn(look)
      const problems = pageProblems(page)
      const audit = auditor(page, look)

      await audit('/', 'overview-empty', page => page.getByText('No months yet').waitFor())
      await monthWithData(context)
      await planWithData(context)
      await audit('/', 'overview', async (page) => {
        await chartDrawn(page, 'category-chart')
        await chartDrawn(page, 'income-chart')
        await page.getByTestId('plan-month').first().waitFor()
      })
      expect(await overhang(page)).toBeLessThanOrEqual(0)
      await audit('/reports', 'reports', page => chartDrawn(page, 'category-chart'))
      expect(await overhang(page)).toBeLessThanOrEqual(0)
      expect(problems).toEqual([])
      await context.close()
    }, SEVERAL_PAGES)
  }
})
