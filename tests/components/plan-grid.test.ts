import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { mountSuspended } from '@nuxt/test-utils/runtime'
import { defineComponent, h } from 'vue'
import type { CategoryEntry, IncomeEntry, IncomeSource, PlanDetail, YearlyCategory } from '#shared/schemas/yearly'
import PlanGrid from '~/components/yearly/PlanGrid.vue'
import { apiError, fakeApi, ok, paste, settled, signedInAs, toasts, typeKeys, userWith } from './helpers'

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
    id, year, name: String(year), version: 1, createdAt: stamp, updatedAt: stamp,
    sections: [{ ...fixed!, categories: [rent, power] }, { ...variable!, categories: [] }, { ...savings!, categories: [] }],
    incomeSources: [salary],
    deductions: [],
  }
  return { plan, salary, rent, power }
}

// The API's answer to an entry PATCH: the entry with the amount, one version on.
function answerEntryPatches(entries: (CategoryEntry | IncomeEntry)[], kind: 'category-entries' | 'income-entries') {
  for (const entry of entries) {
    api.on('PATCH', `/api/yearly/${kind}/${entry.id}`, body => ok({ ...entry, amount: body.amount, version: entry.version + 1 }))
  }
}

async function mountGrid() {
  const fixture = planOf(nextYear++)
  api.on('GET', `/api/yearly/by-year/${fixture.plan.year}`, () => ok(fixture.plan))
  const Harness = defineComponent(() => {
    const budget = usePlan(fixture.plan.year)
    return () => budget.plan.value ? h(PlanGrid, { budget, monthLabels: MONTH_LABELS }) : null
  })
  const wrapper = await mountSuspended(Harness, { attachTo: document.body })
  await settled()
  const cell = (row: number, col: number) => wrapper.find(`[data-cell="${row}:${col}"]`)
  const focused = () => document.activeElement?.getAttribute('data-cell')
  const rowTotal = (name: string) => wrapper.findAll('tr').find(tr => tr.find(`input[aria-label="Row name ${name}"]`).exists())!.findAll('td').at(-1)!.text()
  return { ...fixture, wrapper, cell, focused, rowTotal }
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

    await paste(grid.cell(2, 9), '80\t90.50\t1,000\t70\n')
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
})
