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
    expect((field.input.element as HTMLInputElement).value).toBe('1234.56')
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
      expect((stored.input.element as HTMLInputElement).value).toBe('1234')
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
