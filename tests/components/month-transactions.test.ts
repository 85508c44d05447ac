import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { mockComponent, mountSuspended } from '@nuxt/test-utils/runtime'
import { h } from 'vue'
import type { MonthDetail, Transaction } from '#shared/schemas/months'
import App from '~/app.vue'
import { apiError, button, created, fakeApi, noContent, ok, settled, shownToasts, signedInAs, typeKeys, userWith } from './helpers'

// happy-dom has no canvas to draw the chart on.
mockComponent('MonthBudgetChart', () => ({ setup: () => () => h('div') }))

signedInAs(userWith('USD'))
const api = fakeApi()

const stamp = '2026-03-01T08:00:00.000Z'

function monthOf(): MonthDetail {
  const id = randomUUID()
  const groceries = { id: randomUUID(), monthId: id, name: 'Groceries', budgeted: 40000, sortOrder: 0, version: 1 }
  const fun = { id: randomUUID(), monthId: id, name: 'Fun', budgeted: 5000, sortOrder: 1, version: 1 }
  return {
    id, year: 2026, month: 3, income: 300000, notes: '', version: 1, createdAt: stamp, updatedAt: stamp,
    categories: [groceries, fun],
    fixedPayments: [{ id: randomUUID(), monthId: id, name: 'Rent', amount: 120000, dueDay: 1, paid: false, categoryId: null, version: 1 }],
    transactions: [
      { id: randomUUID(), monthId: id, categoryId: fun.id, date: '2026-03-05', description: 'Cinema', amount: 1500, version: 1, createdAt: '2026-03-05T19:00:00.000Z' },
      { id: randomUUID(), monthId: id, categoryId: null, date: '2026-03-06', description: 'Bus', amount: 250, version: 1, createdAt: '2026-03-06T07:00:00.000Z' },
    ],
  }
}

// The API creates what it is sent, as POST /api/transactions does.
function answerTransactionPosts() {
  api.on('POST', '/api/transactions', body => created({ id: randomUUID(), categoryId: null, description: '', ...body, version: 1, createdAt: new Date().toISOString() } satisfies Transaction))
}

async function mountMonthPage() {
  const month = monthOf()
  api.on('GET', `/api/months/${month.id}`, () => ok(month))
  api.on('GET', '/api/months', () => ok([{ id: month.id, year: month.year, month: month.month, income: month.income, notes: month.notes, version: month.version, createdAt: stamp, updatedAt: stamp }]))
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
    await typeKeys(view.category, 'groceries')
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

    await button('Undo', toast!.element).trigger('click')
    await settled()

    expect(api.writes()).toEqual([
      { method: 'DELETE', path: `/api/transactions/${cinema!.id}` },
      transactionPost(view.month, { date: '2026-03-05', description: 'Cinema', amount: 1500, categoryId: cinema!.categoryId }),
    ])
    expect(view.rows()).toEqual([['Mar 5', 'Cinema', 'Fun', '$15.00'], ['Mar 6', 'Bus', 'Uncategorized', '$2.50']])
    expect(view.spent()).toBe('$17.50')
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
