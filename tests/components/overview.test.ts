import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { mockComponent, mountSuspended } from '@nuxt/test-utils/runtime'
import { h } from 'vue'
import type { MonthSummary } from '#shared/schemas/months'
import type { PlanVsActualReport, SpendingReport } from '#shared/schemas/reports'
import App from '~/app.vue'
import { BUDGET_ID, apiError, fakeApi, ok, settled, signedInAs, userWith } from './helpers'

// happy-dom has no layout to draw the charts in.
mockComponent('MoneyBarChart', () => ({ setup: () => () => h('div') }))

signedInAs(userWith('USD'))
const api = fakeApi()

// Months counted from this one: 0 is this month, -1 the one before.
const now = new Date()
const monthAt = (offset: number) => {
  const index = now.getFullYear() * 12 + now.getMonth() + offset
  return { year: Math.floor(index / 12), month: (index % 12) + 1 }
}
const nameOf = ({ year, month }: { year: number, month: number }) => new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, 1))

const summaryAt = (offset: number, spent = 1000): MonthSummary => ({
  monthId: randomUUID(), ...monthAt(offset), income: 300000, budgeted: 50000, spent, fixed: 100000, fixedPaid: 0,
  uncategorizedSpent: 0, available: 150000, remaining: 50000 - spent, balance: 200000 - spent, carriedIn: 0, categories: [],
})
const zeros = () => Array.from({ length: 12 }, () => 0)
const spending: SpendingReport = { months: ['2026-01'], categories: [], uncategorized: [0], income: [0], totalSpent: [0] }
const comparison = () => ({ planned: zeros(), actual: zeros(), difference: zeros() })
const noPlan = (year: number): PlanVsActualReport => ({ year, planId: null, income: comparison(), expenses: comparison(), matched: [], planOnly: [], actualOnly: [], uncategorized: zeros() })

async function mountOverview(summaries: MonthSummary[], { plan = noPlan(now.getFullYear()), spendingReply = ok(spending) } = {}) {
  api.on('GET', '/api/months/summaries', () => ok(summaries))
  api.on('GET', `/api/budgets/${BUDGET_ID}/reports/spending`, () => spendingReply)
  api.on('GET', `/api/budgets/${BUDGET_ID}/reports/plan-vs-actual`, () => ok(plan))
  const page = await mountSuspended(App, { route: '/', attachTo: document.body })
  await settled()
  return page
}

describe('the overview', () => {
  it('without a month for today, shows the newest month before it and says so', async () => {
    const [previous, older] = [summaryAt(-1, 4321), summaryAt(-2)]
    const page = await mountOverview([previous, older])
    expect(page.find('#glance-title').text().replace(/\s+/g, ' ')).toBe(`${nameOf(monthAt(-1))} · no month for ${nameOf(monthAt(0))} yet`)
    expect(page.find('[data-testid="summary-spent"] [data-testid="value"]').text()).toBe('$43.21')
    expect(page.find('[data-testid="days-left"] [data-testid="value"]').text()).toBe('Ended')
    expect(page.find('[data-testid="open-glance-month"]').attributes('href')).toBe(`/months/${previous.monthId}`)
  })

  it('with only later months, shows the nearest one and the days until it starts', async () => {
    const page = await mountOverview([summaryAt(2), summaryAt(1)])
    expect(page.find('#glance-title').text()).toContain(nameOf(monthAt(1)))
    expect(page.find('[data-testid="days-left"] [data-testid="value"]').text()).toMatch(/^In \d+ days?$/)
  })

  it('without a plan for this year, leads to the yearly plan; without months, to the months', async () => {
    const withMonth = await mountOverview([summaryAt(0)])
    expect(withMonth.text()).toContain(`No yearly plan for ${now.getFullYear()}`)
    expect(withMonth.find('[data-testid="days-left"] [data-testid="value"]').text()).toMatch(/^\d+ days?$/)
    withMonth.unmount()
    const empty = await mountOverview([])
    expect(empty.text()).toContain('No months yet')
    expect(empty.find('main').findAll('a').map(link => [link.text(), link.attributes('href')])).toEqual([['Go to months', `/months?budget=${BUDGET_ID}`]])
  })

  it('says what failed when a report cannot be read', async () => {
    const page = await mountOverview([summaryAt(0)], { spendingReply: apiError(503, 'The database is busy. Try again in a moment.') })
    expect(page.find('[role="alert"]').text()).toContain('The database is busy. Try again in a moment.')
    expect(page.find('#glance-title').exists()).toBe(false)
  })
})
