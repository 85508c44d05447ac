import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { applyMigrations } from '../../scripts/migrate-engine.ts'
import { freePort, startEmbeddedPostgres } from '../../scripts/postgres.ts'
import type { RunningServer } from '../../scripts/servers.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
    databaseUrl: string
    tier: string
  }
}

// A fresh PostgreSQL for the tier, migrated, and the app's server on it.
export async function setupTier(project: TestProject, tier: string, start: (databaseUrl: string, port: number) => Promise<RunningServer>) {
  const postgres = await startEmbeddedPostgres({
    dir: mkdtempSync(join(tmpdir(), `budgeting-${tier}-pg-`)),
    port: await freePort(),
    persistent: false,
  })
  let server: RunningServer | undefined
  try {
    await applyMigrations(postgres.url)
    server = await start(postgres.url, await freePort())
  }
  catch (error) {
    await postgres.stop()
    throw error
  }
  project.provide('baseUrl', server.url)
  project.provide('databaseUrl', postgres.url)
  project.provide('tier', tier)
  return async () => {
    await server.stop()
    await postgres.stop()
  }
}
