import { afterEach, describe, expect, it } from 'vitest'
import { mountSuspended } from '@nuxt/test-utils/runtime'
import { enableAutoUnmount } from '@vue/test-utils'
import GridCell from '~/components/yearly/GridCell.vue'
import { paste, signedInAs, toasts, typeKeys, userWith } from './helpers'

signedInAs(userWith('USD'))
enableAutoUnmount(afterEach)
afterEach(() => toasts().clear())

// One cell of the grid: row 1, March, holding 1,200.00; the grid's Tab stop unless told.
async function mountCell(tabbable = true) {
  const cell = await mountSuspended(GridCell, { props: { value: 120000, row: 1, col: 2, label: 'Rent, Mar', tabbable }, attachTo: document.body })
  const td = cell.find('td')
  ;(td.element as HTMLElement).focus()
  return {
    cell,
    td,
    input: () => cell.find('input'),
    draft: () => (cell.find('input').element as HTMLInputElement).value,
  }
}

describe('GridCell', () => {
  it('shows the amount and names it for screen readers', async () => {
    const { td } = await mountCell()
    expect(td.text()).toBe('1,200.00')
    expect(td.attributes('aria-label')).toBe('Rent, Mar: 1,200.00')
    expect(td.attributes('tabindex')).toBe('0')
  })

  it('is left out of the Tab order when another cell is the grid\'s Tab stop, and still takes focus', async () => {
    const { td } = await mountCell(false)
    expect(td.attributes('tabindex')).toBe('-1')
    expect(document.activeElement).toBe(td.element)
  })

  it.each([
    ['ArrowUp', [0, 2]],
    ['ArrowDown', [2, 2]],
    ['ArrowLeft', [1, 1]],
    ['ArrowRight', [1, 3]],
    ['Home', [1, 0]],
    ['End', [1, 11]],
  ])('%s asks to move to the neighbouring cell', async (key, to) => {
    const { cell, td } = await mountCell()
    await td.trigger('keydown', { key })
    expect(cell.emitted('navigate')).toEqual([to])
    expect(cell.find('input').exists()).toBe(false)
  })

  it('Enter edits the amount, Enter again commits it and moves down', async () => {
    const { cell, td, input, draft } = await mountCell()
    await td.trigger('keydown', { key: 'Enter' })
    expect(draft()).toBe('1,200.00')
    expect(document.activeElement).toBe(input().element)

    await input().setValue('')
    await typeKeys(input(), '1250')
    await input().trigger('keydown', { key: 'Enter' })
    expect(cell.emitted('commit')).toEqual([[125000]])
    expect(cell.emitted('navigate')).toEqual([[2, 2]])
    expect(input().exists()).toBe(false)
  })

  it('Enter on an unchanged amount commits nothing but still moves down', async () => {
    const { cell, td, input } = await mountCell()
    await td.trigger('keydown', { key: 'Enter' })
    await input().trigger('keydown', { key: 'Enter' })
    expect(cell.emitted('commit')).toBeUndefined()
    expect(cell.emitted('navigate')).toEqual([[2, 2]])
  })

  it('Escape cancels the edit: nothing committed, the amount unchanged, focus back on the cell', async () => {
    const { cell, td, input } = await mountCell()
    await td.trigger('keydown', { key: 'Enter' })
    await input().setValue('')
    await typeKeys(input(), '999')
    await input().trigger('keydown', { key: 'Escape' })
    await nextTick()
    expect(cell.emitted('commit')).toBeUndefined()
    expect(cell.emitted('navigate')).toBeUndefined()
    expect(input().exists()).toBe(false)
    expect(td.text()).toBe('1,200.00')
    expect(document.activeElement).toBe(td.element)
  })

  it('a digit typed on the cell starts an edit with that digit', async () => {
    const { cell, td, input, draft } = await mountCell()
    await td.trigger('keydown', { key: '7' })
    expect(draft()).toBe('7')
    await typeKeys(input(), '5.5')
    expect(draft()).toBe('75.5')
    await input().trigger('keydown', { key: 'Enter' })
    expect(cell.emitted('commit')).toEqual([[7550]])
  })

  it('Backspace starts an empty edit, which commits 0', async () => {
    const { cell, td, input, draft } = await mountCell()
    await td.trigger('keydown', { key: 'Backspace' })
    expect(draft()).toBe('')
    await input().trigger('keydown', { key: 'Enter' })
    expect(cell.emitted('commit')).toEqual([[0]])
  })

  it('takes grouping and a currency symbol in what is typed', async () => {
    const { cell, td, input } = await mountCell()
    await td.trigger('keydown', { key: '$' })
    expect(input().exists()).toBe(false)
    await td.trigger('keydown', { key: '1' })
    await typeKeys(input(), ',234.50')
    await input().trigger('keydown', { key: 'Enter' })
    expect(cell.emitted('commit')).toEqual([[123450]])
  })

  it.each([
    ['12.345', 'At most 2 decimals, like 1,234.50'],
    ['-5', 'Must not be negative'],
    ['abc', 'Not an amount: type it like 1,234.50'],
    ['12,50', 'Unclear amount: write decimals with “.”, like 1,234.50'],
    ['10000000.01', 'At most 10,000,000.00'],
  ])('keeps editing %j, says why next to it, and commits nothing', async (text, why) => {
    const { cell, td, input } = await mountCell()
    await td.trigger('keydown', { key: 'Enter' })
    await input().setValue('')
    await typeKeys(input(), text)
    expect(cell.find('[data-testid="cell-error"]').exists()).toBe(false)
    await input().trigger('keydown', { key: 'Enter' })

    const message = cell.find('[data-testid="cell-error"]')
    expect(message.text()).toBe(`${why} · Not saved`)
    expect(input().attributes('aria-invalid')).toBe('true')
    expect(input().attributes('aria-describedby')).toBe(message.attributes('id'))
    expect(cell.emitted('commit')).toBeUndefined()
    expect(cell.emitted('navigate')).toBeUndefined()
  })

  it('keeps refused text and its message when focus leaves; a readable amount then commits and clears it', async () => {
    const { cell, td, input } = await mountCell()
    await td.trigger('keydown', { key: 'Enter' })
    await input().setValue('1.2.3')
    await input().trigger('blur')
    expect((input().element as HTMLInputElement).value).toBe('1.2.3')
    expect(cell.find('[data-testid="cell-error"]').exists()).toBe(true)
    expect(cell.emitted('commit')).toBeUndefined()

    await input().setValue('1.25')
    await input().trigger('keydown', { key: 'Enter' })
    expect(cell.emitted('commit')).toEqual([[125]])
    expect(cell.find('[data-testid="cell-error"]').exists()).toBe(false)
  })

  it('Escape drops refused text and its message: the stored amount is back', async () => {
    const { cell, td, input } = await mountCell()
    await td.trigger('keydown', { key: 'Enter' })
    await input().setValue('abc')
    await input().trigger('keydown', { key: 'Enter' })
    await input().trigger('keydown', { key: 'Escape' })
    await nextTick()
    expect(td.text()).toBe('1,200.00')
    expect(cell.find('[data-testid="cell-error"]').exists()).toBe(false)
    expect(cell.emitted('commit')).toBeUndefined()
  })

  it('pasting a row of tab-separated amounts emits them all in minor units', async () => {
    const { cell, td } = await mountCell()
    const event = await paste(td, '100\t$ 200\t1,234.50\t\r\n')
    expect(event.defaultPrevented).toBe(true)
    expect(cell.emitted('paste')).toEqual([[[10000, 20000, 123450, 0]]])
  })

  it('pasting into the cell being edited pastes the row as well', async () => {
    const { cell, td, input } = await mountCell()
    await td.trigger('keydown', { key: 'Enter' })
    await paste(input(), '5\t6')
    expect(cell.emitted('paste')).toEqual([[[500, 600]]])
    expect(input().exists()).toBe(false)
  })

  it('a single pasted value is left to the browser, as an ordinary edit', async () => {
    const { cell, td } = await mountCell()
    const event = await paste(td, '42')
    expect(event.defaultPrevented).toBe(false)
    expect(cell.emitted('paste')).toBeUndefined()
  })

  it('refuses a pasted row longer than the months left, and says how many fit', async () => {
    const { cell, td } = await mountCell()
    const event = await paste(td, `${Array(12).fill('100').join('\t')}\n`)
    expect(event.defaultPrevented).toBe(true)
    expect(cell.emitted('paste')).toBeUndefined()
    expect(toasts().toasts.value.map(toast => [toast.title, toast.description])).toEqual([
      ['Not pasted', '12 amounts do not fit in the 10 months from here to December. Paste them into an earlier month, or copy fewer.'],
    ])
  })

  it('pastes a row that exactly fills the months left', async () => {
    const { cell, td } = await mountCell()
    await paste(td, Array(10).fill('1').join('\t'))
    expect(cell.emitted('paste')).toEqual([[Array(10).fill(100)]])
  })

  it('refuses a pasted row with a cell that is not an amount, and says so', async () => {
    const { cell, td } = await mountCell()
    await paste(td, '100\tabc\t300')
    expect(cell.emitted('paste')).toBeUndefined()
    expect(toasts().toasts.value.map(toast => toast.title)).toEqual(['Not pasted'])
  })
})
