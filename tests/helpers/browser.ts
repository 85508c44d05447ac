import { existsSync, mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { chromium, type APIRequestContext, type Browser, type Page } from 'playwright-core'
import type { AxeResults, RunOptions } from 'axe-core'

export const ARTIFACTS = resolve(import.meta.dirname, '../artifacts')

// Debian's Chromium, driven by playwright-core (no browser download); Playwright
// gives every launch a fresh profile.
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  if (!existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath}: apt-get install chromium (or set CHROMIUM_PATH)`)
  mkdirSync(ARTIFACTS, { recursive: true })
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic',
      '--disable-features=PreloadTopChromeWebUI,WebUIOmniboxPopup',
    ],
  })
}

// A whole flow in one page (dozens of keystrokes, axe, full-page screenshots)
// shares 2 cores with the other files' servers and browsers: measured at 55 s
// beside three other browser files, so the default 60 s is no margin. Actions
// get a third of it, above Playwright's default 30 s, which a full-page
// screenshot alone can near.
export const LONG_FLOW = 240_000
export const ACTION_TIMEOUT = LONG_FLOW / 3

export const screenshotPath = (name: string) => join(ARTIFACTS, `${name}.png`)

// Waits until the page is interactive (plugins/hydrated.client.ts): a click
// before hydration would do nothing.
export async function hydrated(page: Page) {
  await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true')
}

// Uncaught errors and hydration mismatches seen by a page; a finished page has none.
export function pageProblems(page: Page): string[] {
  const problems: string[] = []
  page.on('pageerror', error => problems.push(`pageerror: ${error.message}`))
  page.on('console', (message) => {
    if (/hydration/i.test(message.text())) problems.push(`console: ${message.text()}`)
  })
  return problems
}

// The app's API with a page's session (its request context shares the cookies):
// the answer's JSON, or an error naming what failed.
export async function requestJson<T = any>(request: APIRequestContext, method: 'GET' | 'POST' | 'PATCH', url: string, data?: unknown): Promise<T> {
  const answer = await request.fetch(url, { method, data })
  if (!answer.ok()) throw new Error(`${method} ${url}: ${answer.status()} ${await answer.text()}`)
  return answer.json() as Promise<T>
}

const axeScript = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

// axe-core's findings that block someone (critical or serious), readable in a
// failure: the rule, its impact, and each element it failed with the reason.
export async function blockingViolations(page: Page) {
  await page.addScriptTag({ path: axeScript })
  // Only violations are detailed: the passes would cost time on a busy machine and be thrown away.
  const results = await page.evaluate(() => (window as unknown as { axe: { run: (context: Document, options: RunOptions) => Promise<AxeResults> } }).axe.run(document, { resultTypes: ['violations'] }))
  return results.violations
    .filter(violation => violation.impact === 'critical' || violation.impact === 'serious')
    .map(violation => [
      `${violation.id} (${violation.impact}): ${violation.help}`,
      ...violation.nodes.map(node => `  ${node.target.join(' ')}: ${[...node.any, ...node.all, ...node.none].map(check => check.message).join('; ')}`),
    ].join('\n'))
}
