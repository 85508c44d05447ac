import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { PASSWORD, uniqueEmail } from '../helpers/api'
import { ACTION_TIMEOUT, LONG_FLOW, hydrated, launchChromium, pageProblems, screenshotPath } from '../helpers/browser'

let browser: Browser
const baseUrl = inject('baseUrl').replace('127.0.0.1', 'localhost')

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(() => browser?.close())

const cardValue = (page: Page, key: string) => page.getByTestId(`summary-${key}`).getByTestId('value').textContent()

async function createMonth(page: Page, copy: 'previous' | 'none') {
  await page.getByTestId('new-month').click()
  const dialog = page.getByRole('dialog')
  await dialog.waitFor()
  if (copy === 'none') {
    await dialog.getByTestId('new-month-copy').click()
    await page.getByRole('option', { name: 'Start empty' }).click()
  }
  await dialog.getByTestId('create-month').click()
  await page.waitForURL(/\/months\/[0-9a-f-]{36}$/)
  await page.getByTestId('month-title').waitFor()
}

describe('month budget in the browser', () => {
  it('plans a month by keyboard, watches the summary change, exports and imports CSV', { timeout: LONG_FLOW }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true })
    context.setDefaultTimeout(ACTION_TIMEOUT)
    const page = await context.newPage()
    const problems = pageProblems(page)
    expect((await page.request.post(`${baseUrl}/api/auth/register`, { data: { email: uniqueEmail('months'), password: PASSWORD, name: 'Pat Planner' } })).status()).toBe(201)

    await page.goto(`${baseUrl}/months`)

    await hydrated(page)
    await expect.poll(() => page.getByText('No months yet').isVisible()).toBe(true)
    await createMonth(page, 'none')
    const firstUrl = page.url()

    // Income, then categories: type, Tab, type, Enter.
    await page.getByTestId('month-income').fill('3000')
    await page.keyboard.press('Enter')
    await expect.poll(() => cardValue(page, 'income')).toBe('$3,000.00')
    for (const [name, budget] of [['Groceries', '400'], ['Fun', '50']] as const) {
      await page.getByTestId('new-category-name').click()
      await page.keyboard.type(name)
      await page.keyboard.press('Tab')
      await page.keyboard.type(budget)
      await page.keyboard.press('Enter')
      await expect.poll(() => page.getByLabel(`Budget for ${name}`).inputValue()).toBe(`${budget}.00`)
    }
    await expect.poll(() => cardValue(page, 'budgeted')).toBe('$450.00')

    await page.getByTestId('new-fixed-name').fill('Rent')
    await page.getByTestId('new-fixed-amount').fill('1200')
    await page.keyboard.press('Enter')
    await page.getByLabel('Rent paid').waitFor()
    await page.getByLabel('Rent paid').click()
    await expect.poll(() => page.getByText('$1,200.00 of $1,200.00 paid').isVisible()).toBe(true)

    // Quick entry: Tab completes the start of a category's name; Enter saves and
    // leaves the cursor in the description for the next one.
    await page.getByTestId('entry-description').click()
    for (const [description, category, amount] of [['Supermarket', 'Groc', '45.50'], ['Cinema', 'fu', '60']] as const) {
      await page.keyboard.type(description)
      await page.keyboard.press('Tab')
      await page.keyboard.type(category)
      await page.keyboard.press('Tab')
      await page.keyboard.type(amount)
      await page.keyboard.press('Enter')
      await expect.poll(() => page.getByTestId('transaction').filter({ hasText: description }).count()).toBe(1)
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Description')
    }
    await expect.poll(() => cardValue(page, 'spent')).toBe('$105.50')
    await expect.poll(() => cardValue(page, 'available')).toBe('$1,350.00')
    await expect.poll(() => cardValue(page, 'balance')).toBe('$1,694.50')
    // Fun is overspent: shown in the error colour.
    await expect.poll(() => page.getByTestId('category-row').filter({ has: page.getByLabel('Budget for Fun') }).locator('[data-overspent]').textContent()).toBe('-$10.00')
    // The chart: a bar per category and series, each titled with its exact amount, Fun's spending in red.
    const bars = page.getByTestId('budget-chart').locator('.ct-bar')
    await expect.poll(() => bars.evaluateAll(lines => lines.map(line => `${line.querySelector('title')?.textContent} ${(line as SVGElement).style.stroke}`).sort())).toEqual([
      'Fun, Budgeted: $50.00 rgb(148, 163, 184)',
      'Fun, Spent: $60.00 rgb(239, 68, 68)',
      'Groceries, Budgeted: $400.00 rgb(148, 163, 184)',
      'Groceries, Spent: $45.50 rgb(5, 150, 105)',
    ])

    await expect.poll(() => page.getByTestId('transaction').filter({ hasText: 'Supermarket' }).textContent()).toContain('Groceries')

    // Delete: focus stays on the list, and Ctrl+Z undoes it (the toast names the shortcut).
    await page.getByTestId('transaction').filter({ hasText: 'Cinema' }).getByTestId('delete-transaction').click()
    await expect.poll(() => cardValue(page, 'spent')).toBe('$45.50')
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Delete Supermarket')
    await page.getByRole('button', { name: 'Undo (Ctrl+Z)' }).waitFor()
    await page.keyboard.press('Control+z')
    await expect.poll(() => cardValue(page, 'spent')).toBe('$105.50')

    await page.screenshot({ path: screenshotPath('month-desktop'), fullPage: true })
    await page.setViewportSize({ width: 390, height: 844 })
    await page.screenshot({ path: screenshotPath('month-phone'), fullPage: true })
    await page.setViewportSize({ width: 1280, height: 900 })

    // Export.
    const download = page.waitForEvent('download')
    await page.getByTestId('csv-export').click()
    const csv = await (await (await download).createReadStream()).toArray().then(chunks => Buffer.concat(chunks).toString('utf8'))
    expect(csv.split('\r\n')[0]).toBe('date,description,amount,category')
    expect(csv).toContain(',Supermarket,45.50,Groceries')
    expect(csv).toContain(',Cinema,60.00,Fun')

    // A new month copies the previous one's categories and fixed payments; import the CSV into it.
    await page.goto(`${baseUrl}/months`)
    await hydrated(page)
    await expect.poll(() => page.getByTestId('month-card').first().textContent()).toContain('Balance $1,694.50')
    await page.screenshot({ path: screenshotPath('months-list-desktop'), fullPage: true })
    await createMonth(page, 'previous')
    expect(page.url()).not.toBe(firstUrl)
    await expect.poll(() => page.getByTestId('category-row').count()).toBe(2)
    await expect.poll(() => page.getByLabel('Rent paid').isChecked()).toBe(false)
    const [, month] = /"([^"]+)"/.exec(await page.evaluate(() => JSON.stringify(document.querySelector('[data-testid=entry-date] input, input[type=date]')?.getAttribute('min')))) ?? []
    const shifted = csv.replace(/^\d{4}-\d{2}-\d{2}/gm, line => `${month!.slice(0, 7)}${line.slice(7)}`)
    await page.getByTestId('csv-import').setInputFiles({ name: 'transactions.csv', mimeType: 'text/csv', buffer: Buffer.from(shifted) })
    await expect.poll(() => page.getByTestId('csv-report').textContent()).toMatch(/Imported 2 transactions/)
    await expect.poll(() => cardValue(page, 'spent')).toBe('$105.50')

    // A file with bad rows is refused whole, each bad row named once, even after an unclosed quote.
    await page.getByTestId('csv-import').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('date,description,amount,category\n2001-01-01,x,1,\n2001-01-02,"oops,1,\n') })
    await expect.poll(() => page.getByTestId('csv-report').textContent()).toMatch(/^Nothing was imported from bad\.csv: 2 bad rows\s*Line 2: date must be a day of \d{4}-\d{2}\s*Line 3: This row is not valid CSV/)
    expect(await page.getByTestId('csv-report').textContent()).not.toMatch(/nothing was imported.*nothing was imported/is)
    expect(problems).toEqual([])
    await context.close()
  })
})
