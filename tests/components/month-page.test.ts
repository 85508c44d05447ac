import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { mockComponent, mountSuspended } from '@nuxt/test-utils/runtime'
import { h } from 'vue'
import type { MonthDetail, Transaction } from '#shared/schemas/months'
import App from '~/app.vue'
import { BUDGET_ID, apiError, button, created, fakeApi, inDocument, nextNavigation, noContent, ok, settled, shownToasts, signedInAs, typeKeys, userWith } from './helpers'

// happy-dom has no canvas to draw the chart on.
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
      { id: randomUUID(), monthId: id, categoryId: fun.id, date: '2026-03-05', description: 'Cinema', amount: 1500, splits: [], version: 1, createdAt: '2026-03-05T19:00:00.000Z', createdBy: PAT },
      { id: randomUUID(), monthId: id, categoryId: null, date: '2026-03-06', description: 'Bus', amount: 250, splits: [], version: 1, createdAt: '2026-03-06T07:00:00.000Z', createdBy: SAM },
    ],
  }
}

// The API creates what it is sent, as POST /api/transactions does.
function answerTransactionPosts() {
  api.on('POST', '/api/transactions', body => created({ id: randomUUID(), categoryId: null, description: '', ...body, version: 1, createdAt: new Date().toISOString(), createdBy: PAT } satisfies Transaction))
}

async function mountMonthPage() {
  const month = monthOf()
  api.on('GET', `/api/months/${month.id}`, () => ok(month))
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
      { method: 'POST', path: '/api/categories', body: { monthId: view.month.id, name: 'Fun', budgeted: 5000, sortOrder: 1 } },
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
