import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mountSuspended } from '@nuxt/test-utils/runtime'
import { defineComponent, h, ref } from 'vue'
import MoneyInput from '~/components/MoneyInput.vue'
import { backspace, signedInAs, typeKeys, userWith } from './helpers'

const switchUser = signedInAs(userWith('USD'))

// Mounted as the app uses it: bound with v-model (quick entry), or given the
// stored amount and listened to for `commit` only (the month's income).
async function mountInput(options: { vModel?: boolean, modelValue?: number | null, allowNegative?: boolean } = {}) {
  const Parent = defineComponent(() => {
    const amount = ref(options.modelValue ?? null)
    return () => h(MoneyInput, {
      'modelValue': amount.value,
      'allowNegative': options.allowNegative,
      'onUpdate:modelValue': (value: number | null) => {
        if (options.vModel) amount.value = value
      },
    })
  })
  const parent = await mountSuspended(Parent)
  const money = parent.findComponent(MoneyInput)
  const input = money.find('input')
  return {
    input,
    updates: () => (money.emitted('update:modelValue') ?? []).map(([value]) => value),
    commits: () => (money.emitted('commit') ?? []).map(([value]) => value),
    invalid: () => input.attributes('aria-invalid'),
    // The message under the field, tied to the input for screen readers.
    message: () => {
      const shown = money.find('[data-testid="money-error"]')
      if (!shown.exists()) return undefined
      expect(input.attributes('aria-describedby')).toBe(shown.attributes('id'))
      return shown.text()
    },
    text: () => (input.element as HTMLInputElement).value,
  }
}

describe('MoneyInput in USD', () => {
  it('emits integer minor units at every key and commits on Enter', async () => {
    const field = await mountInput({ vModel: true })
    await typeKeys(field.input, '1234.56')
    expect(field.updates()).toEqual([100, 1200, 12300, 123400, 123400, 123450, 123456])
    expect(field.invalid()).toBe('false')
    expect(field.commits()).toEqual([])

    await field.input.trigger('keydown', { key: 'Enter' })
    expect(field.commits()).toEqual([123456])
    // Shown as the user's locale writes it.
    expect((field.input.element as HTMLInputElement).value).toBe('1,234.56')
  })

  it('commits on blur and shows the amount with the currency decimals', async () => {
    const field = await mountInput({ vModel: true })
    await typeKeys(field.input, '12.5')
    await field.input.trigger('blur')
    expect(field.commits()).toEqual([1250])
    expect((field.input.element as HTMLInputElement).value).toBe('12.50')
  })

  it('takes a leading + and surrounding spaces', async () => {
    const field = await mountInput()
    await typeKeys(field.input, ' +7 ')
    await field.input.trigger('keydown', { key: 'Enter' })
    expect(field.commits()).toEqual([700])
  })

  it('shows the amount it is given and follows when it changes', async () => {
    const money = await mountSuspended(MoneyInput, { props: { modelValue: 4200 } })
    const input = money.find('input').element as HTMLInputElement
    expect(input.value).toBe('42.00')
    await money.setProps({ modelValue: -7 })
    expect(input.value).toBe('-0.07')
    await money.setProps({ modelValue: null })
    expect(input.value).toBe('')
  })

  it.each(['abc', '12.345', '1e3', '1.2.3', '--5'])('flags %j as invalid and commits nothing', async (text) => {
    const field = await mountInput()
    await typeKeys(field.input, text)
    expect(field.invalid()).toBe('true')
    expect(field.updates().at(-1)).toBeNull()
    await field.input.trigger('keydown', { key: 'Enter' })
    await field.input.trigger('blur')
    expect(field.commits()).toEqual([])
    expect((field.input.element as HTMLInputElement).value).toBe(text)
  })

  it('clears the flag once the text is fixed', async () => {
    const field = await mountInput()
    await typeKeys(field.input, '12.345')
    expect(field.invalid()).toBe('true')
    await backspace(field.input)
    expect(field.invalid()).toBe('false')
    expect(field.updates().at(-1)).toBe(1234)
    await field.input.trigger('keydown', { key: 'Enter' })
    expect(field.commits()).toEqual([1234])
  })

  it('treats an emptied field as no amount, not as an error', async () => {
    const field = await mountInput({ modelValue: 500 })
    await field.input.setValue('')
    expect(field.invalid()).toBe('false')
    expect(field.updates()).toEqual([null])
    await field.input.trigger('keydown', { key: 'Enter' })
    expect(field.commits()).toEqual([])
  })

  it('refuses a negative amount unless allowNegative is set', async () => {
    const plain = await mountInput()
    await typeKeys(plain.input, '-5')
    expect(plain.invalid()).toBe('true')
    expect(plain.updates().at(-1)).toBeNull()
    await plain.input.trigger('keydown', { key: 'Enter' })
    expect(plain.commits()).toEqual([])

    const refund = await mountInput({ vModel: true, allowNegative: true })
    await typeKeys(refund.input, '-12.5')
    expect(refund.updates()).toEqual([null, -100, -1200, -1200, -1250])
    expect(refund.invalid()).toBe('false')
    await refund.input.trigger('keydown', { key: 'Enter' })
    expect(refund.commits()).toEqual([-1250])
    expect((refund.input.element as HTMLInputElement).value).toBe('-12.50')
  })

  it('takes amounts up to 1e9 minor units either way, and nothing beyond', async () => {
    const largest = await mountInput({ vModel: true, allowNegative: true })
    await typeKeys(largest.input, '10000000')
    await largest.input.trigger('keydown', { key: 'Enter' })
    expect(largest.commits()).toEqual([1_000_000_000])

    const smallest = await mountInput({ vModel: true, allowNegative: true })
    await typeKeys(smallest.input, '-10000000.00')
    await smallest.input.trigger('keydown', { key: 'Enter' })
    expect(smallest.commits()).toEqual([-1_000_000_000])

    for (const text of ['10000000.01', '-10000000.01', '99999999999']) {
      const beyond = await mountInput({ allowNegative: true })
      await typeKeys(beyond.input, text)
      expect(beyond.invalid()).toBe('true')
      expect(beyond.updates().at(-1)).toBeNull()
      await beyond.input.trigger('keydown', { key: 'Enter' })
      expect(beyond.commits()).toEqual([])
    }
  })
})

describe('MoneyInput never changes a number', () => {
  it('keeps "1,234.56" as typed, key by key, and saves 1234.56', async () => {
    const field = await mountInput({ vModel: true })
    await typeKeys(field.input, '1,234.56')
    expect(field.text()).toBe('1,234.56')
    // "1," to "1,23" cannot be read yet: nothing but null is passed on meanwhile.
    expect(field.updates()).toEqual([100, null, null, null, 123400, 123400, 123450, 123456])
    await field.input.trigger('keydown', { key: 'Enter' })
    expect(field.commits()).toEqual([123456])
  })

  it.each([
    ['99999999999', 'At most 10,000,000.00'],
    ['12,50', 'Unclear amount: write decimals with “.”, like 1,234.50'],
    ['12x', 'Not an amount: type it like 1,234.50'],
    ['12.345', 'At most 2 decimals, like 1,234.50'],
  ])('keeps %j as typed, outlined, and says why once it is used, saving nothing', async (typed, message) => {
    const field = await mountInput({ vModel: true })
    await typeKeys(field.input, typed)
    expect(field.text()).toBe(typed)
    expect(field.invalid()).toBe('true')
    expect(field.updates().at(-1)).toBeNull()
    expect(field.message()).toBeUndefined()
    await field.input.trigger('keydown', { key: 'Enter' })
    expect(field.message()).toBe(message)
    expect(field.commits()).toEqual([])
    expect(field.text()).toBe(typed)
  })
})

describe('MoneyInput in the user\'s currency', () => {
  afterAll(() => switchUser(userWith('USD')))

  describe('JPY, no decimals', () => {
    beforeAll(() => switchUser(userWith('JPY', 'ja-JP')))

    it('reads whole yen and shows amounts without decimals', async () => {
      const field = await mountInput({ vModel: true })
      await typeKeys(field.input, '980')
      expect(field.updates()).toEqual([9, 98, 980])
      await field.input.trigger('keydown', { key: 'Enter' })
      expect(field.commits()).toEqual([980])
      expect((field.input.element as HTMLInputElement).value).toBe('980')

      const stored = await mountInput({ modelValue: 1234 })
      expect((stored.input.element as HTMLInputElement).value).toBe('1,234')
    })

    it.each(['9.5', '980.'])('flags %j: yen have no fraction', async (text) => {
      const field = await mountInput()
      await typeKeys(field.input, text)
      expect(field.invalid()).toBe('true')
      await field.input.trigger('keydown', { key: 'Enter' })
      expect(field.commits()).toEqual([])
    })

    it('keeps the 1e9 limit in yen', async () => {
      const largest = await mountInput({ vModel: true })
      await typeKeys(largest.input, '1000000000')
      await largest.input.trigger('keydown', { key: 'Enter' })
      expect(largest.commits()).toEqual([1_000_000_000])

      const beyond = await mountInput()
      await typeKeys(beyond.input, '1000000001')
      expect(beyond.invalid()).toBe('true')
    })
  })

  describe('de-DE: "," is the decimal point, "." groups', () => {
    beforeAll(() => switchUser(userWith('EUR', 'de-DE')))

    it.each([['12,50', 1250, '12,50'], ['1.234,50', 123450, '1.234,50'], ['1234,5', 123450, '1.234,50'], ['7', 700, '7,00']])('%j is saved as %i and shown as %j', async (typed, minor, shown) => {
      const field = await mountInput({ vModel: true })
      await typeKeys(field.input, typed)
      expect(field.text()).toBe(typed)
      await field.input.trigger('keydown', { key: 'Enter' })
      expect(field.commits()).toEqual([minor])
      expect(field.text()).toBe(shown)
    })

    it('refuses "12.50", which German reads as a mistyped 1.250', async () => {
      const field = await mountInput({ vModel: true })
      await typeKeys(field.input, '12.50')
      await field.input.trigger('keydown', { key: 'Enter' })
      expect(field.commits()).toEqual([])
      expect(field.text()).toBe('12.50')
      expect(field.message()).toBe('Unclear amount: write decimals with “,”, like 1.234,50')
    })
  })

  describe('fr-FR: spaces group', () => {
    beforeAll(() => switchUser(userWith('EUR', 'fr-FR')))

    it('reads "1 234,50" and shows it as French writes it', async () => {
      const field = await mountInput({ vModel: true })
      await typeKeys(field.input, '1 234,50')
      await field.input.trigger('keydown', { key: 'Enter' })
      expect(field.commits()).toEqual([123450])
      expect(field.text()).toBe('1\u202F234,50')
    })
  })

  describe('BHD, three decimals', () => {
    beforeAll(() => switchUser(userWith('BHD')))

    it('reads fils and refuses a fourth decimal', async () => {
      const field = await mountInput({ vModel: true })
      await typeKeys(field.input, '1.5')
      await field.input.trigger('keydown', { key: 'Enter' })
      expect(field.commits()).toEqual([1500])
      expect((field.input.element as HTMLInputElement).value).toBe('1.500')

      const beyond = await mountInput()
      await typeKeys(beyond.input, '1.2345')
      expect(beyond.invalid()).toBe('true')
    })
  })
})
