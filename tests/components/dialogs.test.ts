import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { mockComponent, mountSuspended } from '@nuxt/test-utils/runtime'
import type { DOMWrapper } from '@vue/test-utils'
import { defineComponent, h, ref } from 'vue'
import type { Month, MonthDetail, MonthSummary } from '#shared/schemas/months'
import type { Plan, PlanDetail } from '#shared/schemas/yearly'
import { UApp, UButton } from '#components'
import App from '~/app.vue'
import ModalActions from '~/components/ModalActions.vue'
import NewPlanModal from '~/components/yearly/NewPlanModal.vue'
import { BUDGET_ID, apiError, button, created, dialogShown, fakeApi, held, inDocument, nextNavigation, ok, settled, signedInAs, typeKeys, userWith } from './helpers'

// happy-dom has no layout to draw the chart in.
mockComponent('MonthBudgetChart', () => ({ setup: () => () => h('div') }))

signedInAs(userWith('USD'))
const api = fakeApi()

const stamp = '2026-01-02T10:00:00.000Z'
const dialog = () => inDocument('[role="dialog"]')
// Nuxt UI's loading button: disabled, with a spinning icon.
const pending = (action: DOMWrapper<Element>) => action.attributes('disabled') !== undefined && action.find('.animate-spin').exists()

describe('ModalActions', () => {
  it('emits cancel and confirm from its buttons when it does not submit a form', async () => {
    const actions = await mountSuspended(ModalActions, { props: { testid: 'confirm-copy' }, slots: { default: () => 'Copy to 3 months' } })
    const confirm = actions.find('[data-testid="confirm-copy"]')
    expect(confirm.attributes('type')).toBe('button')
    await confirm.trigger('click')
    await button('Cancel', actions.element).trigger('click')
    expect(actions.emitted('confirm')).toEqual([[]])
    expect(actions.emitted('cancel')).toEqual([[]])
  })

  it('is the submit button of the form it names, and then leaves confirming to the form', async () => {
    const actions = await mountSuspended(ModalActions, { props: { testid: 'create-plan', form: 'new-plan-form' }, slots: { default: () => 'Create plan' } })
    const submit = actions.find('[data-testid="create-plan"]')
    expect(submit.attributes()).toMatchObject({ type: 'submit', form: 'new-plan-form' })
    await submit.trigger('click')
    expect(actions.emitted('confirm')).toBeUndefined()
  })

  it('shows it is pending while loading, and cannot be pressed then or when disabled', async () => {
    const actions = await mountSuspended(ModalActions, { props: { testid: 'confirm-clear', loading: true }, slots: { default: () => 'Clear month' } })
    const action = () => actions.find('[data-testid="confirm-clear"]')
    expect(pending(action())).toBe(true)
    await actions.setProps({ loading: false })
    expect(pending(action())).toBe(false)
    expect(action().attributes()).not.toHaveProperty('disabled')
    await actions.setProps({ disabled: true })
    expect(action().attributes()).toHaveProperty('disabled')
  })
})

describe('the New yearly plan dialog', () => {
  const plan = (year: number): Plan => ({ id: randomUUID(), budgetId: BUDGET_ID, year, name: `${year} plan`, version: 1, createdAt: stamp, updatedAt: stamp })

  // The dialog as the yearly page holds it: closed until "New plan" is pressed.
  async function openDialog(plans: Plan[]) {
    const Page = defineComponent(() => {
      const open = ref(false)
      return () => h(UApp, () => [
        h(UButton, { 'data-testid': 'new-plan', 'onClick': () => open.value = true }, () => 'New plan'),
        h(NewPlanModal, { 'open': open.value, plans, 'onUpdate:open': (value: boolean) => open.value = value }),
      ])
    })
    const page = await mountSuspended(Page, { attachTo: document.body })
    await page.find('[data-testid="new-plan"]').trigger('click')
    await settled()
    await dialogShown()
    return {
      year: () => inDocument('[data-testid="new-plan-year"]')!,
      create: () => inDocument('[data-testid="create-plan"]')!,
      alert: () => dialog()?.find('[role="alert"]'),
    }
  }

  function detailOf(year: number): PlanDetail {
    const id = randomUUID()
    return {
      ...plan(year), id,
      sections: ['Fixed expenses', 'Variable expenses', 'Savings'].map((name, sortOrder) => ({ id: randomUUID(), planId: id, name, sortOrder, collapsed: false, version: 1, categories: [] })),
      incomeSources: [],
      deductions: [],
    }
  }

  it('proposes the year after the newest plan, copied from it; creating is pending, then it closes and opens the plan', async () => {
    const plans = [plan(2026), plan(2025)]
    const answer = held(created(detailOf(2027)))
    api.on('POST', '/api/yearly', answer.respond)
    const view = await openDialog(plans)
    expect((view.year().element as HTMLInputElement).value).toBe('2027')
    expect(dialog()!.text()).toContain('Copy everything from “2026 plan” (2026)')
    expect(dialog()!.find('button[role="checkbox"]').attributes('aria-checked')).toBe('true')

    const navigated = nextNavigation()
    await view.create().trigger('click')
    expect(pending(view.create())).toBe(true)
    expect(dialog()).toBeDefined()

    answer.release()
    await settled()
    expect(api.writes()).toEqual([{ method: 'POST', path: '/api/yearly', body: { year: 2027, copyFrom: plans[0]!.id, budgetId: BUDGET_ID } }])
    expect(await navigated).toBe(`/yearly/2027?budget=${BUDGET_ID}`)
    expect(dialog()).toBeUndefined()
  })

  it('creates an empty plan when there is none the year before', async () => {
    api.on('POST', '/api/yearly', () => created(detailOf(2030)))
    const view = await openDialog([plan(2026)])
    await view.year().setValue('')
    await typeKeys(view.year(), '2030')
    expect(dialog()!.text()).toContain('No plan for 2029 to copy from')

    const navigated = nextNavigation()
    await view.create().trigger('click')
    await settled()
    expect(api.writes()).toEqual([{ method: 'POST', path: '/api/yearly', body: { year: 2030, copyFrom: null, budgetId: BUDGET_ID } }])
    expect(await navigated).toBe(`/yearly/2030?budget=${BUDGET_ID}`)
  })

  it('shows the API\'s message for a 409 and stays open, ready to try again', async () => {
    const plans = [plan(2026)]
    const answer = held(apiError(409, 'A plan for 2027 already exists.'))
    api.on('POST', '/api/yearly', answer.respond)
    const view = await openDialog(plans)
    const path = useRouter().currentRoute.value.fullPath

    await view.create().trigger('click')
    expect(pending(view.create())).toBe(true)
    answer.release()
    await settled()

    expect(api.writes()).toEqual([{ method: 'POST', path: '/api/yearly', body: { year: 2027, copyFrom: plans[0]!.id, budgetId: BUDGET_ID } }])
    expect(view.alert()?.text()).toBe('A plan for 2027 already exists.')
    expect(dialog()).toBeDefined()
    expect(pending(view.create())).toBe(false)
    expect(useRouter().currentRoute.value.fullPath).toBe(path)
  })

  it('says the server could not be reached when the answer carries no message', async () => {
    api.on('POST', '/api/yearly', () => ({ status: 502, body: '<html>Bad gateway</html>' }))
    const view = await openDialog([])
    await view.create().trigger('click')
    await settled()
    expect(view.alert()?.text()).toBe('Could not reach the server. Check your connection and try again.')
    expect(dialog()).toBeDefined()
  })

  it('names a plan called by its year once: "the 2026 plan"', async () => {
    await openDialog([{ ...plan(2026), name: '2026' }])
    expect(dialog()!.text()).toContain('Copy everything from the 2026 plan')
    expect(dialog()!.text()).not.toContain('(2026)')
  })

  it('asks for a year in words a person uses, next to the field and without a request, when it is empty or out of range', async () => {
    const view = await openDialog([plan(2026)])
    for (const typed of ['', '1999', '3000']) {
      await view.year().setValue('')
      await typeKeys(view.year(), typed)
      await view.create().trigger('click')
      await settled()
      expect(dialog()!.text()).toContain('Enter a year from 2000 to 2100.')
      expect(dialog()!.text()).not.toMatch(/expected|number/i)
      expect(dialog()!.text()).toContain('Nothing to copy from')
    }
    expect(api.writes()).toEqual([])
    expect(dialog()).toBeDefined()
  })

  it('sends a name when one is given', async () => {
    api.on('POST', '/api/yearly', () => created(detailOf(2027)))
    const view = await openDialog([plan(2026)])
    await typeKeys(inDocument('[data-testid="new-plan-name"]')!, 'Family budget')
    await view.create().trigger('click')
    await settled()
    expect(api.writes()).toEqual([{ method: 'POST', path: '/api/yearly', body: { year: 2027, name: 'Family budget', copyFrom: expect.any(String), budgetId: BUDGET_ID } }])
  })

  it('Cancel closes it without a request, and reopening forgets the last error', async () => {
    api.on('POST', '/api/yearly', () => apiError(409, 'A plan for 2027 already exists.'))
    const view = await openDialog([plan(2026)])
    await view.create().trigger('click')
    await settled()
    expect(view.alert()?.text()).toBe('A plan for 2027 already exists.')

    await button('Cancel', dialog()!.element).trigger('click')
    await settled()
    expect(dialog()).toBeUndefined()
    await inDocument('[data-testid="new-plan"]')!.trigger('click')
    await settled()
    expect(dialog()).toBeDefined()
    expect(view.alert()?.exists()).toBe(false)
    expect(api.writes()).toHaveLength(1)
  })
})

describe('the New month dialog on the months page', () => {
  function monthOf(year: number, month: number): Month {
    return { id: randomUUID(), budgetId: BUDGET_ID, year, month, income: 250000, notes: '', version: 1, createdAt: stamp, updatedAt: stamp }
  }
  const summaryOf = (month: Month): MonthSummary => ({
    monthId: month.id, year: month.year, month: month.month, income: month.income, budgeted: 0, spent: 0, fixed: 0, fixedPaid: 0,
    uncategorizedSpent: 0, available: month.income, remaining: 0, balance: month.income, carriedIn: 0, categories: [],
  })

  async function openDialog(months: Month[]) {
    api.on('GET', '/api/months', () => ok(months))
    api.on('GET', '/api/months/summaries', () => ok(months.map(summaryOf)))
    const page = await mountSuspended(App, { route: '/months', attachTo: document.body })
    await settled()
    await page.find('[data-testid="new-month"]').trigger('click')
    await settled()
    await dialogShown()
    return {
      page,
      create: () => inDocument('[data-testid="create-month"]')!,
      alert: () => dialog()?.find('[role="alert"]'),
    }
  }

  it('proposes the month after the newest, copied from it; creating is pending, then it closes and opens the new month', async () => {
    const march = monthOf(2026, 3)
    const february = monthOf(2026, 2)
    const april: MonthDetail = { ...monthOf(2026, 4), categories: [], fixedPayments: [], transactions: [] }
    const answer = held(created(april))
    api.on('POST', '/api/months', answer.respond)
    api.on('GET', `/api/months/${april.id}`, () => ok(april))
    const view = await openDialog([march, february])
    expect((inDocument('[data-testid="new-month-year"]')!.element as HTMLInputElement).value).toBe('2026')
    expect(inDocument('[data-testid="new-month-month"]')!.text()).toBe('April')
    expect(inDocument('[data-testid="new-month-copy"]')!.text()).toBe('Copy from March 2026')

    const navigated = nextNavigation()
    await view.create().trigger('click')
    expect(pending(view.create())).toBe(true)

    answer.release()
    await settled()
    expect(api.writes()).toEqual([{ method: 'POST', path: '/api/months', body: { year: 2026, month: 4, copyFrom: march.id, budgetId: BUDGET_ID } }])
    expect(await navigated).toBe(`/months/${april.id}`)
    await settled()
    expect(dialog()).toBeUndefined()
    expect(view.page.find('[data-testid="month-title"]').text()).toBe('April 2026')
  })

  it('proposes this month, empty, when there is no month yet', async () => {
    const today = new Date()
    const current = { ...monthOf(today.getFullYear(), today.getMonth() + 1), categories: [], fixedPayments: [], transactions: [] }
    api.on('POST', '/api/months', () => created(current))
    api.on('GET', `/api/months/${current.id}`, () => ok(current))
    const view = await openDialog([])
    expect((inDocument('[data-testid="new-month-year"]')!.element as HTMLInputElement).value).toBe(String(current.year))
    expect(inDocument('[data-testid="new-month-copy"]')!.text()).toBe('Start empty')

    await view.create().trigger('click')
    await settled()
    expect(api.writes()).toEqual([{ method: 'POST', path: '/api/months', body: { year: current.year, month: current.month, copyFrom: null, budgetId: BUDGET_ID } }])
  })

  it('asks for a year in words a person uses, without a request, when the year is empty or out of range', async () => {
    const view = await openDialog([monthOf(2026, 3)])
    const year = inDocument('[data-testid="new-month-year"]')!
    for (const typed of ['', '1999', '2101']) {
      await year.setValue(typed)
      await view.create().trigger('click')
      await settled()
      expect(view.alert()?.text()).toBe('Enter a year from 2000 to 2100.')
    }
    expect(api.writes()).toEqual([])
  })

  it('shows the API\'s message for a 409 and stays open', async () => {
    const march = monthOf(2026, 3)
    api.on('POST', '/api/months', () => apiError(409, 'A budget for 2026-04 already exists.'))
    const view = await openDialog([march])

    await view.create().trigger('click')
    await settled()

    expect(api.writes()).toEqual([{ method: 'POST', path: '/api/months', body: { year: 2026, month: 4, copyFrom: march.id, budgetId: BUDGET_ID } }])
    expect(view.alert()?.text()).toBe('A budget for 2026-04 already exists.')
    expect(dialog()).toBeDefined()
    expect(pending(view.create())).toBe(false)
    expect(useRouter().currentRoute.value.fullPath).toBe('/months')
  })
})
