import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { PASSWORD, uniqueEmail } from '../helpers/api'
import { hydrated, launchChromium, pageProblems, screenshotPath } from '../helpers/browser'

let browser: Browser
const baseUrl = inject('baseUrl').replace('127.0.0.1', 'localhost')

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(() => browser?.close())

const rowCells = (page: Page, kind: string, name: string) => page.getByTestId(`${kind}-row`).filter({ has: page.getByLabel(`Row name ${name}`) }).locator('td[data-cell]')
const computedCells = (page: Page, key: string) => page.getByTestId(`computed-${key}`).locator('td')
const texts = (cells: ReturnType<Page['locator']>) => cells.allTextContents().then(all => all.map(t => t.trim()))

async function addRow(page: Page, testId: string, name: string, nth = 0) {
  await page.getByTestId(testId).nth(nth).fill(name)
  await page.getByTestId(testId).nth(nth).press('Enter')
  await page.getByLabel(`Row name ${name}`).waitFor()
}

describe('yearly plan grid in the browser', () => {
  it('plans a year by keyboard, pastes a row, copies and clears a month, and the balance follows', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } })
    const page = await context.newPage()
    const problems = pageProblems(page)
    expect((await page.request.post(`${baseUrl}/api/auth/register`, { data: { email: uniqueEmail('yearly'), password: PASSWORD } })).status()).toBe(201)

    await page.goto(`${baseUrl}/yearly`)
    await hydrated(page)
    await page.getByTestId('new-plan').click()
    await page.getByTestId('create-plan').click()
    await page.waitForURL(/\/yearly\/\d{4}$/)
    await page.getByTestId('plan-grid').waitFor()
    expect(await page.getByTestId('section-row').count()).toBe(3)

    await addRow(page, 'add-income', 'Salary')
    await addRow(page, 'add-category', 'Rent', 0)
    await addRow(page, 'add-category', 'Food', 1)

    // Type into January: the number edits the cell, Enter saves and moves down.
    await rowCells(page, 'income', 'Salary').first().click()
    await page.keyboard.type('3000')
    await page.keyboard.press('Enter')
    await page.keyboard.type('1200')
    await page.keyboard.press('Enter')
    await page.keyboard.type('400')
    await page.keyboard.press('Enter')
    await expect.poll(() => texts(rowCells(page, 'category', 'Food')).then(t => t[0])).toBe('400.00')
    // Arrows move without editing; Escape cancels an edit.
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('ArrowRight')
    await page.keyboard.type('999')
    await page.keyboard.press('Escape')
    await expect.poll(() => texts(rowCells(page, 'category', 'Rent')).then(t => t[1])).toBe('0.00')
    await expect.poll(() => texts(computedCells(page, 'balance')).then(t => t[0])).toBe('$1,400.00')

    // Paste eleven numbers copied from a spreadsheet into Rent, February onwards: one bulk request.
    const bulk = page.waitForResponse(response => response.url().endsWith('/api/yearly/category-entries/bulk'))
    await rowCells(page, 'category', 'Rent').nth(1).evaluate((cell) => {
      const data = new DataTransfer()
      data.setData('text/plain', `${Array(11).fill('1,200.00').join('\t')}\n`)
      cell.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    })
    expect((await bulk).status()).toBe(200)
    await expect.poll(() => texts(rowCells(page, 'category', 'Rent'))).toEqual(Array(12).fill('1,200.00'))

    // Same amount every month, from the row menu.
    await page.getByLabel('Actions for Salary').click()
    await page.getByRole('menuitem', { name: /Same amount every month/ }).click()
    await expect.poll(() => texts(rowCells(page, 'income', 'Salary'))).toEqual(Array(12).fill('3,000.00'))

    // Copy January to every later month.
    await page.getByTestId('month-menu-1').click()
    await page.getByRole('menuitem', { name: 'Copy to other months…' }).click()
    await page.getByTestId('confirm-copy').click()
    await expect.poll(() => texts(rowCells(page, 'category', 'Food'))).toEqual(Array(12).fill('400.00'))
    await expect.poll(() => texts(computedCells(page, 'balance'))).toEqual([...Array(12).fill('$1,400.00'), '$16,800.00'])

    // A 10 % deduction lowers net income and the balance at once.
    await page.getByTestId('add-deduction').fill('Tax')
    await page.getByLabel('Deduction value').fill('10')
    await page.getByTestId('add-deduction').press('Enter')
    await expect.poll(() => texts(computedCells(page, 'net')).then(t => t[0])).toBe('$2,700.00')
    await expect.poll(() => texts(computedCells(page, 'balance')).then(t => t[0])).toBe('$1,100.00')

    // Clear December, after confirming.
    await page.getByTestId('month-menu-12').click()
    await page.getByRole('menuitem', { name: 'Clear month…' }).click()
    await page.getByTestId('confirm-clear').click()
    await expect.poll(() => texts(computedCells(page, 'balance')).then(t => t[11])).toBe('$0.00')
    await expect.poll(() => texts(computedCells(page, 'balance')).then(t => t[12])).toBe('$12,100.00')
    await expect.poll(() => page.getByTestId('save-state').textContent()).toMatch(/Saved/)

    // Collapse a section: its rows hide, its total stays.
    await page.getByLabel('Collapse Fixed expenses').click()
    await expect.poll(() => page.getByLabel('Row name Rent').count()).toBe(0)
    await expect.poll(() => page.getByTestId('plan-chart').locator('canvas').count()).toBe(1)

    // Everything above was saved: a reload shows the same numbers.
    await page.reload()
    await hydrated(page)
    await expect.poll(() => texts(computedCells(page, 'balance')).then(t => t[12])).toBe('$12,100.00')
    await page.screenshot({ path: screenshotPath('yearly-desktop'), fullPage: true })
    await page.setViewportSize({ width: 390, height: 844 })
    await page.screenshot({ path: screenshotPath('yearly-phone'), fullPage: true })
    expect(problems).toEqual([])
    await context.close()
  })
})
