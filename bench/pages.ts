// npm run bench:pages — page weight and speed: the production bundle in workerd
// with the demo data, each page loaded by headless Chromium signed in as the
// demo user, cold (a fresh browser context per load), without throttling and at
// 4× CPU throttling. Writes bench/PAGES.md. Measures only; asserts nothing.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import type { Browser, BrowserContextOptions, Request } from 'playwright-core'
import { applyMigrations } from '../scripts/migrate-engine.ts'
import { freePort, startEmbeddedPostgres } from '../scripts/postgres.ts'
import { DEMO_EMAIL, DEMO_PASSWORD, seedDemo } from '../scripts/seed.ts'
import { bin, root, startWorkerd } from '../scripts/servers.ts'
import { hydrated, launchChromium } from '../tests/helpers/browser.ts'
import { quantile } from './load.ts'

const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const RATES = [1, 4] as const
const TARGET = { jsKb: 250, lcp: { 1: 1000, 4: 2500 } }
// After hydration and 500 ms without requests, how long long tasks are still counted.
const SETTLE_MS = 1000
// How long a new tab rests on the site's icon before the page is loaded.
const WARM_UP_MS = 500

interface Load { jsBytes: number, scripts: [string, number][], lcp: number, tbt: number, ttfb: number, fcp: number }

// Recorded from the first byte of the page: buffered observers do not reliably see long tasks.
function observe() {
  const seen = { lcp: 0, fcp: 0, longTasks: [] as [number, number][] }
  Object.assign(window, { pageBench: seen })
  new PerformanceObserver(list => list.getEntries().forEach(entry => seen.lcp = entry.startTime)).observe({ type: 'largest-contentful-paint', buffered: true })
  new PerformanceObserver(list => list.getEntries().forEach((entry) => {
    if (entry.name === 'first-contentful-paint') seen.fcp = entry.startTime
  })).observe({ type: 'paint', buffered: true })
  new PerformanceObserver(list => list.getEntries().forEach(entry => seen.longTasks.push([entry.startTime, entry.duration]))).observe({ type: 'longtask', buffered: true })
}

async function measure(browser: Browser, url: string, rate: number, cookies: BrowserContextOptions['storageState']): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, storageState: cookies })
  try {
    await context.addInitScript(observe)
    const page = await context.newPage()
    // The tab first shows the site's icon: the browser's processes for the site are up, as
    // in a browser already running, and starting them does not take the CPU from the server
    // rendering the page (they share this machine). Nothing the page loads is cached.
    await page.goto(new URL('/favicon.ico', url).href)
    await page.waitForTimeout(WARM_UP_MS)
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate })
    // Every JavaScript response, whatever asked for it (script tag, modulepreload, prefetch, import()),
    // each file once: a second request for it is answered from the cache.
    const sizes = new Map<string, Promise<number>>()
    const count = (request: Request) => {
      const { pathname } = new URL(request.url())
      if (pathname.endsWith('.js') && !sizes.has(pathname)) sizes.set(pathname, request.sizes().then(size => size.responseBodySize))
    }
    page.on('requestfinished', count)
    const response = await page.goto(url)
    if (!response?.ok()) throw new Error(`${url}: ${response?.status()}`)
    await hydrated(page)
    await page.waitForLoadState('networkidle')
    await page.waitForTimeout(SETTLE_MS)
    // The load has ended: what finishes later (even while the context closes) is not counted.
    page.off('requestfinished', count)
    const seen = await page.evaluate(() => (window as unknown as { pageBench: { lcp: number, fcp: number, longTasks: [number, number][] } }).pageBench)
    const ttfb = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).responseStart)
    // Lighthouse's Total Blocking Time: each long task's part after the first contentful paint, less 50 ms.
    const tbt = seen.longTasks.reduce((sum, [start, duration]) => sum + Math.max(0, start + duration - Math.max(start, seen.fcp) - 50), 0)
    const scripts = (await Promise.all([...sizes].map(async ([path, bytes]) => [basename(path), await bytes] as [string, number]))).sort((a, b) => b[1] - a[1])
    return { jsBytes: scripts.reduce((sum, [, bytes]) => sum + bytes, 0), scripts, lcp: seen.lcp, tbt, ttfb, fcp: seen.fcp }
  }
  finally {
    await context.close()
  }
}

const json = (body: unknown, cookie?: string) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
  body: JSON.stringify(body),
})
const kb = (bytes: number, digits = 0) => (bytes / 1024).toFixed(digits)
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`
const mark = (met: boolean) => met ? '' : ' ✗'
const git = (...args: string[]) => execFileSync('git', args, { cwd: root }).toString().trim()

if (!process.argv.includes('--no-build')) execFileSync(bin('nuxt'), ['build'], { cwd: root, stdio: 'inherit' })

const postgres = await startEmbeddedPostgres({ dir: mkdtempSync(join(tmpdir(), 'budgeting-bench-pg-')), port: await freePort(), persistent: false })
await applyMigrations(postgres.url)
await seedDemo(postgres.url)
const server = await startWorkerd({ databaseUrl: postgres.url, port: await freePort() })
const browser = await launchChromium()

try {
  const base = server.url
  const login = await fetch(`${base}/api/auth/login`, json({ email: DEMO_EMAIL, password: DEMO_PASSWORD }))
  if (login.status !== 200) throw new Error(`the demo user could not sign in: ${login.status}`)
  const [name, value] = login.headers.getSetCookie()[0]!.split(';')[0]!.split(/=(.*)/)
  const cookie = `${name}=${value}`
  const session = { cookies: [{ name: name!, value: value!, domain: new URL(base).hostname, path: '/', expires: -1, httpOnly: true, secure: false, sameSite: 'Lax' as const }], origins: [] }
  const get = async <T>(path: string) => await (await fetch(base + path, { headers: { cookie } })).json() as T
  // Newest first.
  const [newest] = await get<{ id: string }[]>('/api/months')
  const [plan] = await get<{ year: number }[]>('/api/yearly')
  const pages = [
    ['dashboard', '/'],
    ['month', `/months/${newest!.id}`],
    ['yearly', `/yearly/${plan!.year}`],
  ] as const

  // The isolate's first requests pay its cold start (module load, Wasm compile): not measured.
  for (const [, path] of pages) await measure(browser, base + path, 1, session)

  const results = new Map<string, Load[]>()
  for (let run = 0; run < RUNS; run++) {
    for (const [page, path] of pages) {
      for (const rate of RATES) {
        const key = `${page} ${rate}`
        const load = await measure(browser, base + path, rate, session)
        results.set(key, [...results.get(key) ?? [], load])
        console.log(`run ${run + 1}/${RUNS}: ${key}×: ${kb(load.jsBytes, 1)} KB, TTFB ${seconds(load.ttfb)}, LCP ${seconds(load.lcp)}, TBT ${load.tbt.toFixed(0)} ms`)
      }
    }
  }
  const median = (page: string, rate: number, metric: Exclude<keyof Load, 'scripts'>) => quantile(results.get(`${page} ${rate}`)!.map(load => load[metric]), 0.5)

  const rows = pages.map(([page, path]) => {
    const js = median(page, 1, 'jsBytes')
    const lcp = RATES.map(rate => median(page, rate, 'lcp'))
    const tbt = RATES.map(rate => median(page, rate, 'tbt'))
    return `| ${page} \`${path.replace(/[0-9a-f-]{36}/, '<id>')}\` | ${kb(js, 1)}${mark(js <= TARGET.jsKb * 1024)} | ${seconds(lcp[0]!)}${mark(lcp[0]! <= TARGET.lcp[1])} | ${seconds(lcp[1]!)}${mark(lcp[1]! <= TARGET.lcp[4])} | ${tbt[0]!.toFixed(0)} ms | ${tbt[1]!.toFixed(0)} ms |`
  })
  const timings = pages.map(([page]) => {
    const both = (metric: 'ttfb' | 'fcp') => RATES.map(rate => seconds(median(page, rate, metric))).join(' / ')
    return `| ${page} | ${both('ttfb')} | ${both('fcp')} |`
  })
  const scriptLists = pages.map(([page]) => {
    const { scripts } = results.get(`${page} 1`)![0]!
    const small = scripts.filter(([, bytes]) => bytes < 1024)
    return `- ${page}: ${scripts.filter(([, bytes]) => bytes >= 1024).map(([file, bytes]) => `${file} ${kb(bytes)}`).join(', ')} and ${small.length} smaller (${kb(small.reduce((sum, [, bytes]) => sum + bytes, 0))} together)`
  })
  const dirty = git('status', '--porcelain', '--untracked-files=no', '--', '.', ':!bench/PAGES.md') ? ' with uncommitted changes' : ''

  const report = `# Page weight and speed

Run on ${new Date().toISOString().slice(0, 10)} at commit ${git('rev-parse', '--short', 'HEAD')}${dirty} with \`npm run bench:pages\`: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'},
the production bundle under \`wrangler pages dev\` (workerd) with the demo data (scripts/seed.ts) in an
embedded PostgreSQL, headless Chromium ${browser.version()} (playwright-core, 1280×900), signed in as the demo user.
Each load is cold: a fresh browser context (empty cache), its tab first on the site's icon for
${WARM_UP_MS} ms (the browser's processes started, as in a browser already running; see below).
Median of ${RUNS} loads per page and mode, each page loaded once first to warm the worker up.

| page | JS KB gzip | LCP p50 unthrottled | LCP p50 at 4× CPU | TBT p50 unthrottled | TBT p50 at 4× CPU |
|---|---|---|---|---|---|
${rows.join('\n')}
| **target** | ≤ ${TARGET.jsKb} | ≤ ${seconds(TARGET.lcp[1])} | ≤ ${seconds(TARGET.lcp[4])} | | |

✗: over its target. \`/\` is measured wherever it leads (redirects followed).

- **JS KB gzip**: the encoded (gzip, as \`wrangler pages dev\` serves them) body sizes of every
  \`.js\` response of the load, summed: Playwright's \`request.sizes().responseBodySize\`, which
  Chromium reports through the DevTools protocol. Whatever fetched them counts (script tags,
  modulepreload, prefetch hints, dynamic imports, and the pages \`<NuxtLink>\` prefetches for the
  links in view) up to the end of the load, each file once; the HTML's inline payload does not.
- **LCP**: the last \`largest-contentful-paint\` entry, from the start of the navigation.
- **TBT**: as Lighthouse counts it, the sum over long tasks (\`longtask\` entries) of their time
  after the first contentful paint beyond 50 ms each, until the load ends.
- **The end of a load**: the app has hydrated (plugins/hydrated.client.ts), no request for 500 ms,
  then ${SETTLE_MS} ms more.
- **The icon first**: browser and server share this machine's ${cpus().length} cores. Opened straight
  into the page, a new tab's processes start while the server renders it, and the first byte
  comes 0.3–0.5 s later than when they are already up (measured at 10d712c: TTFB 0.53–0.90 s,
  LCP 1.25 / 1.99 / 1.72 s unthrottled and 2.89 / 3.21 / 3.21 s at 4×, overview / month / yearly).
  Chromium runs without its preloaded browser-UI pages (\`PreloadTopChromeWebUI\`,
  \`WebUIOmniboxPopup\`), which compiled about 0.25 s of their own scripts during a load.
- **4× CPU**: DevTools' \`Emulation.setCPUThrottlingRate\` with rate 4, set before navigating. No
  network throttling: the server is on the same machine.

Before the largest paint (medians, unthrottled / at 4× CPU): the HTML's first byte (rendered in
workerd, with the API calls it makes) and the first contentful paint.

| page | TTFB | FCP |
|---|---|---|
${timings.join('\n')}

Scripts per page, largest first (first unthrottled load, KB gzip; KB = 1024 bytes):

${scriptLists.join('\n')}
`
  writeFileSync(resolve(root, 'bench/PAGES.md'), report)
  console.log(report)
}
finally {
  await browser.close()
  await server.stop()
  await postgres.stop()
}
process.exit(0)
