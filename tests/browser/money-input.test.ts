// Amounts typed key by key, as a person does, into each kind of money field, in
// four locales and currencies; what was stored is read back through the API.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { APIRequestContext, Browser, Page } from 'playwright-core'
import { PASSWORD, uniqueEmail } from '../helpers/api'
import { hydrated, launchChromium, pageProblems, requestJson, screenshotPath } from '../helpers/browser'

let browser: Browser
const baseUrl = inject('baseUrl').replace('127.0.0.1', 'localhost')

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(() => browser?.close())

const api = (request: APIRequestContext, method: 'GET' | 'POST' | 'PATCH', path: string, data?: unknown) => requestJson(request, method, `${baseUrl}${path}`, data)

// Click the field, select what it shows (the month's income shows 0.00), type.
async function typeInto(page: Page, testId: string, text: string) {
  await page.getByTestId(testId).click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.type(text)
}

interface Case {
  locale: string
  currency: string
  income: [string, number]
  budget: [string, number]
  fixed: [string, number]
  refund: [string, number]
  cell: [string, number]
  unclear: string
}

const cases: Case[] = [
  { locale: 'en-US', currency: 'USD', income: ['3,000.50', 300050], budget: ['1,234.56', 123456], fixed: ['1,200', 120000], refund: ['-12.5', -1250], cell: ['2,500.75', 250075], unclear: '12,50' },
  { locale: 'de-DE', currency: 'EUR', income: ['3.000,50', 300050], budget: ['1.234,56', 123456], fixed: ['1.200', 120000], refund: ['-12,5', -1250], cell: ['2.500,75', 250075], unclear: '12.50' },
  { locale: 'fr-FR', currency: 'EUR', income: ['3 000,50', 300050], budget: ['1 234,56', 123456], fixed: ['1 200', 120000], refund: ['-12,5', -1250], cell: ['2 500,75', 250075], unclear: '12.50' },
  { locale: 'ja-JP', currency: 'JPY', income: ['3,000', 3000], budget: ['1,234', 1234], fixed: ['1,200', 1200], refund: ['-12', -12], cell: ['2,500', 2500], unclear: '12.5' },
]

describe('money typed key by key in the browser', () => {
  it.each(cases)('$locale ($currency): every money field stores exactly what was typed', async (c) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    const problems = pageProblems(page)
    const request = page.request
    await api(request, 'POST', '/api/auth/register', { email: uniqueEmail(`money-${c.locale}`), password: PASSWORD })
    await api(request, 'PATCH', '/api/auth/me', { locale: c.locale, currency: c.currency })
    // Amounts are in the budget's currency (the user's is only the default for new budgets).
    const [budget] = await api(request, 'GET', '/api/budgets')
    await api(request, 'PATCH', `/api/budgets/${budget.id}`, { currency: c.currency })
    const month = await api(request, 'POST', '/api/months', { year: 2030, month: 6 })
    const plan = await api(request, 'POST', '/api/yearly', { year: 2030 })
    const row = await api(request, 'POST', '/api/yearly/categories', { sectionId: plan.sections[0].id, name: 'Rent' })

    await page.goto(`${baseUrl}/months/${month.id}`)
    await hydrated(page)
    await page.getByTestId('month-title').waitFor()
    const stored = () => api(request, 'GET', `/api/months/${month.id}`)

    await typeInto(page, 'month-income', c.income[0])
    await page.keyboard.press('Enter')
    await expect.poll(async () => (await stored()).income).toBe(c.income[1])

    await typeInto(page, 'new-category-name', 'Books')
    await page.keyboard.press('Tab')
    await page.keyboard.type(c.budget[0])
    await page.keyboard.press('Enter')
    await expect.poll(async () => (await stored()).categories.map((x: any) => [x.name, x.budgeted])).toEqual([['Books', c.budget[1]]])

    await typeInto(page, 'new-fixed-name', 'Rent')
    await typeInto(page, 'new-fixed-amount', c.fixed[0])
    await page.keyboard.press('Enter')
    await expect.poll(async () => (await stored()).fixedPayments.map((x: any) => [x.name, x.amount])).toEqual([['Rent', c.fixed[1]]])

    await typeInto(page, 'entry-description', 'Returned book')
    await typeInto(page, 'entry-amount', c.refund[0])
    await page.keyboard.press('Enter')
    await expect.poll(async () => (await stored()).transactions.map((x: any) => [x.description, x.amount])).toEqual([['Returned book', c.refund[1]]])

    // What cannot be read one way only is explained next to the field and never saved.
    await typeInto(page, 'new-category-name', 'Films')
    await page.keyboard.press('Tab')
    await page.keyboard.type(c.unclear)
    await page.keyboard.press('Enter')
    const refusal = page.locator('form', { has: page.getByTestId('new-category-budget') }).getByTestId('money-error')
    await expect.poll(() => refusal.textContent()).toMatch(/^(Unclear amount: write decimals with|Whole amounts only)/)
    expect(await page.getByTestId('new-category-budget').inputValue()).toBe(c.unclear)
    expect((await stored()).categories.map((x: any) => x.name)).toEqual(['Books'])
    await page.screenshot({ path: screenshotPath(`money-${c.locale}-desktop`), fullPage: true })
    await page.setViewportSize({ width: 390, height: 844 })
    await page.getByTestId('new-category-budget').scrollIntoViewIfNeeded()
    await page.screenshot({ path: screenshotPath(`money-${c.locale}-phone`) })
    await page.setViewportSize({ width: 1280, height: 900 })

    // The yearly grid: a typed number starts the edit, Enter saves.
    await page.goto(`${baseUrl}/yearly/2030`)
    await hydrated(page)
    const cells = page.getByTestId('category-row').filter({ has: page.getByLabel('Row name Rent') }).locator('td[data-cell]')
    await cells.first().click()
    await page.keyboard.type(c.cell[0])
    await page.keyboard.press('Enter')
    const entries = async () => (await api(request, 'GET', `/api/yearly/${plan.id}`)).sections[0].categories[0].entries.map((e: any) => e.amount)
    await expect.poll(async () => (await entries())[0]).toBe(c.cell[1])
    expect((await entries()).slice(1)).toEqual(Array(11).fill(0))
    await page.screenshot({ path: screenshotPath(`money-${c.locale}-grid`) })
    expect(row.entries).toHaveLength(12)

    expect(problems).toEqual([])
    await context.close()
  })
})
