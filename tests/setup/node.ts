import type { TestProject } from 'vitest/node'
import { startNodeServer } from '../../scripts/servers.ts'
import { setupTier } from './tier.ts'

export default (project: TestProject) => setupTier(project, 'node', (databaseUrl, port) => startNodeServer({ databaseUrl, port }))
