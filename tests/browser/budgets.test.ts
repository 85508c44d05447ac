import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { Budget, CreatedInvite } from '#shared/schemas/budgets'
import type { MonthDetail } from '#shared/schemas/months'
import { PASSWORD, uniqueEmail } from '../helpers/api'
import { ACTION_TIMEOUT, LONG_FLOW, hydrated, launchChromium, pageProblems, screenshotPath } from '../helpers/browser'

let browser: Browser
const baseUrl = inject('baseUrl').replace('127.0.0.1', 'localhost')

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(() => browser?.close())

const today = new Date()
const viewport = { width: 1280, height: 900 }

async function registered(label: string, name: string) {
  const context = await browser.newContext({ viewport })
  context.setDefaultTimeout(ACTION_TIMEOUT)
  const response = await context.request.post(`${baseUrl}/api/auth/register`, { data: { email: uniqueEmail(label), password: PASSWORD, name } })
  expect(response.status()).toBe(201)
  return context
}

async function api<T = any>(context: BrowserContext, method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> {
  const response = await context.request.fetch(`${baseUrl}${path}`, { method, data })
  expect(response.status(), `${method} ${path}: ${await response.text()}`).toBeLessThan(300)
  return response.json()
}

// Adds a transaction with the quick entry form, by keyboard.
async function addTransaction(page: Page, description: string, amount: string) {
  await page.getByTestId('entry-description').click()
  await page.keyboard.type(description)
  await page.getByTestId('entry-amount').click()
  await page.keyboard.type(amount)
  await page.keyboard.press('Enter')
  await page.getByTestId('transaction').filter({ hasText: description }).waitFor()
}

const addedBy = (page: Page, description: string) => page.getByTestId('transaction').filter({ hasText: description }).getByTestId('added-by').textContent().then(text => text?.trim())

describe('a shared budget in the browser', () => {
  it('the owner invites from the budget settings page; the invitee signs up through the link, accepts, and both edit the same month', { timeout: LONG_FLOW }, async () => {
    const owner = await registered('owner', 'Pat')
    const [budget] = await api<Budget[]>(owner, 'GET', '/api/budgets')
    const month = await api<MonthDetail>(owner, 'POST', '/api/months', { year: today.getFullYear(), month: today.getMonth() + 1 })
    const ownerPage = await owner.newPage()
    const ownerProblems = pageProblems(ownerPage)

    // The switcher names the budget and the role, and leads to its settings.
    await ownerPage.goto(`${baseUrl}/months`)
    await hydrated(ownerPage)
    expect(await ownerPage.getByTestId('budget-switcher').textContent()).toContain('Personal')
    expect(await ownerPage.getByTestId('budget-role').textContent()).toBe('Owner')
    await ownerPage.getByTestId('budget-switcher').click()
    await ownerPage.getByRole('menuitem', { name: 'Budget settings' }).click()
    await ownerPage.waitForURL(`${baseUrl}/budgets/${budget!.id}`)
    await ownerPage.getByRole('heading', { name: 'Personal' }).waitFor()

    await ownerPage.getByTestId('invite-days').fill('3')
    await ownerPage.getByTestId('create-invite').click()
    const linkField = ownerPage.getByTestId('invite-link')
    await linkField.waitFor()
    const link = await linkField.inputValue()
    expect(link).toMatch(new RegExp(`^${baseUrl}/join/[A-Za-z0-9_-]{43}$`))
    await expect.poll(() => ownerPage.getByTestId('invite').textContent()).toMatch(/^Editor · expires /)
    await ownerPage.screenshot({ path: screenshotPath('budget-settings-owner-1280'), fullPage: true })

    // Signed out, the link goes through signing up and comes back.
    const invitee = await browser.newContext({ viewport })
    invitee.setDefaultTimeout(ACTION_TIMEOUT)
    const inviteePage = await invitee.newPage()
    const inviteeProblems = pageProblems(inviteePage)
    await inviteePage.goto(link)
    await hydrated(inviteePage)
    expect(new URL(inviteePage.url()).pathname).toBe('/login')
    await inviteePage.getByRole('link', { name: 'Create an account' }).click()
    await inviteePage.waitForURL(url => url.pathname === '/register' && url.searchParams.get('next') === new URL(link).pathname)
    await inviteePage.getByTestId('name').fill('Sam')
    await inviteePage.getByTestId('email').fill(uniqueEmail('invitee'))
    await inviteePage.getByTestId('password').fill(PASSWORD)
    await inviteePage.getByTestId('submit').click()
    await inviteePage.waitForURL(link)
    await inviteePage.getByRole('heading', { name: 'You have been invited to a shared budget' }).waitFor()
    await inviteePage.screenshot({ path: screenshotPath('join-1280'), fullPage: true })
    await inviteePage.getByTestId('accept-invite').click()
    await inviteePage.waitForURL(`${baseUrl}/months?budget=${budget!.id}`)
    await inviteePage.getByText('You joined Personal as editor', { exact: true }).waitFor()
    expect(await inviteePage.getByTestId('budget-role').textContent()).toBe('Editor')

    // Both add to the same month.
    await inviteePage.getByTestId('month-card').click()
    await inviteePage.waitForURL(`${baseUrl}/months/${month.id}`)
    await addTransaction(inviteePage, 'Groceries by Sam', '12.50')
    await ownerPage.goto(`${baseUrl}/months/${month.id}`)
    await hydrated(ownerPage)
    await addTransaction(ownerPage, 'Rent share by Pat', '30')

    // After a reload each sees the other's, and who added it.
    for (const page of [ownerPage, inviteePage]) {
      await page.reload()
      await hydrated(page)
      await expect.poll(() => page.getByTestId('transaction').count()).toBe(2)
      expect(await addedBy(page, 'Groceries by Sam')).toBe('Added by Sam')
      expect(await addedBy(page, 'Rent share by Pat')).toBe('Added by Pat')
    }

    // The owner now sees two members, the invite used.
    await ownerPage.goto(`${baseUrl}/budgets/${budget!.id}`)
    await hydrated(ownerPage)
    await expect.poll(() => ownerPage.getByTestId('member').count()).toBe(2)
    expect(await ownerPage.getByText('No pending invites.').isVisible()).toBe(true)

    // The same link again: it is used.
    await inviteePage.goto(link)
    await hydrated(inviteePage)
    await inviteePage.getByTestId('accept-invite').click()
    await inviteePage.getByRole('heading', { name: 'This invite link is no longer valid' }).waitFor()

    expect(ownerProblems).toEqual([])
    expect(inviteeProblems).toEqual([])
    await owner.close()
    await invitee.close()
  })

  it('a viewer\'s month page has no enabled field and no Add, Edit or Delete', { timeout: LONG_FLOW }, async () => {
    const owner = await registered('viewer-owner', 'Pat')
    const [budget] = await api<Budget[]>(owner, 'GET', '/api/budgets')
    const month = await api<MonthDetail>(owner, 'POST', '/api/months', { year: today.getFullYear(), month: today.getMonth() + 1, income: 250000 })
    const category = await api(owner, 'POST', '/api/categories', { monthId: month.id, name: 'Food', budgeted: 40000 })
    await api(owner, 'POST', '/api/fixed-payments', { monthId: month.id, name: 'Rent', amount: 90000 })
    await api(owner, 'POST', '/api/transactions', { monthId: month.id, date: `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-01`, description: 'Market', amount: 2350, categoryId: category.id })
    const invite = await api<CreatedInvite>(owner, 'POST', `/api/budgets/${budget!.id}/invites`, { role: 'viewer' })

    const viewer = await registered('viewer', 'Vic')
    await api(viewer, 'POST', '/api/invites/accept', { token: invite.token })
    for (const width of [1280, 390]) {
      const page = await viewer.newPage()
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 })
      const problems = pageProblems(page)
      await page.goto(`${baseUrl}/months/${month.id}`)
      await hydrated(page)
      await page.getByTestId('transaction').waitFor()
      expect(await page.getByTestId('budget-role').textContent()).toBe('Viewer')
      expect(await page.getByTestId('viewer-note').textContent()).toContain('You can view this budget; only editors and owners can change it.')
      expect(await page.locator('main input:enabled, main textarea:enabled, main select:enabled').count()).toBe(0)
      expect(await page.locator('main').getByRole('button', { name: /^(Add|Edit|Delete)\b/ }).count()).toBe(0)
      expect(await addedBy(page, 'Market')).toBe('Added by Pat')
      await page.screenshot({ path: screenshotPath(`viewer-month-${width}`), fullPage: true })
      expect(problems).toEqual([])
      await page.close()
    }
    await owner.close()
    await viewer.close()
  })
})
