import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { APIRequestContext, Browser, Page } from 'playwright-core'
import { PASSWORD, uniqueEmail } from '../helpers/api'
import { ACTION_TIMEOUT, LONG_FLOW, hydrated, launchChromium, pageProblems, requestJson, screenshotPath } from '../helpers/browser'

let browser: Browser
const baseUrl = inject('baseUrl').replace('127.0.0.1', 'localhost')

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(() => browser?.close())

const rowCells = (page: Page, kind: string, name: string) => page.getByTestId(`${kind}-row`).filter({ has: page.getByLabel(`Row name ${name}`) }).locator('td[data-cell]')
const computedCells = (page: Page, key: string) => page.getByTestId(`computed-${key}`).locator('td')
const texts = (cells: ReturnType<Page['locator']>) => cells.allTextContents().then(all => all.map(t => t.trim()))

const api = (request: APIRequestContext, method: 'GET' | 'POST' | 'PATCH', path: string, data?: unknown) => requestJson(request, method, `${baseUrl}${path}`, data)

// A new account with a plan for `year`: Salary, a 10 % deduction, then Rent and Power in the first section,
// each with twelve amounts of its own.
async function planned(page: Page, year: number, rentName = 'Rent') {
  const request = page.request
  await api(request, 'POST', '/api/auth/register', { email: uniqueEmail('yearly'), password: PASSWORD })
  const plan = await api(request, 'POST', '/api/yearly', { year })
  await api(request, 'POST', '/api/yearly/income-sources', { planId: plan.id, name: 'Salary', amount: 400000 })
  await api(request, 'POST', '/api/yearly/deductions', { planId: plan.id, name: 'Income tax', type: 'percent', value: 1000 })
  const rent = await api(request, 'POST', '/api/yearly/categories', { sectionId: plan.sections[0].id, name: rentName })
  await api(request, 'POST', '/api/yearly/category-entries/bulk', { updates: rent.entries.map((entry: { id: string }, i: number) => ({ id: entry.id, amount: 120000 + i * 100 })) })
  await api(request, 'POST', '/api/yearly/categories', { sectionId: plan.sections[0].id, name: 'Power', amount: 8000 })
  await page.goto(`${baseUrl}/yearly/${year}`)
  await hydrated(page)
  await page.getByTestId('plan-grid').waitFor()
  return { plan, rent, stored: () => api(request, 'GET', `/api/yearly/${plan.id}`) }
}

const inViewport = (box: { x: number, y: number, width: number, height: number } | null, width: number) => !!box && box.width > 0 && box.x >= 0 && box.x + box.width <= width

async function addRow(page: Page, testId: string, name: string, nth = 0) {
  await page.getByTestId(testId).nth(nth).fill(name)
  await page.getByTestId(testId).nth(nth).press('Enter')
  await page.getByLabel(`Row name ${name}`).waitFor()
}

describe('yearly plan grid in the browser', () => {
  it('plans a year by keyboard, pastes a row, copies and clears a month, and the balance follows', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } })
    context.setDefaultTimeout(ACTION_TIMEOUT)
    const page = await context.newPage()
    const problems = pageProblems(page)
    expect((await page.request.post(`${baseUrl}/api/auth/register`, { data: { email: uniqueEmail('yearly'), password: PASSWORD } })).status()).toBe(201)

    await page.goto(`${baseUrl}/yearly`)
    await hydrated(page)
    await page.getByTestId('new-plan').click()
    await page.getByTestId('create-plan').click()
    await page.waitForURL(/\/yearly\/\d{4}\?budget=[0-9a-f-]{36}$/)
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
    await expect.poll(() => texts(computedCells(page, 'balance')).then(t => t[0])).toBe('1,400.00')

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
    await expect.poll(() => texts(computedCells(page, 'balance'))).toEqual([...Array(12).fill('1,400.00'), '$16,800.00'])

    // A 10 % deduction lowers net income and the balance at once.
    await page.getByTestId('add-deduction').fill('Tax')
    await page.getByLabel('Deduction value').fill('10')
    await page.getByTestId('add-deduction').press('Enter')
    await expect.poll(() => texts(computedCells(page, 'net')).then(t => t[0])).toBe('2,700.00')
    await expect.poll(() => texts(computedCells(page, 'balance')).then(t => t[0])).toBe('1,100.00')

    // Clear December, after confirming.
    await page.getByTestId('month-menu-12').click()
    await page.getByRole('menuitem', { name: 'Clear month…' }).click()
    await page.getByTestId('confirm-clear').click()
    await expect.poll(() => texts(computedCells(page, 'balance')).then(t => t[11])).toBe('0.00')
    await expect.poll(() => texts(computedCells(page, 'balance')).then(t => t[12])).toBe('$12,100.00')
    await expect.poll(() => page.getByTestId('save-status').textContent()).toBe('All changes saved')

    // Collapse a section: its rows hide, its total stays.
    await page.getByLabel('Collapse Fixed expenses').click()
    await expect.poll(() => page.getByLabel('Row name Rent').count()).toBe(0)
    // The chart draws its bars once scrolled near.
    await page.getByTestId('plan-chart').scrollIntoViewIfNeeded()
    await expect.poll(() => page.getByTestId('plan-chart').locator('svg').count()).toBe(1)

    // Everything above was saved: a reload shows the same numbers.
    await page.reload()
    await hydrated(page)
    await expect.poll(() => texts(computedCells(page, 'balance')).then(t => t[12])).toBe('$12,100.00')
    await page.screenshot({ path: screenshotPath('yearly-desktop'), fullPage: true })
    await page.setViewportSize({ width: 390, height: 844 })
    await page.screenshot({ path: screenshotPath('yearly-phone'), fullPage: true })
    expect(problems).toEqual([])
    await context.close()
  }, LONG_FLOW)
})

describe('the yearly grid on a phone and a desktop', () => {
  it('at 390 px a row\'s name and a month\'s amount are both in view, and section labels stay while the months scroll', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } })
    const page = await context.newPage()
    const problems = pageProblems(page)
    await planned(page, 2031, 'Rent and building service charges')
    const rent = page.getByTestId('category-row').filter({ has: page.getByLabel('Row name Rent and building service charges') })

    const nameCell = rent.getByTestId('row-name-cell')
    const january = rent.locator('td[data-cell]').first()
    expect(inViewport(await nameCell.boundingBox(), 390)).toBe(true)
    expect(inViewport(await january.boundingBox(), 390)).toBe(true)
    // The long name is cut short in its column, whole on hover.
    expect(await rent.getByTestId('row-name').getAttribute('title')).toBe('Rent and building service charges')
    expect(await rent.getByTestId('row-name').evaluate(input => input.scrollWidth > input.clientWidth)).toBe(true)

    // The add fields show their whole text.
    for (const field of [page.getByTestId('add-income'), page.getByTestId('add-category').first()]) {
      expect(await field.evaluate((input: HTMLInputElement) => {
        const probe = document.createElement('span')
        probe.style.font = getComputedStyle(input).font
        probe.style.whiteSpace = 'pre'
        probe.textContent = input.placeholder
        document.body.append(probe)
        const fits = probe.getBoundingClientRect().width <= input.clientWidth - parseFloat(getComputedStyle(input).paddingLeft) - parseFloat(getComputedStyle(input).paddingRight)
        probe.remove()
        return fits
      }), await field.getAttribute('placeholder') ?? '').toBe(true)
    }
    await page.screenshot({ path: screenshotPath('yearly-390'), fullPage: true })

    // Scrolled sideways to December: the names and the section labels stay in view.
    const december = rent.locator('td[data-cell]').last()
    await december.scrollIntoViewIfNeeded()
    expect(await page.getByTestId('plan-grid').evaluate(table => table.parentElement!.scrollLeft)).toBeGreaterThan(0)
    expect(inViewport(await december.boundingBox(), 390)).toBe(true)
    expect(inViewport(await nameCell.boundingBox(), 390)).toBe(true)
    const label = page.getByTestId('section-label').first()
    expect(inViewport(await label.boundingBox(), 390)).toBe(true)
    expect(await label.getByLabel('Section name Fixed expenses').isVisible()).toBe(true)
    await page.screenshot({ path: screenshotPath('yearly-390-scrolled') })
    expect(problems).toEqual([])
    await context.close()
  })

  it('at 1280 px all twelve months and the Total fit without scrolling', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    await planned(page, 2032)
    const grid = page.getByTestId('plan-grid')
    await page.screenshot({ path: screenshotPath('yearly-1280'), fullPage: true })
    expect(await grid.evaluate(table => table.parentElement!.scrollWidth <= table.parentElement!.clientWidth)).toBe(true)
    expect(inViewport(await page.getByTestId('month-menu-12').boundingBox(), 1280)).toBe(true)
    expect(inViewport(await grid.getByTestId('computed-balance').getByTestId('total').boundingBox(), 1280)).toBe(true)
    await context.close()
  })
})

describe('the yearly grid by keyboard', () => {
  it('is one Tab stop: Tab enters it once, arrows move, Tab leaves, and it keeps the cell focused last', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    await planned(page, 2033)
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-cell') ?? document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName)
    expect(await page.locator('td[data-cell][tabindex="0"]').count()).toBe(1)

    await page.getByLabel('Actions for Salary').focus()
    await page.keyboard.press('Tab')
    expect(await focused()).toBe('0:0')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('End')
    expect(await focused()).toBe('1:11')
    await page.keyboard.press('Tab')
    // Out of the amounts: the next control after them on the page (the next row's name).
    expect(await focused()).toBe('Row name Power')
    await page.keyboard.press('Shift+Tab')
    expect(await focused()).toBe('1:11')
    expect(await page.locator('td[data-cell][tabindex="0"]').count()).toBe(1)
    await context.close()
  })

  it('an amount that cannot be read is explained next to its cell and nothing is stored', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    const { stored } = await planned(page, 2034)
    const powerMarch = page.getByTestId('category-row').filter({ has: page.getByLabel('Row name Power') }).locator('td[data-cell]').nth(2)
    await powerMarch.click()
    await page.keyboard.type('12,50')
    await page.keyboard.press('Enter')

    const message = powerMarch.getByTestId('cell-error')
    await expect.poll(() => message.textContent()).toContain('Unclear amount: write decimals with “.”')
    expect(await message.isVisible()).toBe(true)
    expect(await powerMarch.locator('input').getAttribute('aria-describedby')).toBe(await message.getAttribute('id'))
    expect(await page.getByTestId('save-status').textContent()).toBe('1 change not saved')
    await page.screenshot({ path: screenshotPath('yearly-refused-cell') })
    // Clicking elsewhere keeps it, still unsaved.
    await page.getByRole('heading', { level: 1 }).click()
    expect(await powerMarch.locator('input').inputValue()).toBe('12,50')
    expect(await page.getByTestId('save-status').textContent()).toBe('1 change not saved')
    expect((await stored()).sections[0].categories.find((c: { name: string }) => c.name === 'Power').entries.map((e: { amount: number }) => e.amount)).toEqual(Array(12).fill(8000))

    await powerMarch.locator('input').press('Escape')
    await expect.poll(() => page.getByTestId('save-status').textContent()).toBe('All changes saved')
    await context.close()
  })
})

describe('deleting on the yearly page', () => {
  it('a deleted row comes back with its amounts and place on Ctrl+Z; the plan goes after a dialog naming what goes with it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    const problems = pageProblems(page)
    const { plan, rent, stored } = await planned(page, 2035)
    const amounts = rent.entries.map((_: unknown, i: number) => 120000 + i * 100)
    const fixedCategories = async () => (await stored()).sections[0].categories.map((c: { name: string, entries: { amount: number }[] }) => [c.name, c.entries.map(e => e.amount)])

    await page.getByLabel('Actions for Rent').click()
    await page.getByRole('menuitem', { name: 'Delete row' }).click()
    await expect.poll(() => page.getByLabel('Row name Rent').count()).toBe(0)
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Actions for Power')
    expect(await fixedCategories()).toEqual([['Power', Array(12).fill(8000)]])

    await page.keyboard.press('ControlOrMeta+z')
    await expect.poll(fixedCategories).toEqual([['Rent', amounts], ['Power', Array(12).fill(8000)]])
    await expect.poll(() => texts(rowCells(page, 'category', 'Rent'))).toEqual(Array.from({ length: 12 }, (_, i) => `1,2${String(i).padStart(2, '0')}.00`))

    await page.getByTestId('delete-plan').click()
    const dialog = page.getByRole('dialog')
    await expect.poll(() => dialog.textContent()).toContain('Deleted with it: 1 income source, 1 deduction, and 2 categories, with every amount in them.')
    await page.getByTestId('confirm-delete-plan').click()
    await page.waitForURL(url => url.pathname === '/yearly')
    expect((await page.request.get(`${baseUrl}/api/yearly/${plan.id}`)).status()).toBe(404)
    await expect.poll(() => page.getByText('No yearly plan yet').count()).toBe(1)
    expect(problems).toEqual([])
    await context.close()
  })
})
