import { randomUUID } from 'node:crypto'
import { describe, expect, it, vi } from 'vitest'
import { mockComponent, mountSuspended } from '@nuxt/test-utils/runtime'
import { h } from 'vue'
import type { MonthDetail, Split, Transaction } from '#shared/schemas/months'
import { summarizeDetail } from '#shared/utils/month-rules'
import { USelect } from '#components'
import App from '~/app.vue'
import { BUDGET_ID, apiError, button, created, dialogShown, fakeApi, inDocument, nextNavigation, noContent, ok, settled, shownToasts, signedInAs, typeKeys, userWith } from './helpers'

// happy-dom has no layout to draw the chart in.
mockComponent('MonthBudgetChart', () => ({ setup: () => () => h('div') }))

signedInAs(userWith('USD'))
const api = fakeApi()

const stamp = '2026-03-01T08:00:00.000Z'
const PAT = { id: userWith('USD').id, name: 'Pat Planner' }
const SAM = { id: '8c2d7b0e-6f3a-4e1d-a5b9-0f4c3e2d1a77', name: 'Sam' }

function monthOf(): MonthDetail {
  const id = randomUUID()
  const groceries = { id: randomUUID(), monthId: id, name: 'Groceries', budgeted: 40000, rollover: false, sortOrder: 0, version: 1 }
  const fun = { id: randomUUID(), monthId: id, name: 'Fun', budgeted: 5000, rollover: false, sortOrder: 1, version: 1 }
  return {
    id, budgetId: BUDGET_ID, year: 2026, month: 3, income: 300000, notes: '', version: 1, createdAt: stamp, updatedAt: stamp,
    categories: [groceries, fun],
    fixedPayments: [{ id: randomUUID(), monthId: id, name: 'Rent', amount: 120000, dueDay: 1, paid: false, categoryId: null, version: 1 }],
    transactions: [
      { id: randomUUID(), monthId: id, categoryId: fun.id, date: '2026-03-05', description: 'Cinema', amount: 1500, splits: [], importId: null, version: 1, createdAt: '2026-03-05T19:00:00.000Z', createdBy: PAT },
      { id: randomUUID(), monthId: id, categoryId: null, date: '2026-03-06', description: 'Bus', amount: 250, splits: [], importId: null, version: 1, createdAt: '2026-03-06T07:00:00.000Z', createdBy: SAM },
    ],
  }
}

// The API creates what it is sent, as POST /api/transactions does (its splits as new records).
function answerTransactionPosts() {
  api.on('POST', '/api/transactions', body => created({
    id: randomUUID(), categoryId: null, description: '', ...body,
    splits: (body.splits ?? []).map((split: { amount: number, categoryId?: string | null, note?: string }): Split => ({ id: randomUUID(), amount: split.amount, categoryId: split.categoryId ?? null, note: split.note ?? '' })),
    importId: null, version: 1, createdAt: new Date().toISOString(), createdBy: PAT,
  } satisfies Transaction))
}

// carriedIn: what the server's summary says each category (by name) carried in.
async function mountMonthPage({ month = monthOf(), carriedIn = {} }: { month?: MonthDetail, carriedIn?: Record<string, number> } = {}) {
  api.on('GET', `/api/months/${month.id}`, () => ok(month))
  api.on('GET', `/api/months/${month.id}/summary`, () => ok(summarizeDetail(month, name => carriedIn[name] ?? 0)))
  api.on('GET', '/api/months', () => ok([{ id: month.id, budgetId: BUDGET_ID, year: month.year, month: month.month, income: month.income, notes: month.notes, version: month.version, createdAt: stamp, updatedAt: stamp }]))
  const page = await mountSuspended(App, { route: `/months/${month.id}`, attachTo: document.body })
  await settled()
  const entry = page.find('[data-testid="quick-entry"]')
  return {
    month,
    page,
    date: entry.find('[data-testid="entry-date"]'),
    description: entry.find('[data-testid="entry-description"]'),
    category: entry.find('[data-testid="entry-category"]'),
    amount: entry.find('[data-testid="entry-amount"]'),
    add: entry.find('[data-testid="entry-save"]'),
    alert: () => entry.find('[role="alert"]'),
    rows: () => page.findAll('[data-testid="transaction"]').map(row => row.findAll('span, p').map(part => part.text()).filter(Boolean)),
    spent: () => page.find('[data-testid="summary-spent"] [data-testid="value"]').text(),
  }
}

type View = Awaited<ReturnType<typeof mountMonthPage>>

const transactionPost = (month: MonthDetail, fields: Record<string, unknown>) => ({ method: 'POST', path: '/api/transactions', body: { monthId: month.id, ...fields } })

describe('quick entry on the month page', () => {
  it('posts the transaction in integer minor units and shows it', async () => {
    const view = await mountMonthPage()
    answerTransactionPosts()
    expect(view.rows()).toEqual([['Mar 5', 'Cinema', 'Fun', '$15.00'], ['Mar 6', 'Bus', 'Uncategorized', '$2.50']])
    expect(view.spent()).toBe('$17.50')

    await view.date.setValue('2026-03-14')
    await typeKeys(view.description, 'Supermarket')
    // Tab completes the start of a category's name.
    await typeKeys(view.category, 'groc')
    await view.category.trigger('keydown', { key: 'Tab' })
    expect((view.category.element as HTMLInputElement).value).toBe('Groceries')
    await typeKeys(view.amount, '45.50')
    await view.add.trigger('click')
    await settled()

    const groceries = view.month.categories[0]!
    expect(api.writes()).toEqual([transactionPost(view.month, { date: '2026-03-14', description: 'Supermarket', amount: 4550, categoryId: groceries.id })])
    expect(view.rows()).toEqual([
      ['Mar 5', 'Cinema', 'Fun', '$15.00'],
      ['Mar 6', 'Bus', 'Uncategorized', '$2.50'],
      ['Mar 14', 'Supermarket', 'Groceries', '$45.50'],
    ])
    expect(view.spent()).toBe('$63.00')
    // Ready for the next one: the fields are empty, the cursor in the description.
    expect([view.description, view.category, view.amount].map(field => (field.element as HTMLInputElement).value)).toEqual(['', '', ''])
    expect((view.date.element as HTMLInputElement).value).toBe('2026-03-14')
    expect(document.activeElement).toBe(view.description.element)
  })

  it('posts a refund as a negative amount, without a category', async () => {
    const view = await mountMonthPage()
    answerTransactionPosts()

    await view.date.setValue('2026-03-20')
    await typeKeys(view.description, 'Returned shoes')
    await typeKeys(view.amount, '-12.5')
    await view.add.trigger('click')
    await settled()

    expect(api.writes()).toEqual([transactionPost(view.month, { date: '2026-03-20', description: 'Returned shoes', amount: -1250, categoryId: null })])
    expect(view.rows().at(-1)).toEqual(['Mar 20', 'Returned shoes', 'Uncategorized', '-$12.50'])
    expect(view.spent()).toBe('$5.00')
  })

  it.each([
    ['a category the month does not have', 'Travel', '9.99', 'There is no category named "Travel" in this month.'],
    ['no amount', 'Fun', '', 'Enter an amount (negative for a refund).'],
    // Names are exact, as the API keeps them; a near miss is pointed out.
    ['a name in another case', 'fun', '9.99', 'There is no category named "fun" in this month. Did you mean "Fun"?'],
  ])('sends nothing for %s, and says why', async (_, category, amount, message) => {
    const view = await mountMonthPage()
    await typeKeys(view.description, 'Museum')
    await typeKeys(view.category, category)
    await typeKeys(view.amount, amount)
    await view.add.trigger('click')
    await settled()

    expect(view.alert().text()).toBe(message)
    expect(api.writes()).toEqual([])
    expect(view.rows()).toHaveLength(2)
    expect((view.description.element as HTMLInputElement).value).toBe('Museum')
  })

  it('sends nothing for an amount that cannot be read, and says why under the amount', async () => {
    const view = await mountMonthPage()
    await typeKeys(view.description, 'Museum')
    await typeKeys(view.category, 'Fun')
    await typeKeys(view.amount, '9.999')
    await view.add.trigger('click')
    await settled()

    expect(view.amount.attributes('aria-invalid')).toBe('true')
    const message = view.page.find('[data-testid="money-error"]')
    expect(message.text()).toBe('At most 2 decimals, like 1,234.50')
    expect(view.amount.attributes('aria-describedby')).toBe(message.attributes('id'))
    expect(api.writes()).toEqual([])
    expect((view.amount.element as HTMLInputElement).value).toBe('9.999')
  })

  it('keeps what was typed when the API refuses it, and shows the API\'s message', async () => {
    const view = await mountMonthPage()
    api.on('POST', '/api/transactions', () => apiError(400, 'The date must be in March 2026.', { issues: [{ path: 'date', message: 'The date must be in March 2026.' }] }))

    await view.date.setValue('2026-03-31')
    await typeKeys(view.description, 'Taxi')
    await typeKeys(view.amount, '30')
    await view.add.trigger('click')
    await settled()

    expect(api.writes()).toEqual([transactionPost(view.month, { date: '2026-03-31', description: 'Taxi', amount: 3000, categoryId: null })])
    expect(shownToasts().map(({ title, description }) => [title, description])).toEqual([['Not saved', 'The date must be in March 2026.']])
    expect((view.description.element as HTMLInputElement).value).toBe('Taxi')
    expect((view.amount.element as HTMLInputElement).value).toBe('30')
    expect(view.rows()).toHaveLength(2)
  })
})

describe('deleting a transaction', () => {
  it('removes it, offers Undo in a toast, and Undo posts it back', async () => {
    const view = await mountMonthPage()
    const [cinema] = view.month.transactions
    api.on('DELETE', `/api/transactions/${cinema!.id}`, () => noContent())
    answerTransactionPosts()

    await view.page.find(`button[aria-label="Delete Cinema"]`).trigger('click')
    await settled()

    expect(api.writes()).toEqual([{ method: 'DELETE', path: `/api/transactions/${cinema!.id}` }])
    expect(view.rows()).toEqual([['Mar 6', 'Bus', 'Uncategorized', '$2.50']])
    expect(view.spent()).toBe('$2.50')
    const [toast] = shownToasts()
    expect(shownToasts().map(({ title, description }) => [title, description])).toEqual([['Transaction deleted', 'Cinema · $15.00']])

    await button('Undo (Ctrl+Z)', toast!.element).trigger('click')
    await settled()

    expect(api.writes()).toEqual([
      { method: 'DELETE', path: `/api/transactions/${cinema!.id}` },
      transactionPost(view.month, { date: '2026-03-05', description: 'Cinema', amount: 1500, categoryId: cinema!.categoryId }),
    ])
    expect(view.rows()).toEqual([['Mar 5', 'Cinema', 'Fun', '$15.00'], ['Mar 6', 'Bus', 'Uncategorized', '$2.50']])
    expect(view.spent()).toBe('$17.50')
  })

  it('keeps focus in the list (on the next row\'s Delete), and Ctrl+Z outside a field undoes it', async () => {
    const view = await mountMonthPage()
    const [cinema] = view.month.transactions
    api.on('DELETE', `/api/transactions/${cinema!.id}`, () => noContent())
    answerTransactionPosts()

    await view.page.find(`button[aria-label="Delete Cinema"]`).trigger('click')
    await settled()
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Delete Bus')

    await pressCtrlZ()
    expect(api.writes().map(({ method, path }) => `${method} ${path}`)).toEqual([`DELETE /api/transactions/${cinema!.id}`, 'POST /api/transactions'])
    expect(view.rows()).toHaveLength(2)
    expect(shownToasts()).toEqual([])
    // Undone once: a second Ctrl+Z has nothing left to undo.
    await pressCtrlZ()
    expect(api.writes()).toHaveLength(2)
  })

  it('keeps the transaction when the API refuses the delete', async () => {
    const view = await mountMonthPage()
    const [, bus] = view.month.transactions
    api.on('DELETE', `/api/transactions/${bus!.id}`, () => apiError(404, 'This transaction does not exist.'))

    await view.page.find(`button[aria-label="Delete Bus"]`).trigger('click')
    await settled()

    expect(api.writes()).toEqual([{ method: 'DELETE', path: `/api/transactions/${bus!.id}` }])
    expect(view.rows()).toHaveLength(2)
    expect(shownToasts().map(({ title, description }) => [title, description])).toEqual([['Not saved', 'This transaction does not exist.']])
  })
})

describe('amounts the forms cannot read', () => {
  it.each([
    ['a category', 'new-category-name', 'new-category-budget'],
    ['a fixed payment', 'new-fixed-name', 'new-fixed-amount'],
  ])('%s with the amount "abc" cannot be added: the field says why and nothing is sent', async (_, nameId, amountId) => {
    const view = await mountMonthPage()
    const name = view.page.find(`[data-testid="${nameId}"]`)
    const amount = view.page.find(`[data-testid="${amountId}"]`)
    const form = amount.element.closest('form')!
    await typeKeys(name, 'Books')
    await typeKeys(amount, 'abc')
    expect(form.querySelector('button[type="submit"]')!.hasAttribute('disabled')).toBe(true)
    await amount.trigger('keydown', { key: 'Enter' })
    form.dispatchEvent(new Event('submit', { cancelable: true }))
    await settled()
    expect(form.querySelector('[data-testid="money-error"]')?.textContent?.trim()).toBe('Not an amount: type it like 1,234.50')
    expect(api.writes()).toEqual([])
    expect((amount.element as HTMLInputElement).value).toBe('abc')
  })
})

async function pressCtrlZ() {
  document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true }))
  await settled()
}

const focusedLabel = () => document.activeElement?.getAttribute('aria-label')

describe('editing a transaction by keyboard', () => {
  it('Edit puts focus in the form; Escape closes it unsaved and returns focus to Edit', async () => {
    const view = await mountMonthPage()
    const edit = view.page.find('button[aria-label="Edit Cinema"]')
    await edit.trigger('click')
    await settled()
    const form = view.page.find('[data-testid="transaction"] form')
    expect(document.activeElement).toBe(form.find('input[aria-label="Date"]').element)

    await form.find('input[aria-label="Description"]').trigger('keydown', { key: 'Escape' })
    await settled()
    expect(view.page.find('[data-testid="transaction"] form').exists()).toBe(false)
    expect(focusedLabel()).toBe('Edit Cinema')
    expect(api.writes()).toEqual([])
  })

  it('Enter saves, and focus returns to the row\'s Edit', async () => {
    const view = await mountMonthPage()
    const [cinema] = view.month.transactions
    api.on('PATCH', `/api/transactions/${cinema!.id}`, body => ok({ ...cinema, ...body, version: 2 }))
    await view.page.find('button[aria-label="Edit Cinema"]').trigger('click')
    await settled()
    const description = view.page.find('[data-testid="transaction"] form input[aria-label="Description"]')
    await description.setValue('Cinema and popcorn')
    await view.page.find('[data-testid="transaction"] form').trigger('submit')
    await settled()

    expect(api.writes()).toEqual([{ method: 'PATCH', path: `/api/transactions/${cinema!.id}`, body: { date: '2026-03-05', description: 'Cinema and popcorn', amount: 1500, categoryId: cinema!.categoryId, version: 1 } }])
    expect(focusedLabel()).toBe('Edit Cinema and popcorn')
  })
})

describe('deleting a category or a fixed payment', () => {
  // The API's side of a category delete: its transactions and fixed payments lose it.
  function answerCategoryDelete(month: MonthDetail, categoryId: string) {
    api.on('DELETE', `/api/categories/${categoryId}`, () => {
      month.categories = month.categories.filter(category => category.id !== categoryId)
      for (const row of [...month.transactions, ...month.fixedPayments]) {
        if (row.categoryId === categoryId) Object.assign(row, { categoryId: null, version: row.version + 1 })
      }
      return noContent()
    })
  }

  it('a category: the toast names the transactions it leaves uncategorized; Undo brings it back with them', async () => {
    const view = await mountMonthPage()
    const fun = view.month.categories[1]!
    const [cinema] = view.month.transactions
    answerCategoryDelete(view.month, fun.id)
    const restoredId = randomUUID()
    api.on('POST', '/api/categories', body => created({ ...body, id: restoredId, version: 1 }))
    api.on('PATCH', `/api/transactions/${cinema!.id}`, body => ok({ ...cinema, categoryId: body.categoryId, version: 3 }))

    await view.page.find('button[aria-label="Delete category Fun"]').trigger('click')
    await settled()
    expect(view.rows()[0]).toEqual(['Mar 5', 'Cinema', 'Uncategorized', '$15.00'])
    expect(focusedLabel()).toBe('Delete category Groceries')
    const [toast] = shownToasts()
    expect([toast!.title, toast!.description]).toEqual(['Category deleted', 'Fun · 1 transaction now uncategorized'])

    await button('Undo (Ctrl+Z)', toast!.element).trigger('click')
    await settled()
    expect(api.writes()).toEqual([
      { method: 'DELETE', path: `/api/categories/${fun.id}` },
      { method: 'POST', path: '/api/categories', body: { monthId: view.month.id, name: 'Fun', budgeted: 5000, rollover: false, sortOrder: 1 } },
      { method: 'PATCH', path: `/api/transactions/${cinema!.id}`, body: { categoryId: restoredId, version: 2 } },
    ])
    expect(view.rows()[0]).toEqual(['Mar 5', 'Cinema', 'Fun', '$15.00'])
    expect(view.page.findAll('[data-testid="category-row"]').map(row => row.find('input').element.getAttribute('aria-label'))).toEqual(['Name of category Groceries', 'Name of category Fun'])
  })

  it('a fixed payment: Undo posts it back as it was', async () => {
    const view = await mountMonthPage()
    const [rent] = view.month.fixedPayments
    api.on('DELETE', `/api/fixed-payments/${rent!.id}`, () => noContent())
    api.on('POST', '/api/fixed-payments', body => created({ ...body, id: randomUUID(), version: 1 }))

    await view.page.find('button[aria-label="Delete fixed payment Rent"]').trigger('click')
    await settled()
    expect(view.page.findAll('[data-testid="fixed-payment"]')).toHaveLength(0)
    expect(document.activeElement).toBe(view.page.find('[data-testid="new-fixed-name"]').element)
    const [toast] = shownToasts()
    expect([toast!.title, toast!.description]).toEqual(['Fixed payment deleted', 'Rent · $1,200.00'])

    await button('Undo (Ctrl+Z)', toast!.element).trigger('click')
    await settled()
    expect(api.writes().at(-1)).toEqual({ method: 'POST', path: '/api/fixed-payments', body: { monthId: view.month.id, name: 'Rent', amount: 120000, dueDay: 1, paid: false, categoryId: null } })
    expect(view.page.findAll('[data-testid="fixed-payment"]')).toHaveLength(1)
  })
})

describe('editing a fixed payment', () => {
  it('changes its name, amount and due day in one PATCH; focus returns to its Edit', async () => {
    const view = await mountMonthPage()
    const [rent] = view.month.fixedPayments
    api.on('PATCH', `/api/fixed-payments/${rent!.id}`, body => ok({ ...rent, ...body, version: 2 }))
    await view.page.find('button[aria-label="Edit fixed payment Rent"]').trigger('click')
    await settled()
    const form = view.page.find('[data-testid="fixed-payment"] form')
    expect(document.activeElement).toBe(form.find('input[aria-label="Name"]').element)

    await form.find('input[aria-label="Name"]').setValue('Rent and heating')
    const amount = form.find('input[aria-label="Amount"]')
    await amount.setValue('')
    await typeKeys(amount, '1,350.50')
    await form.find('input[aria-label="Due day"]').setValue('3')
    await form.trigger('submit')
    await settled()

    expect(api.writes()).toEqual([{ method: 'PATCH', path: `/api/fixed-payments/${rent!.id}`, body: { name: 'Rent and heating', amount: 135050, dueDay: 3, categoryId: null, version: 1 } }])
    expect(view.page.find('[data-testid="fixed-payment"]').text()).toContain('Rent and heating')
    expect(view.page.find('[data-testid="fixed-payment"]').text()).toContain('$1,350.50')
    expect(focusedLabel()).toBe('Edit fixed payment Rent and heating')
  })
})

describe('what the month page says is saved', () => {
  it('counts an amount it could not read as not saved until it is fixed and saved', async () => {
    const view = await mountMonthPage()
    const groceries = view.month.categories[0]!
    api.on('PATCH', `/api/categories/${groceries.id}`, body => ok({ ...groceries, ...body, version: 2 }))
    const status = () => view.page.find('[data-testid="save-status"]').text()
    const budget = view.page.find('input[aria-label="Budget for Groceries"]')
    expect(status()).toBe('All changes saved')

    await budget.setValue('')
    await typeKeys(budget, '12x')
    await budget.trigger('blur')
    await settled()
    expect(status()).toBe('1 change not saved')
    expect(api.writes()).toEqual([])

    await budget.setValue('')
    await typeKeys(budget, '450')
    await budget.trigger('blur')
    await settled()
    expect(api.writes()).toEqual([{ method: 'PATCH', path: `/api/categories/${groceries.id}`, body: { budgeted: 45000, version: 1 } }])
    expect(status()).toBe('All changes saved')
  })

  it('counts notes being typed as not saved until the box is left and they are saved', async () => {
    const view = await mountMonthPage()
    api.on('PATCH', `/api/months/${view.month.id}`, body => ok({ ...view.month, ...body, version: 2 }))
    const status = () => view.page.find('[data-testid="save-status"]').text()
    const notes = view.page.find('textarea#month-notes')
    await notes.setValue('Dentist in March')
    expect(status()).toBe('1 change not saved')

    await notes.trigger('blur')
    await settled()
    expect(api.writes()).toEqual([{ method: 'PATCH', path: `/api/months/${view.month.id}`, body: { notes: 'Dentist in March', version: 1 } }])
    expect(status()).toBe('All changes saved')
  })

  it('refuses a new category whose name differs from one the month has only in case', async () => {
    const view = await mountMonthPage()
    await typeKeys(view.page.find('[data-testid="new-category-name"]'), 'groceries')
    await view.page.find('[data-testid="new-category-name"]').element.closest('form')!.dispatchEvent(new Event('submit', { cancelable: true }))
    await settled()
    expect(view.page.find('[data-testid="new-category-error"]').text()).toBe('There is already a category named "Groceries".')
    expect(api.writes()).toEqual([])
  })
})

describe('renaming a category', () => {
  it('Enter saves the name once and moves on to the row\'s budget', async () => {
    const view = await mountMonthPage()
    const fun = view.month.categories[1]!
    api.on('PATCH', `/api/categories/${fun.id}`, body => ok({ ...fun, ...body, version: 2 }))
    const name = view.page.find('input[aria-label="Name of category Fun"]')
    await name.setValue('Going out')
    await name.trigger('keydown', { key: 'Enter' })
    name.element.dispatchEvent(new FocusEvent('blur'))
    await settled()

    expect(api.writes()).toEqual([{ method: 'PATCH', path: `/api/categories/${fun.id}`, body: { name: 'Going out', version: 1 } }])
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Budget for Going out')
  })

  it('refuses a name that differs from another category\'s only in case, next to the field', async () => {
    const view = await mountMonthPage()
    const name = view.page.find('input[aria-label="Name of category Fun"]')
    await name.setValue('GROCERIES')
    name.element.dispatchEvent(new FocusEvent('blur'))
    await settled()

    expect(api.writes()).toEqual([])
    expect(name.attributes('aria-invalid')).toBe('true')
    expect(view.page.find(`#${name.attributes('aria-describedby')}`).text()).toBe('There is already a category named "Groceries".')
  })
})

describe('deleting the month', () => {
  it('names what goes with it before anything is deleted, then deletes it and opens the months list', async () => {
    const view = await mountMonthPage()
    api.on('DELETE', `/api/months/${view.month.id}`, () => noContent())
    api.on('GET', '/api/months/summaries', () => ok([]))

    await view.page.find('[data-testid="delete-month"]').trigger('click')
    await settled()
    await dialogShown()
    const dialog = inDocument('[role="dialog"]')!
    expect(dialog.find('h2').text()).toBe('Delete March 2026?')
    expect(dialog.find('p').text()).toBe('Deleted with it: 2 categories, 2 transactions, and 1 fixed payment. This cannot be undone.')
    expect(api.writes()).toEqual([])

    const navigated = nextNavigation()
    await inDocument('[data-testid="confirm-delete-month"]')!.trigger('click')
    expect(await navigated).toBe(`/months?budget=${BUDGET_ID}`)
    await settled()
    expect(api.writes()).toEqual([{ method: 'DELETE', path: `/api/months/${view.month.id}` }])
    expect(shownToasts().map(toast => toast.title)).toEqual(['March 2026 deleted'])
  })
})

describe('rollover and what categories carry in', () => {
  const cells = (page: View['page'], testid: string) => page.findAll(`[data-testid="category-row"] [data-testid="${testid}"]`)

  it('shows what each category carried in and has available (from the server\'s summary), a negative amount marked by an icon and its sign as well as its colour', async () => {
    // Groceries brought 25.00 from February, Fun an overspend of 70.00; Fun has 50.00 and spent 15.00.
    const view = await mountMonthPage({ carriedIn: { Groceries: 2500, Fun: -7000 } })
    expect(cells(view.page, 'carried-in').map(cell => cell.text())).toEqual(['$25.00', '-$70.00'])
    expect(cells(view.page, 'available').map(cell => cell.text())).toEqual(['$425.00', '-$35.00'])
    const [groceries, fun] = cells(view.page, 'available')
    expect(groceries!.find('[data-negative]').exists()).toBe(false)
    const negative = fun!.find('[data-negative]')
    expect(negative.classes()).toContain('text-(--ui-error)')
    expect(negative.find('[aria-hidden="true"]').exists()).toBe(true)
    // On a phone the same figures are under the name.
    expect(view.page.findAll('[data-testid="category-phone-figures"]').map(line => line.text())).toEqual(['Available $425.00Carried in $25.00', 'Available -$35.00Carried in -$70.00'])

    const card = view.page.find('[data-testid="summary-carried-in"]')
    expect(card.find('[data-testid="value"]').text()).toBe('-$45.00')
    expect(card.find('[data-testid="value"] [data-negative]').exists()).toBe(true)
    expect(card.text()).toContain('Rolled over from February 2026')
  })

  it('says so when nothing was carried in', async () => {
    const view = await mountMonthPage()
    expect(cells(view.page, 'carried-in').map(cell => cell.text())).toEqual(['$0.00', '$0.00'])
    expect(cells(view.page, 'available').map(cell => cell.text())).toEqual(['$400.00', '$35.00'])
    expect(view.page.find('[data-testid="summary-carried-in"]').text()).toContain('Nothing rolled over from February 2026')
  })

  it('the switch turns rollover on with a PATCH of the category and its version', async () => {
    const view = await mountMonthPage()
    const groceries = view.month.categories[0]!
    api.on('PATCH', `/api/categories/${groceries.id}`, body => ok({ ...groceries, ...body, version: 2 }))
    const toggle = view.page.find('[role="switch"][aria-label="Roll over what is left of Groceries into next month"]')
    expect(toggle.attributes('aria-checked')).toBe('false')

    await toggle.trigger('click')
    await settled()
    expect(api.writes()).toEqual([{ method: 'PATCH', path: `/api/categories/${groceries.id}`, body: { rollover: true, version: 1 } }])
    expect(toggle.attributes('aria-checked')).toBe('true')
  })

  it('asks for the summary again when a category is renamed, since what it carries in goes by name', async () => {
    const month = monthOf()
    const fun = month.categories[1]!
    let asked = 0
    const carried = () => ({ Fun: 1000, Leisure: 300 })
    const view = await mountMonthPage({ month, carriedIn: carried() })
    api.on('GET', `/api/months/${month.id}/summary`, () => {
      asked++
      return ok(summarizeDetail(month, name => carried()[name as 'Fun'] ?? 0))
    })
    api.on('PATCH', `/api/categories/${fun.id}`, (body) => {
      Object.assign(fun, body, { version: 2 })
      return ok(fun)
    })
    expect(cells(view.page, 'carried-in').map(cell => cell.text())).toEqual(['$0.00', '$10.00'])

    const name = view.page.find('input[aria-label="Name of category Fun"]')
    await name.setValue('Leisure')
    name.element.dispatchEvent(new FocusEvent('blur'))
    await settled()
    expect(asked).toBe(1)
    expect(cells(view.page, 'carried-in').map(cell => cell.text())).toEqual(['$0.00', '$3.00'])
  })
})

// A "Market" purchase of 60.00 added to the month, split into 45.00 of Groceries
// ("Food") and 15.00 as `rest` says.
function marketIn(month: MonthDetail, rest: { categoryId: string | null, note: string }): Transaction {
  const shop: Transaction = { id: randomUUID(), monthId: month.id, categoryId: null, date: '2026-03-10', description: 'Market', amount: 6000, importId: null, version: 3, createdAt: '2026-03-10T10:00:00.000Z', createdBy: PAT, splits: [
    { id: randomUUID(), categoryId: month.categories[0]!.id, amount: 4500, note: 'Food' },
    { id: randomUUID(), amount: 1500, ...rest },
  ] }
  month.transactions.push(shop)
  return shop
}

describe('splitting a transaction', () => {
  const input = (view: View, line: number, field: 'amount' | 'note') => view.page.find(`[data-testid="split-line"][data-line="${line}"] [data-field="${field}"]`)
  const left = (view: View) => view.page.find('[data-testid="split-left"]').text()
  const saveButton = (view: View) => view.page.find('[data-testid="split-save"]')
  const problems = (view: View) => view.page.find('[data-testid="split-problems"]').text()

  async function chooseCategory(view: View, line: number, categoryId: string | null) {
    const select = view.page.findAllComponents(USelect).find(select => select.vm.$attrs['aria-label'] === `Category of line ${line + 1}`)!
    select.vm.$emit('update:modelValue', categoryId ?? 'none')
    await settled()
  }

  // The editor's code loads when it is first opened.
  const editorShown = (view: View) => vi.waitUntil(() => view.page.find('[data-testid="split-line"]').exists(), { timeout: 10_000 })

  async function openSplit(description: string, month?: MonthDetail) {
    const view = await mountMonthPage({ month })
    await view.page.find(`button[aria-label="Split ${description}"]`).trigger('click')
    await settled()
    await editorShown(view)
    return view
  }

  it('shows what is still to assign as it is typed; Enter adds a line and focuses it; Rest fills in the rest; Save waits for the sum and sends the parts', async () => {
    const view = await openSplit('Cinema')
    const [groceries, fun] = view.month.categories
    const [cinema] = view.month.transactions
    api.on('PATCH', `/api/transactions/${cinema!.id}`, body => ok({ ...cinema, ...body, splits: body.splits.map((split: Omit<Split, 'id'>) => ({ id: randomUUID(), ...split })), version: 2 }))
    // Two lines to start with, the first in the transaction's own category; focus on it.
    expect(view.page.findAll('[data-testid="split-line"]')).toHaveLength(2)
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Category of line 1')
    expect(document.activeElement?.textContent).toContain('Fun')
    expect(left(view)).toBe('$15.00 still to assign')
    expect(saveButton(view).attributes('disabled')).toBeDefined()
    expect(problems(view)).toBe('Lines 1 and 2 need an amount (not zero).')

    await typeKeys(input(view, 0, 'amount'), '10')
    expect(left(view)).toBe('$5.00 still to assign')
    await typeKeys(input(view, 0, 'note'), 'Tickets')
    await input(view, 0, 'note').trigger('keydown', { key: 'Enter' })
    await settled()
    expect(view.page.findAll('[data-testid="split-line"]')).toHaveLength(3)
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Category of line 2')
    expect(api.writes()).toEqual([])

    await chooseCategory(view, 1, groceries!.id)
    await typeKeys(input(view, 1, 'amount'), '6')
    expect(left(view)).toBe('$1.00 too much assigned')
    await input(view, 1, 'amount').setValue('')
    await typeKeys(input(view, 1, 'amount'), '3')
    await typeKeys(input(view, 1, 'note'), 'Popcorn')
    expect(left(view)).toBe('$2.00 still to assign')
    expect(problems(view)).toBe('Line 3 needs an amount (not zero).')

    await view.page.find('[data-line="2"] [data-testid="split-rest"]').trigger('click')
    await settled()
    expect((input(view, 2, 'amount').element as HTMLInputElement).value).toBe('2.00')
    expect(left(view)).toBe('All assigned')
    expect(view.page.find('[data-testid="split-problems"]').exists()).toBe(false)
    expect(document.activeElement).toBe(input(view, 2, 'note').element)
    expect(saveButton(view).attributes('disabled')).toBeUndefined()

    await saveButton(view).trigger('click')
    await settled()
    expect(api.writes()).toEqual([{ method: 'PATCH', path: `/api/transactions/${cinema!.id}`, body: {
      splits: [{ amount: 1000, categoryId: fun!.id, note: 'Tickets' }, { amount: 300, categoryId: groceries!.id, note: 'Popcorn' }, { amount: 200, categoryId: null, note: '' }],
      categoryId: null,
      version: 1,
    } }])
    // The row says Split and lists its parts; the categories count their parts.
    expect(view.page.find('[data-testid="split-editor"]').exists()).toBe(false)
    const row = view.page.find(`[data-row-id="${cinema!.id}"]`)
    expect(row.text()).toContain('Split in 3')
    expect(row.findAll('[data-testid="split-part"]').map(part => part.text())).toEqual(['Fun · Tickets$10.00', 'Groceries · Popcorn$3.00', 'Uncategorized$2.00'])
    expect(view.page.findAll('[data-testid="category-row"] [data-testid="available"]').map(cell => cell.text())).toEqual(['$397.00', '$40.00'])
    expect(view.spent()).toBe('$17.50')
    expect(focusedLabel()).toBe('Split Cinema')
  })

  it('sends the amount with the parts when the amount changes', async () => {
    const view = await openSplit('Bus')
    const [, bus] = view.month.transactions
    api.on('PATCH', `/api/transactions/${bus!.id}`, body => ok({ ...bus, ...body, splits: body.splits.map((split: Omit<Split, 'id'>) => ({ id: randomUUID(), ...split })), version: 2 }))
    const total = view.page.find('[data-testid="split-total"]')
    await total.setValue('')
    await typeKeys(total, '4')
    expect(left(view)).toBe('$4.00 still to assign')
    await typeKeys(input(view, 0, 'amount'), '1.5')
    await view.page.find('[data-line="1"] [data-testid="split-rest"]').trigger('click')
    await view.page.find('[data-testid="split-editor"]').trigger('submit')
    await settled()
    expect(api.writes()).toEqual([{ method: 'PATCH', path: `/api/transactions/${bus!.id}`, body: {
      splits: [{ amount: 150, categoryId: null, note: '' }, { amount: 250, categoryId: null, note: '' }],
      categoryId: null,
      amount: 400,
      version: 1,
    } }])
  })

  it('shows the API\'s refusal beside the line it names, and stays open', async () => {
    const view = await openSplit('Cinema')
    const [cinema] = view.month.transactions
    const message = 'Must be a category of this month'
    api.on('PATCH', `/api/transactions/${cinema!.id}`, () => apiError(400, `splits.1.categoryId: ${message}`, { issues: [{ path: 'splits.1.categoryId', message }, { path: 'splits', message: 'Something about all of them' }] }))
    await typeKeys(input(view, 0, 'amount'), '5')
    await view.page.find('[data-line="1"] [data-testid="split-rest"]').trigger('click')
    await saveButton(view).trigger('click')
    await settled()

    const issue = view.page.find('[data-line="1"] [data-testid="split-line-issue"]')
    expect(issue.text()).toBe(`category: ${message}`)
    expect(input(view, 1, 'amount').attributes('aria-describedby')).toBe(issue.attributes('id'))
    expect(view.page.find('[data-line="0"] [data-testid="split-line-issue"]').exists()).toBe(false)
    expect(problems(view)).toBe('splits: Something about all of them')
    expect(view.page.find('[data-testid="split-editor"]').exists()).toBe(true)
    expect(shownToasts().map(toast => toast.title)).toEqual(['Not saved'])
  })

  it('after a 409 the editor shows the version that won, and Save sends changes to it, not the lost lines', async () => {
    const view = await openSplit('Cinema')
    const [cinema, bus] = view.month.transactions
    const theirs = { ...cinema!, categoryId: null, amount: 1800, version: 2, splits: [
      { id: randomUUID(), categoryId: bus!.categoryId, amount: 1000, note: 'Theirs' },
      { id: randomUUID(), categoryId: null, amount: 800, note: '' },
    ] }
    api.on('PATCH', `/api/transactions/${cinema!.id}`, () => apiError(409, 'This transaction was changed elsewhere. Here is the current version.', { current: theirs }))
    await typeKeys(input(view, 0, 'amount'), '5')
    await view.page.find('[data-line="1"] [data-testid="split-rest"]').trigger('click')
    await saveButton(view).trigger('click')
    await settled()

    expect(shownToasts().map(toast => toast.title)).toEqual(['Changed elsewhere'])
    expect(view.page.find('[data-testid="split-editor"]').exists()).toBe(true)
    expect(view.page.findAll('[data-testid="split-line"]').map(line => [(line.find('[data-field="amount"]').element as HTMLInputElement).value, (line.find('[data-field="note"]').element as HTMLInputElement).value]))
      .toEqual([['10.00', 'Theirs'], ['8.00', '']])
    expect((view.page.find('[data-testid="split-total"]').element as HTMLInputElement).value).toBe('18.00')

    api.on('PATCH', `/api/transactions/${cinema!.id}`, body => ok({ ...theirs, ...body, splits: body.splits.map((split: Omit<Split, 'id'>) => ({ id: randomUUID(), ...split })), version: 3 }))
    await saveButton(view).trigger('click')
    await settled()
    expect(api.writes().at(-1)).toEqual({ method: 'PATCH', path: `/api/transactions/${cinema!.id}`, body: {
      splits: [{ amount: 1000, categoryId: null, note: 'Theirs' }, { amount: 800, categoryId: null, note: '' }], categoryId: null, version: 2,
    } })
  })

  it('a split transaction lists its parts under it and says Split for its category; Un-split sends no parts', async () => {
    const month = monthOf()
    const [, fun] = month.categories
    const shop = marketIn(month, { categoryId: fun!.id, note: '' })
    const view = await mountMonthPage({ month })
    expect(view.rows()[2]!.slice(0, 3)).toEqual(['Mar 10', 'Market', 'Split in 2'])
    expect(view.page.findAll(`[data-row-id="${shop.id}"] [data-testid="split-part"]`).map(part => part.text())).toEqual(['Groceries · Food$45.00', 'Fun$15.00'])
    expect(view.page.findAll('[data-testid="category-row"] td:nth-child(4)').map(cell => cell.text())).toEqual(['$45.00', '$30.00'])

    api.on('PATCH', `/api/transactions/${shop.id}`, body => ok({ ...shop, ...body, version: 4 }))
    await view.page.find('button[aria-label="Split Market"]').trigger('click')
    await settled()
    await editorShown(view)
    expect(view.page.findAll('[data-testid="split-line"]').map(line => (line.find('[data-field="amount"]').element as HTMLInputElement).value)).toEqual(['45.00', '15.00'])
    expect(left(view)).toBe('All assigned')
    await view.page.find('[data-testid="unsplit"]').trigger('click')
    await settled()
    expect(api.writes()).toEqual([{ method: 'PATCH', path: `/api/transactions/${shop.id}`, body: { splits: [], version: 3 } }])
    expect(view.rows()[2]).toEqual(['Mar 10', 'Market', 'Uncategorized', '$60.00'])
  })

  it('Undo of a deleted split transaction posts it back with its parts', async () => {
    const month = monthOf()
    const [groceries] = month.categories
    const shop = marketIn(month, { categoryId: null, note: 'Cash back' })
    const view = await mountMonthPage({ month })
    api.on('DELETE', `/api/transactions/${shop.id}`, () => noContent())
    answerTransactionPosts()

    await view.page.find('button[aria-label="Delete Market"]').trigger('click')
    await settled()
    const [toast] = shownToasts()
    expect(toast!.description).toBe('Market · $60.00 · split in 2')
    await button('Undo (Ctrl+Z)', toast!.element).trigger('click')
    await settled()
    expect(api.writes().at(-1)).toEqual(transactionPost(month, { date: '2026-03-10', description: 'Market', amount: 6000, categoryId: null, splits: [
      { amount: 4500, categoryId: groceries!.id, note: 'Food' },
      { amount: 1500, categoryId: null, note: 'Cash back' },
    ] }))
    expect(view.page.findAll(`[data-testid="split-part"]`).map(part => part.text())).toEqual(['Groceries · Food$45.00', 'Uncategorized · Cash back$15.00'])
  })
})

describe('deleting a category that split parts are in', () => {
  it('Undo points the parts that lost it at the category again, sending the transaction\'s parts whole', async () => {
    const month = monthOf()
    const [groceries, fun] = month.categories
    const shop = marketIn(month, { categoryId: fun!.id, note: 'Card' })
    const view = await mountMonthPage({ month })
    // The API's side: the parts keep their ids and lose the category; their transaction's version goes up.
    api.on('DELETE', `/api/categories/${fun!.id}`, () => {
      month.categories = month.categories.filter(category => category.id !== fun!.id)
      for (const transaction of month.transactions) {
        if (transaction.categoryId === fun!.id) Object.assign(transaction, { categoryId: null, version: transaction.version + 1 })
        if (transaction.splits.some(split => split.categoryId === fun!.id)) {
          transaction.splits = transaction.splits.map(split => split.categoryId === fun!.id ? { ...split, categoryId: null } : split)
          transaction.version++
        }
      }
      return noContent()
    })
    const restoredId = randomUUID()
    api.on('POST', '/api/categories', body => created({ ...body, id: restoredId, version: 1 }))
    api.on('PATCH', `/api/transactions/${month.transactions[0]!.id}`, body => ok({ ...month.transactions[0], ...body, version: 3 }))
    api.on('PATCH', `/api/transactions/${shop.id}`, body => ok({ ...shop, splits: body.splits.map((split: Omit<Split, 'id'>) => ({ id: randomUUID(), ...split })), version: 5 }))

    await view.page.find('button[aria-label="Delete category Fun"]').trigger('click')
    await settled()
    const [toast] = shownToasts()
    expect(toast!.description).toBe('Fun · 1 transaction and 1 split part now uncategorized')
    expect(view.page.findAll(`[data-row-id="${shop.id}"] [data-testid="split-part"]`).map(part => part.text())).toEqual(['Groceries · Food$45.00', 'Uncategorized · Card$15.00'])

    await button('Undo (Ctrl+Z)', toast!.element).trigger('click')
    await settled()
    expect(api.writes().filter(write => write.path === `/api/transactions/${shop.id}`)).toEqual([{ method: 'PATCH', path: `/api/transactions/${shop.id}`, body: {
      splits: [{ amount: 4500, note: 'Food', categoryId: groceries!.id }, { amount: 1500, note: 'Card', categoryId: restoredId }],
      version: 4,
    } }])
    expect(view.page.findAll(`[data-row-id="${shop.id}"] [data-testid="split-part"]`).map(part => part.text())).toEqual(['Groceries · Food$45.00', 'Fun · Card$15.00'])
  })
})
