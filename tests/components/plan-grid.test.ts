import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { mockComponent, mountSuspended } from '@nuxt/test-utils/runtime'
import { defineComponent, h, type Ref } from 'vue'
import type { CategoryEntry, Deduction, IncomeEntry, IncomeSource, Plan, PlanDetail, YearlyCategory } from '#shared/schemas/yearly'
import App from '~/app.vue'
import PlanGrid from '~/components/yearly/PlanGrid.vue'
import { BUDGET_ID, apiError, created, dialogShown, fakeApi, held, inDocument, nextNavigation, noContent, ok, paste, settled, shownToasts, signedInAs, toasts, typeKeys, userWith } from './helpers'

// happy-dom has no layout to draw the chart in.
mockComponent('YearlyPlanChart', () => ({ setup: () => () => h('div') }))

signedInAs(userWith('USD'))
const api = fakeApi()

const MONTH_LABELS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const stamp = '2026-01-05T09:30:00.000Z'
// Every test gets a plan of its own year, so no cached plan is shared.
let nextYear = 2030

function incomeSource(planId: string, name: string, amounts: number[]): IncomeSource {
  const id = randomUUID()
  return { id, planId, name, sortOrder: 0, version: 1, entries: amounts.map((amount, i) => ({ id: randomUUID(), sourceId: id, month: i + 1, amount, version: 1 })) }
}
function category(sectionId: string, name: string, sortOrder: number, amounts: number[]): YearlyCategory {
  const id = randomUUID()
  return { id, sectionId, name, sortOrder, version: 1, entries: amounts.map((amount, i) => ({ id: randomUUID(), categoryId: id, month: i + 1, amount, version: 1 })) }
}
const every = (amount: number) => Array.from({ length: 12 }, () => amount)

// Editable rows, top to bottom: 0 Salary, 1 Rent, 2 Power.
function planOf(year: number) {
  const id = randomUUID()
  const [fixed, variable, savings] = ['Fixed expenses', 'Variable expenses', 'Savings'].map((name, sortOrder) => ({ id: randomUUID(), planId: id, name, sortOrder, collapsed: false, version: 1 }))
  const salary = incomeSource(id, 'Salary', every(400000))
  const rent = category(fixed!.id, 'Rent', 0, every(120000))
  const power = category(fixed!.id, 'Power', 1, every(8000))
  const plan: PlanDetail = {
    id, budgetId: BUDGET_ID, year, name: String(year), version: 1, createdAt: stamp, updatedAt: stamp,
    sections: [{ ...fixed!, categories: [rent, power] }, { ...variable!, categories: [] }, { ...savings!, categories: [] }],
    incomeSources: [salary],
    deductions: [],
  }
  return { plan, salary, rent, power, fixed: fixed! }
}
type Fixture = ReturnType<typeof planOf>

// The API's answer to an entry PATCH: the entry with the amount, one version on.
function answerEntryPatches(entries: (CategoryEntry | IncomeEntry)[], kind: 'category-entries' | 'income-entries') {
  for (const entry of entries) {
    api.on('PATCH', `/api/yearly/${kind}/${entry.id}`, body => ok({ ...entry, amount: body.amount, version: entry.version + 1 }))
  }
}

// `arrange` changes the plan the API holds before the grid loads it.
async function mountGrid(arrange?: (fixture: Fixture) => void) {
  const fixture = planOf(nextYear++)
  arrange?.(fixture)
  api.on('GET', `/api/yearly/by-year/${fixture.plan.year}`, () => ok(fixture.plan))
  // The page's count of fields holding something not saved.
  let unsaved!: Readonly<Ref<number>>
  const Harness = defineComponent(() => {
    const budget = usePlan(fixture.plan.year)
    unsaved = provideUnsavedChanges()
    return () => budget.plan.value ? h(PlanGrid, { budget, monthLabels: MONTH_LABELS }) : null
  })
  const wrapper = await mountSuspended(Harness, { attachTo: document.body })
  await settled()
  const cell = (row: number, col: number) => wrapper.find(`[data-cell="${row}:${col}"]`)
  const focused = () => document.activeElement?.getAttribute('data-cell')
  const tabStops = () => wrapper.findAll('td[data-cell]').filter(td => td.attributes('tabindex') === '0').map(td => td.attributes('data-cell'))
  const rowTotal = (name: string) => wrapper.findAll('tr').find(tr => tr.find(`input[aria-label="Row name ${name}"]`).exists())!.findAll('td').at(-1)!.text()
  const rowNames = () => wrapper.findAll('[data-row-id] [data-testid="row-name"]').map(input => (input.element as HTMLInputElement).value)
  return { ...fixture, wrapper, unsaved: () => unsaved.value, cell, focused, tabStops, rowTotal, rowNames }
}

// Opens a row's menu (by its button's label) and picks an item, as the keyboard does.
async function pick(menuLabel: string, item: string) {
  await inDocument(`button[aria-label="${menuLabel}"]`)!.trigger('keydown', { key: 'Enter' })
  await settled()
  const found = [...document.querySelectorAll('[role="menuitem"]')].find(element => element.textContent?.trim() === item)
  if (!found) throw new Error(`No menu item "${item}"`)
  found.dispatchEvent(new MouseEvent('click', { bubbles: true }))
  await settled()
}

// Presses the Undo of the toast with that title.
function undo(title: string) {
  const press = toasts().toasts.value.find(toast => toast.title === title)?.actions?.[0]?.onClick
  if (!press) throw new Error(`No undo offered by "${title}"`)
  ;[press].flat().forEach(handler => handler(new MouseEvent('click')))
}

describe('the yearly plan grid', () => {
  it('moves focus between cells with the arrow keys, and stops at the edges', async () => {
    const grid = await mountGrid()
    expect(grid.cell(0, 0).attributes('aria-label')).toBe('Salary, Jan: 4,000.00')
    ;(grid.cell(0, 0).element as HTMLElement).focus()

    const moves: [string, string][] = [
      ['ArrowLeft', '0:0'],
      ['ArrowUp', '0:0'],
      ['ArrowDown', '1:0'],
      ['ArrowRight', '1:1'],
      ['ArrowDown', '2:1'],
      ['ArrowDown', '2:1'],
      ['ArrowUp', '1:1'],
      ['ArrowLeft', '1:0'],
    ]
    for (const [key, to] of moves) {
      await grid.wrapper.find(`[data-cell="${grid.focused()}"]`).trigger('keydown', { key })
      expect(grid.focused(), `${key} → ${to}`).toBe(to)
    }
    for (let i = 0; i < 12; i++) await grid.wrapper.find(`[data-cell="${grid.focused()}"]`).trigger('keydown', { key: 'ArrowRight' })
    expect(grid.focused()).toBe('1:11')
    await settled()
    expect(api.writes()).toEqual([])
  })

  it('Enter edits a cell, Enter saves it with one PATCH and moves down', async () => {
    const grid = await mountGrid()
    answerEntryPatches(grid.rent.entries, 'category-entries')
    const rentFeb = grid.cell(1, 1)
    ;(rentFeb.element as HTMLElement).focus()

    await rentFeb.trigger('keydown', { key: 'Enter' })
    const input = rentFeb.find('input')
    expect((input.element as HTMLInputElement).value).toBe('1,200.00')
    await input.setValue('')
    await typeKeys(input, '1250')
    await input.trigger('keydown', { key: 'Enter' })
    await settled()

    expect(api.writes()).toEqual([{ method: 'PATCH', path: `/api/yearly/category-entries/${grid.rent.entries[1]!.id}`, body: { amount: 125000, version: 1 } }])
    expect(grid.cell(1, 1).text()).toBe('1,250.00')
    expect(grid.rowTotal('Rent')).toBe('$14,450.00')
    expect(grid.focused()).toBe('2:1')
  })

  it('Escape cancels an edit: no request, and the cell keeps its amount', async () => {
    const grid = await mountGrid()
    const powerMar = grid.cell(2, 2)
    ;(powerMar.element as HTMLElement).focus()

    await powerMar.trigger('keydown', { key: 'Enter' })
    const input = powerMar.find('input')
    await input.setValue('')
    await typeKeys(input, '999')
    await input.trigger('keydown', { key: 'Escape' })
    await nextTick()

    expect(grid.cell(2, 2).find('input').exists()).toBe(false)
    expect(grid.cell(2, 2).text()).toBe('80.00')
    expect(grid.rowTotal('Power')).toBe('$960.00')
    expect(grid.focused()).toBe('2:2')
    await settled()
    expect(api.writes()).toEqual([])
  })

  it('a digit typed on a focused cell starts an edit with it', async () => {
    const grid = await mountGrid()
    answerEntryPatches(grid.salary.entries, 'income-entries')
    const salaryMar = grid.cell(0, 2)
    ;(salaryMar.element as HTMLElement).focus()

    await salaryMar.trigger('keydown', { key: '5' })
    const input = salaryMar.find('input')
    expect((input.element as HTMLInputElement).value).toBe('5')
    await typeKeys(input, '000')
    await input.trigger('keydown', { key: 'Enter' })
    await settled()

    expect(api.writes()).toEqual([{ method: 'PATCH', path: `/api/yearly/income-entries/${grid.salary.entries[2]!.id}`, body: { amount: 500000, version: 1 } }])
    expect(grid.cell(0, 2).text()).toBe('5,000.00')
  })

  it('a pasted row fills the category\'s cells from there on, in one bulk request', async () => {
    const grid = await mountGrid()
    const [oct, nov, dec] = grid.power.entries.slice(9)
    api.on('POST', '/api/yearly/category-entries/bulk', body => ok({
      updated: body.updates.map((update: { id: string, amount: number }) => ({ ...grid.power.entries.find(e => e.id === update.id)!, amount: update.amount, version: 2 })),
    }))

    await paste(grid.cell(2, 9), '80\t90.50\t1,000\n')
    await settled()

    expect(api.writes()).toEqual([{
      method: 'POST',
      path: '/api/yearly/category-entries/bulk',
      body: { updates: [{ id: oct!.id, amount: 8000 }, { id: nov!.id, amount: 9050 }, { id: dec!.id, amount: 100000 }] },
    }])
    expect([9, 10, 11].map(col => grid.cell(2, col).text())).toEqual(['80.00', '90.50', '1,000.00'])
    expect(grid.cell(2, 8).text()).toBe('80.00')
  })

  it('a pasted income row saves each cell', async () => {
    const grid = await mountGrid()
    answerEntryPatches(grid.salary.entries, 'income-entries')

    await paste(grid.cell(0, 0), '4100\t4200')
    await settled()

    expect(api.writes()).toHaveLength(2)
    expect(api.writes()).toEqual(expect.arrayContaining([
      { method: 'PATCH', path: `/api/yearly/income-entries/${grid.salary.entries[0]!.id}`, body: { amount: 410000, version: 1 } },
      { method: 'PATCH', path: `/api/yearly/income-entries/${grid.salary.entries[1]!.id}`, body: { amount: 420000, version: 1 } },
    ]))
    expect([0, 1, 2].map(col => grid.cell(0, col).text())).toEqual(['4,100.00', '4,200.00', '4,000.00'])
  })

  it('a refused save puts the stored amount back and says why', async () => {
    const grid = await mountGrid()
    const rentJan = grid.rent.entries[0]!
    api.on('PATCH', `/api/yearly/category-entries/${rentJan.id}`, () => apiError(404, 'This entry does not exist.'))
    ;(grid.cell(1, 0).element as HTMLElement).focus()

    await grid.cell(1, 0).trigger('keydown', { key: '9' })
    await grid.cell(1, 0).find('input').trigger('keydown', { key: 'Enter' })
    await settled()

    expect(api.writes()).toEqual([{ method: 'PATCH', path: `/api/yearly/category-entries/${rentJan.id}`, body: { amount: 900, version: 1 } }])
    expect(toasts().toasts.value.map(toast => [toast.title, toast.description])).toEqual([['Not saved', 'This entry does not exist.']])
    expect(grid.cell(1, 0).text()).toBe('1,200.00')
  })

  it('renames a row on Enter with one request, keeping focus there; Escape puts the saved name back', async () => {
    const grid = await mountGrid()
    const answer = held(ok({ ...grid.power, name: 'Electricity', version: 2 }))
    api.on('PATCH', `/api/yearly/categories/${grid.power.id}`, answer.respond)
    const name = grid.wrapper.find('input[aria-label="Row name Power"]')
    ;(name.element as HTMLInputElement).focus()

    await name.setValue('Electricity')
    await name.trigger('keydown', { key: 'Enter' })
    expect(document.activeElement).toBe(name.element)
    await name.trigger('blur')
    answer.release()
    await settled()
    expect(api.writes()).toEqual([{ method: 'PATCH', path: `/api/yearly/categories/${grid.power.id}`, body: { name: 'Electricity', version: 1 } }])
    expect(grid.rowNames()).toEqual(['Salary', 'Rent', 'Electricity'])

    const renamed = grid.wrapper.find('input[aria-label="Row name Electricity"]')
    ;(renamed.element as HTMLInputElement).focus()
    await renamed.setValue('Gas')
    await renamed.trigger('keydown', { key: 'Escape' })
    expect((renamed.element as HTMLInputElement).value).toBe('Electricity')
    expect(document.activeElement).toBe(renamed.element)
    await renamed.trigger('blur')
    await settled()
    expect(api.writes()).toHaveLength(1)
  })

  it('pasting more amounts than months are left saves nothing and says so', async () => {
    const grid = await mountGrid()
    await paste(grid.cell(2, 9), '80\t90\t100\t110\n')
    await settled()
    expect(api.writes()).toEqual([])
    expect(toasts().toasts.value.map(toast => toast.description)).toEqual(['4 amounts do not fit in the 3 months from here to December. Paste them into an earlier month, or copy fewer.'])
    expect([9, 10, 11].map(col => grid.cell(2, col).text())).toEqual(['80.00', '80.00', '80.00'])
  })

  it('the amounts are one Tab stop: the first cell, then the cell focused last', async () => {
    const grid = await mountGrid()
    expect(grid.tabStops()).toEqual(['0:0'])
    ;(grid.cell(0, 0).element as HTMLElement).focus()
    for (const key of ['ArrowDown', 'ArrowRight', 'End']) await grid.wrapper.find(`[data-cell="${grid.focused()}"]`).trigger('keydown', { key })
    expect(grid.focused()).toBe('1:11')
    expect(grid.tabStops()).toEqual(['1:11'])
    await grid.cell(1, 11).trigger('keydown', { key: 'Home' })
    expect(grid.focused()).toBe('1:0')
    expect(grid.tabStops()).toEqual(['1:0'])
  })

  it('a cell that cannot be read is explained next to it, not saved, and counted as not saved', async () => {
    const grid = await mountGrid()
    const rentJan = grid.cell(1, 0)
    ;(rentJan.element as HTMLElement).focus()
    await rentJan.trigger('keydown', { key: '1' })
    const input = rentJan.find('input')
    await typeKeys(input, '2,50')
    await input.trigger('keydown', { key: 'Enter' })
    await input.trigger('blur')
    await settled()

    const message = rentJan.find('[data-testid="cell-error"]')
    expect(message.text()).toBe('Unclear amount: write decimals with “.”, like 1,234.50 · Not saved')
    expect(input.attributes('aria-describedby')).toBe(message.attributes('id'))
    expect(grid.unsaved()).toBe(1)
    expect(api.writes()).toEqual([])
    expect(grid.rowTotal('Rent')).toBe('$14,400.00')

    await input.trigger('keydown', { key: 'Escape' })
    expect(grid.unsaved()).toBe(0)
    expect(api.writes()).toEqual([])
  })

  it('deleting a row focuses the next row\'s menu; Undo brings it back in its place with its amounts', async () => {
    const grid = await mountGrid(fixture => fixture.rent.entries[11]!.amount = 0)
    const { rent, power, fixed } = grid
    const again = category(fixed.id, 'Rent', 2, every(120000))
    api.on('DELETE', `/api/yearly/categories/${rent.id}`, () => noContent())
    api.on('POST', '/api/yearly/categories', () => created(again))
    api.on('PATCH', `/api/yearly/categories/${again.id}`, body => ok({ ...again, ...body, version: 2 }))
    api.on('POST', '/api/yearly/category-entries/bulk', body => ok({
      updated: body.updates.map((update: { id: string, amount: number }) => ({ ...again.entries.find(e => e.id === update.id)!, amount: update.amount, version: 2 })),
    }))

    await pick('Actions for Rent', 'Delete row')
    expect(api.writes()).toEqual([{ method: 'DELETE', path: `/api/yearly/categories/${rent.id}` }])
    expect(grid.rowNames()).toEqual(['Salary', 'Power'])
    expect(document.activeElement?.getAttribute('aria-label')).toBe(`Actions for ${power.name}`)

    expect(toasts().toasts.value.find(toast => toast.title === 'Category deleted')?.description).toBe('Rent · $13,200.00 in the year')
    undo('Category deleted')
    await settled()

    expect(api.writes().slice(1)).toEqual([
      { method: 'POST', path: '/api/yearly/categories', body: { sectionId: fixed.id, name: 'Rent', amount: 120000 } },
      { method: 'PATCH', path: `/api/yearly/categories/${again.id}`, body: { sortOrder: 0, version: 1 } },
      { method: 'POST', path: '/api/yearly/category-entries/bulk', body: { updates: [{ id: again.entries[11]!.id, amount: 0 }] } },
    ])
    expect(grid.rowNames()).toEqual(['Salary', 'Rent', 'Power'])
    expect(Array.from({ length: 12 }, (_, col) => grid.cell(1, col).text())).toEqual([...Array(11).fill('1,200.00'), '0.00'])
  })

  it('deleting the only deduction focuses the field that adds one; Undo brings back its type and value', async () => {
    let tax!: Deduction
    const grid = await mountGrid((fixture) => {
      tax = { id: randomUUID(), planId: fixture.plan.id, name: 'Tax', type: 'percent', value: 2550, sortOrder: 3, version: 1 }
      fixture.plan.deductions = [tax]
    })
    const again = { ...tax, id: randomUUID(), sortOrder: 0 }
    api.on('DELETE', `/api/yearly/deductions/${tax.id}`, () => noContent())
    api.on('POST', '/api/yearly/deductions', () => created(again))
    api.on('PATCH', `/api/yearly/deductions/${again.id}`, body => ok({ ...again, ...body, version: 2 }))

    await pick('Actions for deduction Tax', 'Delete deduction')
    expect(grid.wrapper.findAll('[data-testid="deduction-row"]')).toHaveLength(0)
    expect(document.activeElement?.getAttribute('data-testid')).toBe('add-deduction')

    expect(toasts().toasts.value.find(toast => toast.title === 'Deduction deleted')?.description).toBe('Tax · 25.50 % of gross income')
    undo('Deduction deleted')
    await settled()
    expect(api.writes().slice(1)).toEqual([
      { method: 'POST', path: '/api/yearly/deductions', body: { planId: grid.plan.id, name: 'Tax', type: 'percent', value: 2550 } },
      { method: 'PATCH', path: `/api/yearly/deductions/${again.id}`, body: { sortOrder: 3, version: 1 } },
    ])
    expect((grid.wrapper.find('[data-testid="deduction-value"]').element as HTMLInputElement).value).toBe('25.50')
  })

  it('a deduction value that cannot be read is explained next to it, not saved, and counted as not saved', async () => {
    let tax!: Deduction
    const grid = await mountGrid((fixture) => {
      tax = { id: randomUUID(), planId: fixture.plan.id, name: 'Tax', type: 'percent', value: 1000, sortOrder: 0, version: 1 }
      fixture.plan.deductions = [tax]
    })
    api.on('PATCH', `/api/yearly/deductions/${tax.id}`, body => ok({ ...tax, ...body, version: 2 }))
    const field = grid.wrapper.find('[data-testid="deduction-value"]')

    for (const [text, why] of [['abc', 'Not a percentage: type it like 25.50'], ['120', 'A percentage is at most 100']]) {
      await field.setValue(text)
      await field.trigger('blur')
      const message = grid.wrapper.find('[data-testid="deduction-error"]')
      expect(message.text()).toBe(`${why} · Not saved`)
      expect(field.attributes('aria-describedby')).toBe(message.attributes('id'))
      expect((field.element as HTMLInputElement).value).toBe(text)
      expect(grid.unsaved()).toBe(1)
    }
    await settled()
    expect(api.writes()).toEqual([])

    // Enter saves and keeps focus; leaving the field then sends nothing more.
    ;(field.element as HTMLInputElement).focus()
    await field.setValue('12.5')
    await field.trigger('keydown', { key: 'Enter' })
    expect(document.activeElement).toBe(field.element)
    await field.trigger('blur')
    await settled()
    expect(api.writes()).toEqual([{ method: 'PATCH', path: `/api/yearly/deductions/${tax.id}`, body: { value: 1250, version: 1 } }])
    expect(grid.wrapper.find('[data-testid="deduction-error"]').exists()).toBe(false)
    expect(grid.unsaved()).toBe(0)
  })

  it('switching a deduction\'s type keeps its number, read in the new type', async () => {
    let tax!: Deduction
    await mountGrid((fixture) => {
      tax = { id: randomUUID(), planId: fixture.plan.id, name: 'Tax', type: 'percent', value: 1000, sortOrder: 0, version: 1 }
      fixture.plan.deductions = [tax]
    })
    api.on('PATCH', `/api/yearly/deductions/${tax.id}`, body => ok({ ...tax, ...body, version: 2 }))
    await pick('Actions for deduction Tax', 'Make it a fixed amount per month')
    expect(api.writes()).toEqual([{ method: 'PATCH', path: `/api/yearly/deductions/${tax.id}`, body: { type: 'fixed', value: 1000, version: 1 } }])
    expect(inDocument('[data-testid="deduction-value"]')!.attributes('aria-label')).toBe('Tax amount per month')
  })

  it('a new deduction whose value cannot be read is explained next to the field and not added', async () => {
    const grid = await mountGrid()
    await grid.wrapper.find('[data-testid="add-deduction"]').setValue('Pension')
    await grid.wrapper.find('input[aria-label="Deduction value"]').setValue('150')
    await grid.wrapper.find('[data-testid="add-deduction"]').trigger('submit')
    await settled()
    const message = grid.wrapper.find('[data-testid="new-deduction-error"]')
    expect(message.text()).toBe('A percentage is at most 100 · Not added')
    expect(grid.wrapper.find('input[aria-label="Deduction value"]').attributes('aria-describedby')).toBe(message.attributes('id'))
    expect(api.writes()).toEqual([])
  })
})

describe('the yearly plan page', () => {
  async function mountPage() {
    const fixture = planOf(nextYear++)
    const { id, budgetId, year, name, version, createdAt, updatedAt } = fixture.plan
    // The user's plans, as GET /api/yearly lists them.
    const plans: Plan[] = [{ id, budgetId, year, name, version, createdAt, updatedAt }]
    api.on('GET', `/api/yearly/by-year/${year}`, () => ok(fixture.plan))
    api.on('GET', '/api/yearly', () => ok(plans))
    const page = await mountSuspended(App, { route: `/yearly/${year}`, attachTo: document.body })
    await settled()
    return { ...fixture, plans, page, status: () => page.find('[data-testid="save-status"]').text() }
  }

  it('says a refused amount is not saved until it is fixed or dropped', async () => {
    const view = await mountPage()
    answerEntryPatches(view.rent.entries, 'category-entries')
    expect(view.status()).toBe('All changes saved')
    const rentMar = view.page.find('[data-cell="1:2"]')
    ;(rentMar.element as HTMLElement).focus()
    await rentMar.trigger('keydown', { key: 'Enter' })
    await rentMar.find('input').setValue('12.3.4')
    await rentMar.find('input').trigger('keydown', { key: 'Enter' })
    await settled()
    expect(view.status()).toBe('1 change not saved')
    expect(api.writes()).toEqual([])

    await rentMar.find('input').setValue('12.34')
    await rentMar.find('input').trigger('keydown', { key: 'Enter' })
    await settled()
    expect(view.status()).toBe('All changes saved')
    expect(api.writes()).toEqual([{ method: 'PATCH', path: `/api/yearly/category-entries/${view.rent.entries[2]!.id}`, body: { amount: 1234, version: 1 } }])
  })

  it('renames the plan', async () => {
    const view = await mountPage()
    api.on('PATCH', `/api/yearly/${view.plan.id}`, body => ok({ ...view.plan, name: body.name, version: 2 }))
    await view.page.find('[data-testid="rename-plan"]').trigger('click')
    await settled()
    await dialogShown()
    const name = inDocument('[data-testid="plan-name-input"]')!
    await name.setValue('')
    await typeKeys(name, 'Family budget')
    await inDocument('[data-testid="confirm-rename"]')!.trigger('click')
    await settled()
    expect(api.writes()).toEqual([{ method: 'PATCH', path: `/api/yearly/${view.plan.id}`, body: { name: 'Family budget', version: 1 } }])
    expect(view.page.find('[data-testid="plan-name"]').text()).toBe('Family budget')
    expect(inDocument('[role="dialog"]')).toBeUndefined()
  })

  it('names what goes with the plan before anything is deleted, then deletes it and opens /yearly', async () => {
    const view = await mountPage()
    api.on('DELETE', `/api/yearly/${view.plan.id}`, () => {
      view.plans.length = 0
      return noContent()
    })

    await view.page.find('[data-testid="delete-plan"]').trigger('click')
    await settled()
    await dialogShown()
    const dialog = inDocument('[role="dialog"]')!
    expect(dialog.find('h2').text()).toBe(`Delete the ${view.plan.year} plan?`)
    expect(dialog.find('p').text()).toBe('Deleted with it: 1 income source and 2 categories, with every amount in them. This cannot be undone.')
    expect(api.writes()).toEqual([])

    const navigated = nextNavigation()
    await inDocument('[data-testid="confirm-delete-plan"]')!.trigger('click')
    expect(await navigated).toBe(`/yearly?budget=${BUDGET_ID}`)
    await settled()
    expect(api.writes()).toEqual([{ method: 'DELETE', path: `/api/yearly/${view.plan.id}` }])
    expect(shownToasts().map(toast => toast.title)).toEqual([`${view.plan.year} plan deleted`])
    expect(view.page.text()).toContain('No yearly plan yet')
  })
})
