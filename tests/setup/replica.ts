import type { TestProject } from 'vitest/node'
import { applyMigrations } from '../../scripts/migrate-engine.ts'
import { freePort } from '../../scripts/postgres.ts'
import { startWorkerd } from '../../scripts/servers.ts'
import { startStreamingPair, type PairInfo } from '../../scripts/streaming-pair.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    pair: PairInfo
  }
}

// A primary and its streaming replica (Debian's PostgreSQL 15), and the
// production bundle in workerd: HYPERDRIVE -> primary, DATABASE_READ_URL -> replica.
export default async function (project: TestProject) {
  const pair = await startStreamingPair()
  try {
    await applyMigrations(pair.primaryUrl)
    await pair.waitForReplay()
    const server = await startWorkerd({ databaseUrl: pair.primaryUrl, port: await freePort(), bindings: { DATABASE_READ_URL: pair.replicaUrl } })
    project.provide('baseUrl', server.url)
    project.provide('databaseUrl', pair.primaryUrl)
    project.provide('tier', 'replica')
    project.provide('pair', pair.info)
    return async () => {
      await server.stop()
      pair.stop()
    }
  }
  catch (error) {
    pair.stop()
    throw error
  }
}
