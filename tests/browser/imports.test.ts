import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { PASSWORD, uniqueEmail } from '../helpers/api'
import { ACTION_TIMEOUT, LONG_FLOW, hydrated, launchChromium, pageProblems, screenshotPath } from '../helpers/browser'

let browser: Browser
const baseUrl = inject('baseUrl').replace('127.0.0.1', 'localhost')
const statement = readFileSync(new URL('../fixtures/statements/checking-1x.ofx', import.meta.url))

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(() => browser?.close())

describe('statement import in the browser', () => {
  it('previews an OFX file, takes a changed category, leaves the possible duplicate out and shows the month', { timeout: LONG_FLOW }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    context.setDefaultTimeout(ACTION_TIMEOUT)
    const page = await context.newPage()
    const problems = pageProblems(page)
    const api = async (method: 'get' | 'post', path: string, data?: object) => {
      const answer = await page.request[method](`${baseUrl}${path}`, data ? { data } : undefined)
      expect(answer.ok(), `${method} ${path}: ${answer.status()}`).toBe(true)
      return answer.json()
    }
    await api('post', '/api/auth/register', { email: uniqueEmail('statement'), password: PASSWORD, name: 'Pat Planner' })
    const [budget] = await api('get', '/api/budgets')
    const month = await api('post', '/api/months', { year: 2026, month: 11 })
    const categories: Record<string, string> = {}
    for (const name of ['Bakery', 'Groceries', 'Income']) categories[name] = (await api('post', '/api/categories', { monthId: month.id, name, budgeted: 0 })).id
    await api('post', `/api/budgets/${budget.id}/rules`, { match: 'contains', text: 'boulangerie', categoryName: 'Groceries' })
    await api('post', `/api/budgets/${budget.id}/rules`, { match: 'contains', text: 'payroll', categoryName: 'Income' })
    const typed = await api('post', '/api/transactions', { monthId: month.id, date: '2026-11-08', amount: 12000, description: 'Cheque to the plumber' })

    await page.goto(`${baseUrl}/months/${month.id}`)
    await hydrated(page)
    await page.getByTestId('statement-file').setInputFiles({ name: 'checking.ofx', mimeType: 'application/octet-stream', buffer: statement })
    const dialog = page.getByRole('dialog')
    await dialog.getByTestId('statement-preview').waitFor()
    await expect.poll(() => dialog.getByTestId('statement-new').allTextContents()).toEqual([
      expect.stringMatching(/2026-11-03.*Boulangerie Ménard Carte 1234 Crème brûlée.*\$45\.10.*Groceries.*by rule/),
      expect.stringMatching(/2026-11-05.*ACME PAYROLL.*\$2,500\.00.*Income.*by rule/),
    ])
    expect(await dialog.getByTestId('statement-possible').textContent()).toMatch(/Check 1044.*Matches 2026-11-08 · Cheque to the plumber · \$120\.00/)
    await page.screenshot({ path: screenshotPath('statement-import-1280'), fullPage: true })

    // The bakery is not groceries.
    await dialog.getByRole('combobox', { name: 'Category of Boulangerie Ménard Carte 1234 Crème brûlée' }).click()
    await page.getByRole('option', { name: 'Bakery' }).click()
    await expect.poll(() => dialog.getByTestId('statement-new').first().textContent()).not.toMatch(/by rule/)
    await dialog.getByTestId('statement-import').click()
    await dialog.waitFor({ state: 'hidden' })
    await page.getByText('Imported 2 transactions from checking.ofx').first().waitFor()
    await expect.poll(() => page.getByTestId('transaction').count()).toBe(3)
    await page.screenshot({ path: screenshotPath('statement-imported-1280'), fullPage: true })

    const detail = await api('get', `/api/months/${month.id}`)
    expect(detail.transactions.map((t: any) => [t.description, t.categoryId, t.importId])).toEqual([
      ['Boulangerie Ménard Carte 1234 Crème brûlée', categories.Bakery, '0012345678:202611030001'],
      ['ACME PAYROLL', categories.Income, '0012345678:202611050002'],
      [typed.description, null, null],
    ])

    // Another category for an imported line: the page offers a rule for the next statements.
    const payrollId = await page.getByTestId('transaction').filter({ hasText: 'ACME PAYROLL' }).getAttribute('data-row-id')
    const payroll = page.locator(`[data-row-id="${payrollId}"]`)
    await payroll.getByRole('button', { name: 'Edit ACME PAYROLL' }).click()
    await payroll.getByLabel('Category').fill('Groceries')
    await payroll.getByRole('button', { name: 'Save' }).click()
    await page.getByRole('button', { name: 'Create rule' }).first().click()
    await page.getByText('Rule created: “ACME PAYROLL” → Groceries').first().waitFor()
    const rules = await api('get', `/api/budgets/${budget.id}/rules`)
    expect(rules.map((rule: any) => [rule.match, rule.text, rule.categoryName])).toEqual([
      ['contains', 'boulangerie', 'Groceries'], ['contains', 'payroll', 'Income'], ['equals', 'ACME PAYROLL', 'Groceries'],
    ])

    // The budget's settings list the rules: the new one moved first, the old payroll rule deleted.
    await page.goto(`${baseUrl}/budgets/${budget.id}`)
    await hydrated(page)
    await expect.poll(() => page.getByTestId('rule').count()).toBe(3)
    await page.getByRole('button', { name: 'Move rule 3 up' }).click()
    await expect.poll(() => page.getByLabel('Text of rule 2').inputValue()).toBe('ACME PAYROLL')
    await page.getByRole('button', { name: 'Move rule 2 up' }).click()
    await expect.poll(() => page.getByLabel('Text of rule 1').inputValue()).toBe('ACME PAYROLL')
    await page.getByRole('button', { name: 'Delete rule 3' }).click()
    await expect.poll(() => page.getByTestId('rule').count()).toBe(2)
    await page.getByTestId('new-rule-text').fill('Corner')
    await page.getByTestId('new-rule-category').fill('Groceries')
    await page.getByTestId('add-rule').click()
    await expect.poll(() => page.getByTestId('rule').count()).toBe(3)
    await page.screenshot({ path: screenshotPath('rules-1280'), fullPage: true })
    expect((await api('get', `/api/budgets/${budget.id}/rules`)).map((rule: any) => rule.text)).toEqual(['ACME PAYROLL', 'boulangerie', 'Corner'])

    // On a phone, a QIF file dropped on the page: its payroll line looks like the imported one.
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(`${baseUrl}/months/${month.id}`)
    await hydrated(page)
    const qif = readFileSync(new URL('../fixtures/statements/bank.qif', import.meta.url), 'utf8')
    const dropped = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer()
      transfer.items.add(new File([text], 'bank.qif'))
      return transfer
    }, qif)
    await page.getByTestId('statement-drop').dispatchEvent('drop', { dataTransfer: dropped })
    const phoneDialog = page.getByRole('dialog')
    await phoneDialog.getByTestId('statement-preview').waitFor()
    await expect.poll(() => phoneDialog.getByTestId('statement-new').count()).toBe(2)
    expect(await phoneDialog.getByTestId('statement-possible').textContent()).toMatch(/Employer Payroll.*Matches 2026-11-05 · ACME PAYROLL/)
    await page.screenshot({ path: screenshotPath('statement-import-390'), fullPage: true })

    expect(problems).toEqual([])
    await context.close()
  })
})
