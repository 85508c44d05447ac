import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { Category, MonthDetail } from '#shared/schemas/months'
import { PASSWORD, uniqueEmail } from '../helpers/api'
import { ACTION_TIMEOUT, LONG_FLOW, blockingViolations, hydrated, launchChromium, pageProblems, requestJson, screenshotPath } from '../helpers/browser'

let browser: Browser
const baseUrl = inject('baseUrl').replace('127.0.0.1', 'localhost')

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(() => browser?.close())

// A fresh user with a month (year, month) holding these categories (budget in
// major units); the page's session is the user's.
async function signedUpWithMonth(context: BrowserContext, label: string) {
  context.setDefaultTimeout(ACTION_TIMEOUT)
  const page = await context.newPage()
  expect((await page.request.post(`${baseUrl}/api/auth/register`, { data: { email: uniqueEmail(label), password: PASSWORD, name: 'Pat Planner' } })).status()).toBe(201)
  const month = async (year: number, number: number, categories: [string, number][]) => {
    const detail = await requestJson<MonthDetail>(page.request, 'POST', `${baseUrl}/api/months`, { year, month: number })
    const made: Category[] = []
    for (const [name, budget] of categories) made.push(await requestJson<Category>(page.request, 'POST', `${baseUrl}/api/categories`, { monthId: detail.id, name, budgeted: budget * 100 }))
    return { ...detail, categories: made }
  }
  return { page, month }
}

const categoryRow = (page: Page, name: string) => page.getByTestId('category-row').filter({ has: page.getByLabel(`Budget for ${name}`) })
const figure = (page: Page, name: string, testid: 'spent' | 'carried-in' | 'available') => categoryRow(page, name).getByTestId(testid).textContent()
const noSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)

async function chooseCategory(page: Page, line: number, name: string) {
  await page.getByRole('combobox', { name: `Category of line ${line}` }).click()
  await page.getByRole('option', { name }).click()
}

describe('split transactions and rollover in the browser', () => {
  it('splits a transaction into three categories by keyboard and the categories\' spent follows', { timeout: LONG_FLOW }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const { page, month } = await signedUpWithMonth(context, 'splits')
    const problems = pageProblems(page)
    const march = await month(2031, 3, [['Groceries', 400], ['Household', 100], ['Fun', 50]])
    await requestJson(page.request, 'POST', `${baseUrl}/api/transactions`, { monthId: march.id, date: '2031-03-04', description: 'Hypermarket', amount: 10000, categoryId: march.categories[0]!.id })

    await page.goto(`${baseUrl}/months/${march.id}`)
    await hydrated(page)
    await expect.poll(() => figure(page, 'Groceries', 'spent')).toBe('$100.00')

    await page.getByRole('button', { name: 'Split Hypermarket' }).click()
    const editor = page.getByTestId('split-editor')
    await editor.waitFor()
    // Focus starts on line 1's category (Groceries, the transaction's own); Tab on to its amount.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Category of line 1')
    await page.keyboard.press('Tab')
    await page.keyboard.type('60')
    await expect.poll(() => editor.getByTestId('split-left').textContent()).toContain('$40.00 still to assign')
    await page.getByLabel('Note of line 1').click()
    await page.keyboard.type('Food')
    await page.keyboard.press('Enter')
    // Enter added a line after this one and put focus on it.
    await expect.poll(() => editor.getByTestId('split-line').count()).toBe(3)
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Category of line 2')
    await chooseCategory(page, 2, 'Household')
    await page.getByLabel('Amount of line 2').click()
    await page.keyboard.type('25')
    await expect.poll(() => editor.getByTestId('split-left').textContent()).toContain('$15.00 still to assign')
    await expect.poll(() => editor.getByTestId('split-save').isDisabled()).toBe(true)
    await chooseCategory(page, 3, 'Fun')
    await editor.getByRole('button', { name: /^Rest: fill line 3/ }).click()
    await expect.poll(() => page.getByLabel('Amount of line 3').inputValue()).toBe('15.00')
    await expect.poll(() => editor.getByTestId('split-left').textContent()).toContain('All assigned')

    expect(await blockingViolations(page)).toEqual([])
    await page.setViewportSize({ width: 390, height: 844 })
    expect(await noSideways(page)).toBe(true)
    await page.screenshot({ path: screenshotPath('split-editor-phone'), fullPage: true })
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.screenshot({ path: screenshotPath('split-editor-desktop'), fullPage: true })

    await page.keyboard.press('Control+Enter')
    await expect.poll(() => editor.count()).toBe(0)
    await expect.poll(() => figure(page, 'Groceries', 'spent')).toBe('$60.00')
    await expect.poll(() => figure(page, 'Household', 'spent')).toBe('$25.00')
    await expect.poll(() => figure(page, 'Fun', 'spent')).toBe('$15.00')
    const row = page.getByTestId('transaction').filter({ hasText: 'Hypermarket' })
    await expect.poll(() => row.getByTestId('split-part').allTextContents()).toEqual(['Groceries · Food$60.00', 'Household$25.00', 'Fun$15.00'])
    expect(await row.textContent()).toContain('Split in 3')

    // The parts were saved: a reload shows them.
    await page.reload()
    await hydrated(page)
    await expect.poll(() => figure(page, 'Household', 'spent')).toBe('$25.00')
    await page.screenshot({ path: screenshotPath('month-splits-desktop'), fullPage: true })
    await page.setViewportSize({ width: 390, height: 844 })
    expect(await noSideways(page)).toBe(true)
    await page.screenshot({ path: screenshotPath('month-splits-phone'), fullPage: true })
    expect(problems).toEqual([])
    await context.close()
  })

  it('rollover on in one month changes what the next month\'s category of the same name has available', { timeout: LONG_FLOW }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const { page, month } = await signedUpWithMonth(context, 'rollover')
    const problems = pageProblems(page)
    const april = await month(2031, 4, [['Fun', 50], ['Groceries', 300]])
    const may = await month(2031, 5, [['Fun', 50], ['Groceries', 300]])
    await requestJson(page.request, 'POST', `${baseUrl}/api/transactions`, { monthId: april.id, date: '2031-04-12', description: 'Concert', amount: 2000, categoryId: april.categories[0]!.id })
    // Groceries overspent in April by 20.00.
    await requestJson(page.request, 'POST', `${baseUrl}/api/transactions`, { monthId: april.id, date: '2031-04-13', description: 'Big shop', amount: 32000, categoryId: april.categories[1]!.id })

    await page.goto(`${baseUrl}/months/${may.id}`)
    await hydrated(page)
    await expect.poll(() => figure(page, 'Fun', 'available')).toBe('$50.00')
    await expect.poll(() => figure(page, 'Fun', 'carried-in')).toBe('$0.00')

    await page.goto(`${baseUrl}/months/${april.id}`)
    await hydrated(page)
    await expect.poll(() => figure(page, 'Fun', 'available')).toBe('$30.00')
    await expect.poll(() => figure(page, 'Groceries', 'available')).toBe('-$20.00')
    for (const name of ['Fun', 'Groceries']) {
      const toggle = page.getByRole('switch', { name: `Roll over what is left of ${name} into next month` })
      const saved = page.waitForResponse(response => response.request().method() === 'PATCH' && response.url().includes('/api/categories/'))
      await toggle.click()
      expect((await saved).status()).toBe(200)
      await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('true')
    }

    // The next month, by the page's own arrow.
    await page.getByRole('link', { name: 'Next month' }).click()
    await page.waitForURL(`${baseUrl}/months/${may.id}`)
    await expect.poll(() => figure(page, 'Fun', 'carried-in')).toBe('$30.00')
    await expect.poll(() => figure(page, 'Fun', 'available')).toBe('$80.00')
    await expect.poll(() => figure(page, 'Groceries', 'carried-in')).toBe('-$20.00')
    await expect.poll(() => figure(page, 'Groceries', 'available')).toBe('$280.00')
    await expect.poll(() => page.getByTestId('summary-carried-in').getByTestId('value').textContent()).toBe('$10.00')
    expect(await page.getByTestId('summary-carried-in').textContent()).toContain('Rolled over from April 2031')

    // A split in May too, for the screenshots.
    await requestJson(page.request, 'POST', `${baseUrl}/api/transactions`, { monthId: may.id, date: '2031-05-02', description: 'Market', amount: 4500, categoryId: null, splits: [
      { amount: 3000, categoryId: may.categories[1]!.id, note: 'Veg and bread' },
      { amount: 1500, categoryId: may.categories[0]!.id, note: 'Flowers' },
    ] })
    await page.reload()
    await hydrated(page)
    await expect.poll(() => figure(page, 'Fun', 'available')).toBe('$65.00')
    expect(await blockingViolations(page)).toEqual([])
    await page.screenshot({ path: screenshotPath('month-rollover-desktop'), fullPage: true })
    await page.setViewportSize({ width: 390, height: 844 })
    expect(await noSideways(page)).toBe(true)
    await page.screenshot({ path: screenshotPath('month-rollover-phone'), fullPage: true })
    expect(problems).toEqual([])
    await context.close()
  })
})
