import { fileURLToPath } from 'node:url'
import { defineVitestProject } from '@nuxt/test-utils/config'
import { defineConfig } from 'vitest/config'

const alias = { '#shared': fileURLToPath(new URL('./shared', import.meta.url)) }

// Tiers against real parts: plain functions; the API on the Node build (and,
// beside it, the migrations on its PostgreSQL); the
// production bundle in workerd (the API suite again, load and connection
// tests, and the pages in headless Chromium); and that bundle again reading
// from a real streaming replica. Beside them, the components in the Nuxt
// environment (happy-dom), their API answered by registered endpoints.
export default defineConfig({
  resolve: { alias },
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
    maxWorkers: 4,
    projects: [
      { resolve: { alias }, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      // The API files run in parallel, at least 4 at a time: they share a
      // database and a server, and must not depend on each other.
      { resolve: { alias }, test: { name: 'node', include: ['tests/api/**/*.test.ts', 'tests/database/**/*.test.ts'], globalSetup: ['tests/setup/node.ts'], fileParallelism: true, maxWorkers: 4 } },
      {
        resolve: { alias },
        test: {
          name: 'workerd',
          include: ['tests/api/**/*.test.ts', 'tests/workerd/**/*.test.ts', 'tests/browser/**/*.test.ts'],
          globalSetup: ['tests/setup/workerd.ts'],
          fileParallelism: true,
          maxWorkers: 4,
          // A page in Chromium shares 2 cores with the other files' servers and
          // browsers: wait for what it shows for longer than the default second.
          expect: { poll: { timeout: 15_000 } },
        },
      },
      // One database pair, stopped and started by the tests: files run one at a time.
      { resolve: { alias }, test: { name: 'replica', include: ['tests/replica/**/*.test.ts'], globalSetup: ['tests/setup/replica.ts'], fileParallelism: false } },
      await defineVitestProject({
        test: {
          name: 'components',
          include: ['tests/components/**/*.test.ts'],
          setupFiles: ['tests/components/setup.ts'],
          // Not inherited from the root (a Nuxt project does not extend it); a loaded machine needs more than 5 s.
          testTimeout: 30_000,
          environment: 'nuxt',
          environmentOptions: {
            nuxt: {
              domEnvironment: 'happy-dom',
              // The app renders on the server, so the browser never asks nuxt-auth-utils for
              // the session; rendering only in the browser here, it would.
              overrides: { auth: { loadStrategy: 'none' } },
            },
          },
        },
      }),
    ],
  },
})
