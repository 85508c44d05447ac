import { registerEndpoint } from '@nuxt/test-utils/runtime'
import { DOMWrapper, enableAutoUnmount, flushPromises } from '@vue/test-utils'
import { afterEach, vi } from 'vitest'
import { defineEventHandler, readBody, setResponseStatus } from 'h3'
import type { User } from '#shared/schemas/auth'
import type { Budget, Role } from '#shared/schemas/budgets'

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE'
export interface SentRequest { method: Method, path: string, body?: unknown }
export interface Reply { status: number, body?: unknown }

export const ok = (body: unknown): Reply => ({ status: 200, body })
export const created = (body: unknown): Reply => ({ status: 201, body })
export const noContent = (): Reply => ({ status: 204, body: null })
// The contract's error body, exactly.
export const apiError = (statusCode: number, message: string, data?: unknown): Reply =>
  ({ status: statusCode, body: data === undefined ? { statusCode, message } : { statusCode, message, data } })

// The API as the components see it: each route answers from the test's own
// data, and every request is recorded with its parsed JSON body. Called once at
// the top of a test file: after each test, the mounted components are unmounted
// and the routes, the record and the toasts are cleared.
export function fakeApi() {
  const requests: SentRequest[] = []
  const unregister: (() => void)[] = []

  function on(method: Method, path: string, respond: (body: any) => Reply | Promise<Reply>) {
    unregister.push(registerEndpoint(path, {
      method,
      handler: defineEventHandler(async (event) => {
        const body = method === 'POST' || method === 'PATCH' ? await readBody(event) : undefined
        requests.push(body === undefined ? { method, path } : { method, path, body })
        const reply = await respond(body)
        setResponseStatus(event, reply.status)
        return reply.body ?? null
      }),
    }))
  }

  enableAutoUnmount(afterEach)
  afterEach(() => {
    unregister.splice(0).forEach(off => off())
    requests.length = 0
    // A failed test may leave a held reply unreleased: the next test must not wait for it.
    globalThis.requestsInFlight.clear()
    toasts().clear()
  })

  return {
    on,
    // What the component changed, in the order it asked.
    writes: () => requests.filter(request => request.method !== 'GET'),
  }
}

// Resolves once every request started so far, and any it led to, has been
// answered and the page has rendered the outcome.
export async function settled() {
  await flushPromises()
  while (globalThis.requestsInFlight.size) {
    await Promise.allSettled(globalThis.requestsInFlight)
    await flushPromises()
  }
}

// A reply the test releases when it has looked at the pending state.
export function held(reply: Reply) {
  let release!: () => void
  const released = new Promise<void>(resolve => release = resolve)
  return { release, respond: async () => (await released, reply) }
}

export const userWith = (currency: string, locale = 'en-US'): User =>
  ({ id: '5b0a3e52-1f0c-4c39-9d4c-2f7f3c9d8a01', email: 'pat@example.com', name: 'Pat Planner', currency, locale })

// The budget the tests' months and plans are in.
export const BUDGET_ID = '0d6f1c7e-3a55-4c1b-9a0e-6b1f2f0b7c11'
export const budgetWith = (role: Role, currency = 'USD', id = BUDGET_ID): Budget =>
  ({ id, name: 'Household', currency, role, createdAt: '2026-01-01T00:00:00.000Z', version: 1 })

// The signed-in user comes from GET /api/auth/me, and the user's budgets from
// GET /api/budgets (by default one, owned, in the user's currency), as in the
// app; call at the top of a test file, before the Nuxt app starts and loads
// them. Switching the user reloads both; `budgets` sets the next answer.
export function signedInAs(initial: User, initialBudgets: Budget[] = [budgetWith('owner', initial.currency)]) {
  let current = initial
  let budgets = initialBudgets
  registerEndpoint('/api/auth/me', { method: 'GET', handler: defineEventHandler(() => ({ user: current })) })
  registerEndpoint('/api/budgets', { method: 'GET', handler: defineEventHandler(() => budgets) })
  const switchUser = async (next: User, nextBudgets: Budget[] = [budgetWith('owner', next.currency)]) => {
    current = next
    budgets = nextBudgets
    await useAuth().load(true)
    await useNuxtApp().runWithContext(() => useBudgets().load(true))
  }
  return switchUser
}

// One keystroke at a time: each key adds to what the field shows now, as a
// keyboard does, and fires its own input event.
export async function typeKeys(input: DOMWrapper<Element>, text: string) {
  const element = input.element as HTMLInputElement
  for (const key of text) {
    await input.trigger('keydown', { key })
    await input.setValue(element.value + key)
  }
}

export async function backspace(input: DOMWrapper<Element>) {
  const element = input.element as HTMLInputElement
  await input.trigger('keydown', { key: 'Backspace' })
  await input.setValue(element.value.slice(0, -1))
}

// A row copied from a spreadsheet, pasted where the target is.
export async function paste(target: { element: Element }, text: string) {
  const clipboardData = new DataTransfer()
  clipboardData.setData('text/plain', text)
  const event = new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true })
  target.element.dispatchEvent(event)
  await nextTick()
  return event
}

// Dialogs and toasts are teleported out of the mounted component: look in the document.
export function inDocument(selector: string) {
  const element = document.querySelector(selector)
  return element ? new DOMWrapper(element) : undefined
}

// A dialog's code loads when it is first opened (useOpenedOnce): wait until it shows.
export const dialogShown = () => vi.waitUntil(() => document.querySelector('[role="dialog"]'), { timeout: 10_000 })

export function button(text: string, within: ParentNode = document.body) {
  const found = [...within.querySelectorAll('button')].find(candidate => candidate.textContent?.trim() === text)
  if (!found) throw new Error(`No button "${text}"`)
  return new DOMWrapper(found)
}

// The toasts on screen (UApp's toaster): what a person reads.
export function shownToasts() {
  return [...document.querySelectorAll('[role="region"] li[data-state="open"]')].map(toast => ({
    title: toast.querySelector('[data-slot="title"]')?.textContent,
    description: toast.querySelector('[data-slot="description"]')?.textContent,
    element: toast,
  }))
}

// Nuxt UI's toasts, from outside any component (useToast injects).
export const toasts = () => useNuxtApp().vueApp.runWithContext(() => useToast())

// Resolves with the path of the next page the app navigates to.
export function nextNavigation() {
  const router = useRouter()
  return new Promise<string>((resolve) => {
    const stop = router.afterEach((to) => {
      stop()
      resolve(to.fullPath)
    })
  })
}
