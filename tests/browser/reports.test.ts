import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { PASSWORD, uniqueEmail } from '../helpers/api'
import { ACTION_TIMEOUT, LONG_FLOW, hydrated, launchChromium, pageProblems, requestJson, screenshotPath } from '../helpers/browser'

let browser: Browser
const baseUrl = inject('baseUrl').replace('127.0.0.1', 'localhost')

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(() => browser?.close())

async function signedUp(context: BrowserContext, label: string) {
  context.setDefaultTimeout(ACTION_TIMEOUT)
  const page = await context.newPage()
  expect((await page.request.post(`${baseUrl}/api/auth/register`, { data: { email: uniqueEmail(label), password: PASSWORD, name: 'Robin Reports' } })).status()).toBe(201)
  const api = <T = any>(path: string, data: unknown) => requestJson<T>(page.request, 'POST', `${baseUrl}${path}`, data)
  return { page, api }
}

const cardValue = (page: Page, key: string) => page.getByTestId(`summary-${key}`).getByTestId('value').textContent()
const rowsOf = (page: Page, testid: string) => page.getByTestId(testid).evaluateAll(rows => rows.map(row => [...row.children].map(cell => cell.textContent!.trim())))
const noSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)
const chartTable = (page: Page, caption: string) => page.getByRole('table', { name: caption }).locator('tbody tr')
  .evaluateAll(rows => rows.map(row => [...row.children].map(cell => cell.textContent!.trim())))

describe('the overview', () => {
  it('shows this month with its month page\'s figures, the last 12 months\' spending and this year against the plan', { timeout: LONG_FLOW }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const { page, api } = await signedUp(context, 'overview')
    const problems = pageProblems(page)
    const now = new Date()
    const [year, month] = [now.getFullYear(), now.getMonth() + 1]
    const day = `${year}-${String(month).padStart(2, '0')}-01`
    const current = await api('/api/months', { year, month, income: 350000 })
    const groceries = await api('/api/categories', { monthId: current.id, name: 'Groceries', budgeted: 50000 })
    const fun = await api('/api/categories', { monthId: current.id, name: 'Fun', budgeted: 10000 })
    await api('/api/fixed-payments', { monthId: current.id, name: 'Rent', amount: 120000 })
    await api('/api/transactions', { monthId: current.id, date: day, description: 'Supermarket', amount: 61000, categoryId: groceries.id })
    await api('/api/transactions', { monthId: current.id, date: day, description: 'Cinema', amount: 2500, categoryId: fun.id })
    await api('/api/transactions', { monthId: current.id, date: day, description: 'Gift', amount: 1800, categoryId: null })
    const plan = await api('/api/yearly', { year })
    await api('/api/yearly/categories', { sectionId: plan.sections[0].id, name: 'Rent', amount: 120000 })
    await api('/api/yearly/categories', { sectionId: plan.sections[1].id, name: 'Groceries', amount: 50000 })

    await page.goto(`${baseUrl}/`)
    await hydrated(page)
    await page.getByTestId('category-chart').locator('svg').waitFor()
    const glance = { income: await cardValue(page, 'income'), spent: await cardValue(page, 'spent'), available: await cardValue(page, 'available') }
    expect(glance).toEqual({ income: '$3,500.00', spent: '$653.00', available: '$1,700.00' })
    const daysLeft = new Date(year, month, 0).getDate() - now.getDate() + 1
    expect(await page.getByTestId('days-left').getByTestId('value').textContent()).toBe(`${daysLeft} day${daysLeft === 1 ? '' : 's'}`)
    // This month spent 1,853.00 with the rent against 1,700.00 planned: marked, in words too.
    const thisMonthRow = page.getByTestId('plan-month').nth(month - 1)
    expect(await thisMonthRow.getAttribute('data-over')).toBe('true')
    expect((await thisMonthRow.locator('th, td').allTextContents()).map(cell => cell.replace(/\s+/g, ' ').trim()).slice(1)).toEqual(['$1,700.00', '$1,853.00', 'Over by $153.00'])
    expect(await page.getByTestId('plan-month').nth(month === 1 ? 1 : 0).getAttribute('data-over')).toBeNull()
    // The charts' text alternatives: 12 months, this one last, the largest category first and the uncategorized as Other.
    const byCategory = await chartTable(page, 'Spending by category and month')
    expect(byCategory).toHaveLength(12)
    expect(byCategory.at(-1)!.slice(1)).toEqual(['$610.00', '$25.00', '$18.00'])
    expect(await page.getByRole('table', { name: 'Spending by category and month' }).locator('thead th').allTextContents()).toEqual(['Month', 'Groceries', 'Fun', 'Other'])
    expect((await chartTable(page, 'Income and spending by month')).at(-1)!.slice(1)).toEqual(['$3,500.00', '$653.00'])
    await page.screenshot({ path: screenshotPath('overview-desktop'), fullPage: true })
    await page.setViewportSize({ width: 390, height: 844 })
    expect(await noSideways(page)).toBe(true)
    await page.screenshot({ path: screenshotPath('overview-phone'), fullPage: true })
    await page.setViewportSize({ width: 1280, height: 900 })

    // The month page says the same.
    await page.getByTestId('open-glance-month').click()
    await page.waitForURL(`${baseUrl}/months/${current.id}`)
    await hydrated(page)
    await expect.poll(() => cardValue(page, 'spent')).toBe(glance.spent)
    expect({ income: await cardValue(page, 'income'), spent: await cardValue(page, 'spent'), available: await cardValue(page, 'available') }).toEqual(glance)
    expect(problems).toEqual([])
    await context.close()
  })
})

describe('the reports page', () => {
  it('shows the range asked for, keeps to the categories chosen and downloads its table as CSV', { timeout: LONG_FLOW }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true })
    const { page, api } = await signedUp(context, 'reports')
    const problems = pageProblems(page)
    const months = []
    for (const month of [1, 2, 3]) months.push(await api('/api/months', { year: 2031, month, income: 300000 }))
    const rent = await api('/api/categories', { monthId: months[0].id, name: 'Rent', budgeted: 100000 })
    const food = [await api('/api/categories', { monthId: months[0].id, name: 'Food', budgeted: 30000 }), await api('/api/categories', { monthId: months[1].id, name: 'Food', budgeted: 30000 })]
    await api('/api/transactions', { monthId: months[0].id, date: '2031-01-01', amount: 100000, categoryId: rent.id })
    await api('/api/transactions', { monthId: months[0].id, date: '2031-01-09', amount: 20000, categoryId: food[0].id })
    await api('/api/transactions', { monthId: months[1].id, date: '2031-02-09', amount: 15000, categoryId: food[1].id })
    await api('/api/transactions', { monthId: months[1].id, date: '2031-02-10', amount: 2000, categoryId: null })

    await page.goto(`${baseUrl}/reports?from=2031-01&to=2031-03`)
    await hydrated(page)
    await page.getByTestId('category-chart').locator('svg').waitFor()
    expect((await page.getByTestId('report-table').locator('thead th').allTextContents()).map(text => text.trim())).toEqual(['Category', 'Jan 2031', 'Feb 2031', 'Mar 2031', 'Total'])
    expect(await rowsOf(page, 'report-row')).toEqual([
      ['Rent', '$1,000.00', '$0.00', '$0.00', '$1,000.00'],
      ['Food', '$200.00', '$150.00', '$0.00', '$350.00'],
      ['Uncategorized', '$0.00', '$20.00', '$0.00', '$20.00'],
      ['Total spent', '$1,200.00', '$170.00', '$0.00', '$1,370.00'],
      ['Income', '$3,000.00', '$3,000.00', '$3,000.00', '$9,000.00'],
    ])
    // A month in the table opens its page.
    expect(await page.getByTestId('report-table').getByRole('link', { name: 'Feb 2031' }).getAttribute('href')).toBe(`/months/${months[1].id}`)
    await page.screenshot({ path: screenshotPath('reports-desktop'), fullPage: true })

    // A backwards range is explained and not asked for.
    await page.getByLabel('From', { exact: true }).fill('2031-04')
    await page.getByRole('button', { name: 'Show' }).click()
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('The last month must not come before the first')
    expect(new URL(page.url()).search).toBe('?from=2031-01&to=2031-03')
    await page.getByLabel('From', { exact: true }).fill('2028-03')
    await page.getByRole('button', { name: 'Show' }).click()
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('A report covers at most 36 months')
    // A range the page would not ask for, from the address: the API's reason, and the form to mend it.
    await page.goto(`${baseUrl}/reports?from=1999-12&to=2031-03`)
    await hydrated(page)
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Must be a month from 2000-01 to 2100-12')
    expect(await page.getByLabel('From', { exact: true }).inputValue()).toBe('1999-12')
    await page.getByLabel('From', { exact: true }).fill('2031-02')
    await page.getByRole('button', { name: 'Show' }).click()
    await page.waitForURL(`${baseUrl}/reports?from=2031-02&to=2031-03`)
    await expect.poll(() => rowsOf(page, 'report-row')).toContainEqual(['Food', '$150.00', '$0.00', '$150.00'])

    // Only Food: the table keeps to it, with the month's totals after it.
    await page.getByTestId('report-categories').click()
    await page.getByRole('option', { name: 'Food' }).click()
    await page.keyboard.press('Escape')
    await expect.poll(() => rowsOf(page, 'report-row')).toEqual([
      ['Food', '$150.00', '$0.00', '$150.00'],
      ['Total spent', '$170.00', '$0.00', '$170.00'],
      ['Income', '$3,000.00', '$3,000.00', '$6,000.00'],
    ])
    const download = page.waitForEvent('download')
    await page.getByTestId('report-csv').click()
    const file = await download
    expect(file.suggestedFilename()).toBe('spending-2031-02-to-2031-03.csv')
    const csv = await (await file.createReadStream()).toArray().then(chunks => Buffer.concat(chunks).toString('utf8'))
    expect(csv).toBe(',2031-02,2031-03,Total\r\nFood,150.00,0.00,150.00\r\nTotal spent,170.00,0.00,170.00\r\nIncome,3000.00,3000.00,6000.00\r\n')

    await page.setViewportSize({ width: 390, height: 844 })
    expect(await noSideways(page)).toBe(true)
    await page.screenshot({ path: screenshotPath('reports-phone'), fullPage: true })
    expect(problems).toEqual([])
    await context.close()
  })
})
