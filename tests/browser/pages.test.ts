import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { PASSWORD, uniqueEmail } from '../helpers/api'
import { hydrated, launchChromium, pageProblems } from '../helpers/browser'

let browser: Browser
const baseUrl = inject('baseUrl').replace('127.0.0.1', 'localhost')

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(() => browser?.close())

async function signedInPage(label: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const response = await context.request.post(`${baseUrl}/api/auth/register`, { data: { email: uniqueEmail(label), password: PASSWORD } })
  expect(response.status()).toBe(201)
  return { context, page: await context.newPage() }
}

const focused = (page: Page) => page.evaluate(() => {
  const element = document.activeElement
  return { id: element?.id, text: element?.textContent?.trim(), tag: element?.tagName, type: element?.getAttribute('type'), inMain: !!element?.closest('main') }
})

describe('keyboard', () => {
  it('the first Tab reaches a visible "Skip to main content" link, and Enter moves focus to the page\'s content', async () => {
    const { context, page } = await signedInPage('skip')
    const problems = pageProblems(page)
    await page.goto(`${baseUrl}/months`)
    await hydrated(page)

    await page.keyboard.press('Tab')
    expect(await focused(page)).toMatchObject({ tag: 'A', text: 'Skip to main content' })
    expect(await page.getByTestId('skip-link').isVisible()).toBe(true)
    expect((await page.getByTestId('skip-link').boundingBox())?.width).toBeGreaterThan(50)

    await page.keyboard.press('Enter')
    expect(await focused(page)).toMatchObject({ tag: 'MAIN', id: 'main' })
    await page.keyboard.press('Tab')
    expect(await focused(page)).toMatchObject({ inMain: true, text: 'New month' })
    expect(problems).toEqual([])
    await context.close()
  })

  it('Tab goes from the Import CSV button past the hidden file input', async () => {
    const { context, page } = await signedInPage('csv-tab')
    const month = await (await context.request.post(`${baseUrl}/api/months`, { data: { year: 2026, month: 4 } })).json()
    await page.goto(`${baseUrl}/months/${month.id}`)
    await hydrated(page)

    await page.getByRole('button', { name: 'Import CSV' }).focus()
    await page.keyboard.press('Tab')
    expect(await focused(page)).not.toMatchObject({ tag: 'INPUT', type: 'file' })
    await context.close()
  })
})

describe('an address that does not exist', () => {
  it('signed in: answers 404 with a "Page not found" page inside the app, and leads back to the months', async () => {
    const { context, page } = await signedInPage('not-found')
    const problems = pageProblems(page)

    const response = await page.goto(`${baseUrl}/monthz/typo`)

    expect(response?.status()).toBe(404)
    await hydrated(page)
    expect(page.url()).toBe(`${baseUrl}/monthz/typo`)
    await page.getByRole('heading', { name: 'Page not found' }).waitFor()
    expect(await page.getByText('There is no page at /monthz/typo.').isVisible()).toBe(true)
    expect(await page.getByTestId('sign-out').isVisible()).toBe(true)
    expect(await page.title()).toBe('Page not found · Budgeting')
    await page.getByRole('link', { name: 'Go to your months' }).click()
    await page.waitForURL(`${baseUrl}/months`)
    await page.getByRole('heading', { name: 'Months' }).waitFor()
    expect(problems).toEqual([])
    await context.close()
  })

  it('signed out: answers 404 too, and its link back goes through signing in', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } })
    const page = await context.newPage()
    const problems = pageProblems(page)

    const response = await page.goto(`${baseUrl}/no/such/page`)

    expect(response?.status()).toBe(404)
    await hydrated(page)
    await page.getByRole('heading', { name: 'Page not found' }).waitFor()
    await page.getByRole('link', { name: 'Go to your months' }).click()
    await page.waitForURL(/\/login\?next=(\/|%2F)months$/)
    expect(problems).toEqual([])
    await context.close()
  })

  it('an unknown month keeps its own message', async () => {
    const { context, page } = await signedInPage('no-month')
    await page.goto(`${baseUrl}/months/00000000-0000-4000-8000-000000000000`)
    await hydrated(page)
    await page.getByText('This month does not exist').waitFor()
    expect(await page.getByRole('heading', { name: 'Page not found' }).count()).toBe(0)
    await context.close()
  })
})
