import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { PASSWORD, uniqueEmail } from '../helpers/api'
import { hydrated, launchChromium, pageProblems, screenshotPath } from '../helpers/browser'

let browser: Browser
const baseUrl = inject('baseUrl').replace('127.0.0.1', 'localhost')

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(() => browser?.close())

describe('accounts in the browser', () => {
  it('signs up, signs out and signs in again, by keyboard', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    const problems = pageProblems(page)
    const email = uniqueEmail('browser')

    await page.goto(`${baseUrl}/months`)

    await hydrated(page)
    await page.waitForURL(/\/login/)
    await page.screenshot({ path: screenshotPath('sign-in-desktop') })
    await page.getByRole('link', { name: 'Create an account' }).click()
    await page.waitForURL(/\/register/)

    await page.getByLabel('Name').fill('Robin Browser')
    await page.getByLabel('Email').fill(email)
    await page.getByLabel('Password').fill(PASSWORD)
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/months$/)
    await expect.poll(() => page.getByText('Robin Browser').isVisible()).toBe(true)
    await page.screenshot({ path: screenshotPath('months-shell-desktop') })

    await page.getByTestId('sign-out').click()
    await page.waitForURL(/\/login/)
    // Signed out for real: a protected page sends us back to sign in.
    await page.goto(`${baseUrl}/settings`)
    await hydrated(page)
    await page.waitForURL(/\/login/)

    await page.getByLabel('Email').fill(email)
    await page.getByLabel('Password').fill('a wrong password')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('form-error').textContent()).toMatch(/wrong email or password/i)

    await page.getByLabel('Password').fill(PASSWORD)
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/settings$/)
    await expect.poll(() => page.getByRole('heading', { name: 'Settings' }).isVisible()).toBe(true)
    expect(problems).toEqual([])
    await page.close()
  })

  it('changes currency and locale in Settings, at phone width', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } })
    const page = await context.newPage()
    const problems = pageProblems(page)
    const response = await page.request.post(`${baseUrl}/api/auth/register`, { data: { email: uniqueEmail('settings'), password: PASSWORD, name: 'Sam Settings' } })
    expect(response.status()).toBe(201)

    await page.goto(`${baseUrl}/settings`)

    await hydrated(page)
    await expect.poll(() => page.getByTestId('money-preview').textContent()).toBe('$1,234.56')
    await page.getByTestId('settings-currency').click()
    await page.keyboard.type('EUR')
    await page.getByRole('option', { name: 'EUR', exact: true }).click()
    await page.getByTestId('settings-locale').click()
    await page.keyboard.type('de-DE')
    await page.getByRole('option', { name: 'de-DE', exact: true }).click()
    await expect.poll(() => page.getByTestId('money-preview').textContent()).toMatch(/1\.234,56\s€/)
    await page.getByTestId('settings-save').click()
    await expect.poll(() => page.getByText('Settings saved', { exact: true }).isVisible()).toBe(true)
    await page.screenshot({ path: screenshotPath('settings-phone'), fullPage: true })

    await page.reload()
    await hydrated(page)
    await expect.poll(() => page.getByTestId('money-preview').textContent()).toMatch(/1\.234,56\s€/)
    expect(problems).toEqual([])
    await context.close()
  })
})
