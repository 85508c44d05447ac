import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { mockComponent, mountSuspended } from '@nuxt/test-utils/runtime'
import { h } from 'vue'
import type { BudgetDetail, CreatedInvite, Invite, Member } from '#shared/schemas/budgets'
import type { MonthDetail } from '#shared/schemas/months'
import type { PlanDetail } from '#shared/schemas/yearly'
import type { Rule } from '#shared/schemas/rules'
import { USelect } from '#components'
import App from '~/app.vue'
import { BUDGET_ID, apiError, budgetWith, button, created, fakeApi, inDocument, nextNavigation, noContent, ok, settled, shownToasts, signedInAs, userWith } from './helpers'

// happy-dom has no layout to draw the charts in.
mockComponent('MonthBudgetChart', () => ({ setup: () => () => h('div') }))
mockComponent('YearlyPlanChart', () => ({ setup: () => () => h('div') }))

const pat = userWith('USD')
const OTHER_ID = '3f1e2d4c-5b6a-4789-8a9b-0c1d2e3f4a5b'
// Pat views the Household budget (EUR) and owns a Personal one.
const switchUser = signedInAs(pat, [budgetWith('viewer', 'EUR'), { ...budgetWith('owner', 'USD', OTHER_ID), name: 'Personal' }])
const api = fakeApi()

const stamp = '2026-03-01T08:00:00.000Z'
const SAM = { id: '8c2d7b0e-6f3a-4e1d-a5b9-0f4c3e2d1a77', name: 'Sam' }
const member = (userId: string, name: string | null, email: string, role: Member['role']): Member => ({ userId, name, email, role, joinedAt: stamp })
const detailOf = (role: Member['role'], members: Member[]): BudgetDetail => ({ ...budgetWith(role, 'EUR'), members })

function monthOf(): MonthDetail {
  const id = randomUUID()
  const food = { id: randomUUID(), monthId: id, name: 'Food', budgeted: 40000, rollover: false, sortOrder: 0, version: 1 }
  return {
    id, budgetId: BUDGET_ID, year: 2026, month: 3, income: 300000, notes: 'Shared', version: 1, createdAt: stamp, updatedAt: stamp,
    categories: [food],
    fixedPayments: [{ id: randomUUID(), monthId: id, name: 'Rent', amount: 120000, dueDay: 1, paid: false, categoryId: null, version: 1 }],
    transactions: [
      { id: randomUUID(), monthId: id, categoryId: food.id, date: '2026-03-05', description: 'Market', amount: 1500, splits: [], importId: null, version: 1, createdAt: stamp, createdBy: SAM },
      { id: randomUUID(), monthId: id, categoryId: null, date: '2026-03-06', description: 'Bus', amount: 250, splits: [], importId: null, version: 1, createdAt: stamp, createdBy: { id: pat.id, name: null } },
    ],
  }
}

async function mountMonth(members: Member[], month = monthOf()) {
  api.on('GET', `/api/months/${month.id}`, () => ok(month))
  api.on('GET', '/api/months', () => ok([{ ...month, categories: undefined }]))
  api.on('GET', `/api/budgets/${BUDGET_ID}`, () => ok(detailOf('viewer', members)))
  const page = await mountSuspended(App, { route: `/months/${month.id}`, attachTo: document.body })
  await settled()
  return { month, page }
}

const buttonsNamed = (within: Element, pattern: RegExp) =>
  [...within.querySelectorAll('button, a')].filter(b => pattern.test(`${b.textContent ?? ''} ${b.getAttribute('aria-label') ?? ''}`))

describe('a viewer', () => {
  it('reads the month: no enabled field, no Add, Edit or Delete, and a note saying why; money in the budget\'s currency', async () => {
    const { page } = await mountMonth([member(pat.id, 'Pat Planner', pat.email, 'viewer')])
    const main = page.find('main').element
    expect(main.querySelectorAll('input:enabled, textarea:enabled, select:enabled')).toHaveLength(0)
    expect(buttonsNamed(main, /\b(Add|Edit|Delete|Import)\b/)).toEqual([])
    expect(page.find('[data-testid="viewer-note"]').text()).toBe('You can view this budget; only editors and owners can change it.')
    expect(page.find('[data-testid="summary-spent"] [data-testid="value"]').text()).toBe('€17.50')
    expect(page.find('[data-testid="budget-switcher"]').text()).toContain('Household')
    expect(page.find('[data-testid="budget-role"]').text()).toBe('Viewer')
  })

  it('sees rollover and a split transaction\'s parts, with no switch or Split to change them', async () => {
    const month = monthOf()
    const food = month.categories[0]!
    food.rollover = true
    month.transactions.push({ id: randomUUID(), monthId: month.id, categoryId: null, date: '2026-03-09', description: 'Market run', amount: 3000, importId: null, version: 2, createdAt: stamp, createdBy: SAM, splits: [
      { id: randomUUID(), categoryId: food.id, amount: 2000, note: 'Veg' },
      { id: randomUUID(), categoryId: null, amount: 1000, note: '' },
    ] })
    const { page } = await mountMonth([member(pat.id, 'Pat Planner', pat.email, 'viewer')], month)
    const main = page.find('main').element
    expect(main.querySelectorAll('[role="switch"]')).toHaveLength(0)
    expect(buttonsNamed(main, /\b(Split|Un-split|Rest)\b/)).toEqual([])
    expect(page.find('[data-testid="rollover-state"]').text()).toBe('On')
    const row = page.findAll('[data-testid="transaction"]').at(-1)!
    expect(row.text()).toContain('Split in 2')
    expect(row.findAll('[data-testid="split-part"]').map(part => part.text())).toEqual(['Food · Veg€20.00', 'Uncategorized€10.00'])
    expect(main.querySelectorAll('input:enabled, textarea:enabled, select:enabled')).toHaveLength(0)
  })

  it('reads the yearly plan: names as text, no menus, no rows to add, and a cell does not edit', async () => {
    const id = randomUUID()
    const sectionId = randomUUID()
    const categoryId = randomUUID()
    const plan: PlanDetail = {
      id, budgetId: BUDGET_ID, year: 2031, name: '2031', version: 1, createdAt: stamp, updatedAt: stamp,
      sections: [{ id: sectionId, planId: id, name: 'Fixed expenses', sortOrder: 0, collapsed: false, version: 1, categories: [
        { id: categoryId, sectionId, name: 'Rent', sortOrder: 0, version: 1, entries: Array.from({ length: 12 }, (_, i) => ({ id: randomUUID(), categoryId, month: i + 1, amount: 100000, version: 1 })) },
      ] }],
      incomeSources: [],
      deductions: [],
    }
    api.on('GET', '/api/yearly/by-year/2031', () => ok(plan))
    api.on('GET', '/api/yearly', () => ok([plan]))
    const page = await mountSuspended(App, { route: `/yearly/2031?budget=${BUDGET_ID}`, attachTo: document.body })
    await settled()
    const main = page.find('main').element
    expect(page.find('[data-testid="plan-grid"]').exists()).toBe(true)
    expect(main.querySelectorAll('input:enabled, textarea:enabled, select:enabled')).toHaveLength(0)
    expect(buttonsNamed(main, /\b(New plan|Rename|Delete|Actions|copy or clear|Move)\b/)).toEqual([])
    expect(page.find('[data-testid="viewer-note"]').exists()).toBe(true)
    const cell = page.find('[data-cell="0:0"]')
    await cell.trigger('keydown', { key: 'Enter' })
    expect(cell.find('input').exists()).toBe(false)
    // Collapsing a section is this page's own view: nothing is saved.
    await page.find('[aria-label="Collapse Fixed expenses"]').trigger('click')
    await settled()
    expect(page.find('[data-cell="0:0"]').exists()).toBe(false)
    expect(api.writes()).toEqual([])
  })
})

describe('who added a transaction', () => {
  it('is said under it once the budget has more than one member (the name, else the email)', async () => {
    const { page } = await mountMonth([member(SAM.id, 'Sam', 'sam@example.com', 'owner'), member(pat.id, null, pat.email, 'viewer')])
    expect(page.findAll('[data-testid="added-by"]').map(line => line.text())).toEqual(['Added by Sam', `Added by ${pat.email}`])
  })

  it('is not said in a budget of one', async () => {
    const { page } = await mountMonth([member(pat.id, 'Pat Planner', pat.email, 'viewer')])
    expect(page.findAll('[data-testid="transaction"]')).toHaveLength(2)
    expect(page.find('[data-testid="added-by"]').exists()).toBe(false)
  })
})

describe('the invite page', () => {
  const token = 'a'.repeat(43)

  async function mountJoin(reply: Parameters<typeof api.on>[2]) {
    api.on('POST', '/api/invites/accept', reply)
    const page = await mountSuspended(App, { route: `/join/${token}`, attachTo: document.body })
    await settled()
    expect(page.find('h1').text()).toBe('You have been invited to a shared budget')
    return page
  }

  it('accepts: posts the token, says whom it joined as what, and opens that budget\'s months', async () => {
    const joined = { ...budgetWith('editor', 'EUR', randomUUID()), name: 'Flat 3B' }
    const page = await mountJoin(() => ok(joined))
    api.on('GET', '/api/months', () => ok([]))
    api.on('GET', '/api/months/summaries', () => ok([]))
    const navigated = nextNavigation()
    await page.find('[data-testid="accept-invite"]').trigger('click')
    expect(await navigated).toBe(`/months?budget=${joined.id}`)
    await settled()
    expect(api.writes()).toEqual([{ method: 'POST', path: '/api/invites/accept', body: { token } }])
    expect(shownToasts().map(toast => toast.title)).toContain('You joined Flat 3B as editor')
  })

  it('a spent link (404) says so and asks for a new one', async () => {
    const page = await mountJoin(() => apiError(404, 'This invite link is not valid'))
    await page.find('[data-testid="accept-invite"]').trigger('click')
    await settled()
    expect(page.find('h1').text()).toBe('This invite link is no longer valid')
    expect(page.text()).toContain('expired, been revoked or already been used. Ask the budget\'s owner for a new one.')
  })

  it('a member already (409) is told so, with a link to that budget', async () => {
    const page = await mountJoin(() => apiError(409, 'You are already a member of this budget.', { budgetId: BUDGET_ID }))
    await page.find('[data-testid="accept-invite"]').trigger('click')
    await settled()
    expect(page.find('h1').text()).toBe('You are already a member of this budget')
    expect(page.find('[data-testid="open-budget"]').attributes('href')).toBe(`/months?budget=${BUDGET_ID}`)
  })
})

describe('the budget settings page', () => {
  const sam = member(SAM.id, 'Sam', 'sam@example.com', 'editor')

  async function mountSettings(role: Member['role'], invites: Invite[] = [], rules: Rule[] = []) {
    await switchUser(pat, [budgetWith(role, 'EUR')])
    const detail = detailOf(role, [member(pat.id, 'Pat Planner', pat.email, role), sam])
    api.on('GET', `/api/budgets/${BUDGET_ID}`, () => ok(detail))
    api.on('GET', `/api/budgets/${BUDGET_ID}/invites`, () => ok(invites))
    api.on('GET', `/api/budgets/${BUDGET_ID}/rules`, () => ok(rules))
    const page = await mountSuspended(App, { route: `/budgets/${BUDGET_ID}`, attachTo: document.body })
    await settled()
    return page
  }

  it('an owner creates an invite: the whole link is shown once, to copy, and the list shows its role and expiry', async () => {
    const invite: Invite = { id: randomUUID(), role: 'viewer', createdAt: stamp, expiresAt: '2026-03-15T08:00:00.000Z' }
    const pending: Invite[] = []
    const page = await mountSettings('owner', pending)
    expect(page.text()).toContain('No pending invites.')
    api.on('POST', `/api/budgets/${BUDGET_ID}/invites`, () => {
      pending.push(invite)
      return created({ ...invite, token: 'secret-token', path: '/join/secret-token' } satisfies CreatedInvite)
    })
    await page.find('[data-testid="invite-days"]').setValue('14')
    // The role select (reka-ui) is driven by its model here.
    const roleSelect = page.findAllComponents(USelect).find(select => (select.props() as { items?: unknown[] }).items?.length === 2)!
    roleSelect.vm.$emit('update:modelValue', 'viewer')
    await page.find('[data-testid="create-invite"]').trigger('submit')
    await settled()
    expect(api.writes()).toEqual([{ method: 'POST', path: `/api/budgets/${BUDGET_ID}/invites`, body: { role: 'viewer', expiresInDays: 14 } }])
    expect((page.find('[data-testid="invite-link"]').element as HTMLInputElement).value).toBe(`${window.location.origin}/join/secret-token`)
    expect(page.find('[data-testid="copy-invite"]').text()).toBe('Copy link')
    expect(page.findAll('[data-testid="invite"]').map(row => row.text())).toEqual([expect.stringMatching(/^Viewer · expires .*Revoke$/)])
  })

  it('an owner revokes an invite; a refusal is shown by its row', async () => {
    const invite: Invite = { id: randomUUID(), role: 'editor', createdAt: stamp, expiresAt: '2026-03-08T08:00:00.000Z' }
    const page = await mountSettings('owner', [invite])
    api.on('DELETE', `/api/budgets/${BUDGET_ID}/invites/${invite.id}`, () => apiError(404, 'Invite not found'))
    await page.find('[data-testid="revoke-invite"]').trigger('click')
    await settled()
    expect(page.find('[data-testid="invite"] [role="alert"]').text()).toBe('Invite not found')
  })

  it('an editor renames a rule\'s text with its version; a rule changed elsewhere (409) is shown as it is now, with the message by its row', async () => {
    const rule: Rule = { id: randomUUID(), budgetId: BUDGET_ID, match: 'contains', text: 'corner', categoryName: 'Groceries', sortOrder: 0, version: 2, createdAt: stamp }
    const page = await mountSettings('editor', [], [rule])
    api.on('PATCH', `/api/rules/${rule.id}`, body => (body as { text: string }).text === 'corner shop'
      ? ok({ ...rule, text: 'corner shop', version: 3 })
      : apiError(409, 'This rule was changed elsewhere. Here is the current version.', { current: { ...rule, text: 'market', version: 4 } }))
    // setValue fires input and change, as leaving a field after typing does.
    await page.find<HTMLInputElement>('input[aria-label="Text of rule 1"]').setValue('corner shop')
    await settled()
    expect(page.find<HTMLInputElement>('input[aria-label="Text of rule 1"]').element.value).toBe('corner shop')
    await page.find<HTMLInputElement>('input[aria-label="Text of rule 1"]').setValue('cornershop')
    await settled()
    expect(api.writes()).toEqual([
      { method: 'PATCH', path: `/api/rules/${rule.id}`, body: { text: 'corner shop', version: 2 } },
      { method: 'PATCH', path: `/api/rules/${rule.id}`, body: { text: 'cornershop', version: 3 } },
    ])
    expect(page.find<HTMLInputElement>('input[aria-label="Text of rule 1"]').element.value).toBe('market')
    expect(page.find('[data-testid="rule"]').text()).toContain('This rule was changed elsewhere. Here is the current version.')
  })

  it('an owner changes a role; "no owner left" (409) is shown next to that member', async () => {
    const page = await mountSettings('owner')
    api.on('PATCH', `/api/budgets/${BUDGET_ID}/members/${pat.id}`, () => apiError(409, 'A budget needs an owner. Make someone else an owner first.'))
    const selects = page.findAllComponents(USelect).filter(select => (select.props() as { items?: { value?: string }[] }).items?.some(item => item.value === 'owner'))
    expect(selects).toHaveLength(2)
    selects[0]!.vm.$emit('update:modelValue', 'viewer')
    await settled()
    expect(api.writes()).toEqual([{ method: 'PATCH', path: `/api/budgets/${BUDGET_ID}/members/${pat.id}`, body: { role: 'viewer' } }])
    expect(page.findAll('[data-testid="member"]')[0]!.find('[role="alert"]').text()).toBe('A budget needs an owner. Make someone else an owner first.')
  })

  it('an owner deletes the budget only after typing its name; the API\'s refusal stays in the dialog', async () => {
    const page = await mountSettings('owner')
    api.on('DELETE', `/api/budgets/${BUDGET_ID}`, () => apiError(409, 'This is your only budget. Create another one before deleting it.'))
    await page.find('[data-testid="delete-budget"]').trigger('click')
    await settled()
    const confirm = () => inDocument('[data-testid="confirm-delete-budget"]')!
    expect(confirm().attributes()).toHaveProperty('disabled')
    await inDocument('[data-testid="delete-budget-name"]')!.setValue('Household')
    expect(confirm().attributes()).not.toHaveProperty('disabled')
    await inDocument('#delete-budget-form')!.trigger('submit')
    await settled()
    expect(api.writes()).toEqual([{ method: 'DELETE', path: `/api/budgets/${BUDGET_ID}` }])
    expect(inDocument('[role="dialog"] [role="alert"]')!.text()).toBe('This is your only budget. Create another one before deleting it.')
  })

  it('a member who is not an owner sees the members read only and may only leave', async () => {
    const page = await mountSettings('editor')
    expect(page.findAll('[data-testid="member"]').map(row => row.text())).toEqual([expect.stringMatching(/^Pat Planner \(you\).*Editor$/), expect.stringMatching(/^Sam.*Editor$/)])
    expect(page.find('[data-testid="member-role"]').exists()).toBe(false)
    expect(page.find('[data-testid="remove-member"]').exists()).toBe(false)
    expect(page.find('[data-testid="create-invite"]').exists()).toBe(false)
    expect(page.find('[data-testid="delete-budget"]').exists()).toBe(false)
    expect(page.find('[data-testid="budget-name"]').exists()).toBe(false)

    api.on('DELETE', `/api/budgets/${BUDGET_ID}/members/${pat.id}`, () => noContent())
    api.on('GET', '/api/months', () => ok([]))
    api.on('GET', '/api/months/summaries', () => ok([]))
    await page.find('[data-testid="leave-budget"]').trigger('click')
    await settled()
    const navigated = nextNavigation()
    await button('Leave budget', inDocument('[role="dialog"]')!.element).trigger('click')
    await navigated
    await settled()
    expect(api.writes()).toEqual([{ method: 'DELETE', path: `/api/budgets/${BUDGET_ID}/members/${pat.id}` }])
    expect(shownToasts().map(toast => toast.title)).toContain('You left Household')
  })
})
