import { fileURLToPath } from 'node:url'

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url))

export default defineNuxtConfig({
  modules: ['@nuxt/eslint', '@nuxt/ui', 'nuxt-auth-utils'],
  devtools: { enabled: false },

  app: {
    head: {
      title: 'Budgeting',
      htmlAttrs: { lang: 'en' },
      meta: [{ name: 'description', content: 'Plan your month, log what you spend, and plan the whole year.' }],
    },
  },
  css: ['~/assets/css/main.css'],

  // Offline-safe UI: no web fonts fetched at build time, every icon bundled.
  ui: { fonts: false },

  runtimeConfig: {
    session: {
      name: 'budgeting-session',
      cookie: { sameSite: 'lax', httpOnly: true, secure: process.env.NODE_ENV === 'production' },
    },
  },
  sourcemap: { server: false, client: false },
  // A link fetches its page's code when pointed at, focused or touched, not
  // whenever it scrolls into view: a page full of links would otherwise load
  // most of the app with it.
  experimental: { defaults: { nuxtLink: { prefetch: true, prefetchOn: { visibility: false, interaction: true } } } },
  compatibilityDate: '2026-11-01',

  nitro: {
    preset: process.env.NITRO_PRESET || 'cloudflare-pages',
    cloudflare: { nodeCompat: true, deployConfig: false },
    // Prisma's query compiler is a Wasm module imported at build time
    // (Workers forbid compiling Wasm at run time).
    experimental: { wasm: true },
    alias: { 'pg-native': fromRoot('./server/empty.ts') },
  },

  // vitest.config.ts is Node-side config (checked by tsconfig.tools.json), not app code.
  typescript: { strict: true, tsConfig: { exclude: ['../vitest.config.ts'] } },
  telemetry: false,

  hooks: {
    // Nuxt marks `unctx` external in the server build, but its async-context
    // transform imports unctx by absolute path, which Vite 8 would inline: the
    // same module both ways is a build error. Keep every import of it external.
    'vite:extendConfig'(config, { isServer }) {
      if (!isServer) return
      const mutable = config as { environments?: Record<string, { build?: { rolldownOptions?: { external?: unknown } } }> }
      const ssr = (mutable.environments ??= {}).ssr ??= {}
      const options = (ssr.build ??= {}).rolldownOptions ??= {}
      options.external = [...[options.external ?? []].flat(), /\/node_modules\/unctx\//]
    },
    // Lazy components (a dialog, a chart) load when they first render. Nuxt's
    // default prefetch hint for every dynamic import would download them with
    // each page that could show them, opened or not.
    'build:manifest'(manifest) {
      for (const chunk of Object.values(manifest)) chunk.dynamicImports = []
    },
    // Our API error handler runs first; pages still get Nuxt's error page.
    'nitro:config'(config) {
      const existing = config.errorHandler ? [config.errorHandler].flat() : []
      config.errorHandler = [fromRoot('./server/error.ts'), ...existing]
    },
  },
  eslint: { config: { stylistic: true } },
  icon: {
    provider: 'none',
    fallbackToApi: false,
    serverBundle: false,
    clientBundle: { scan: true, sizeLimitKb: 256 },
  },
})
