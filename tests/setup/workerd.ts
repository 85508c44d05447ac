import type { TestProject } from 'vitest/node'
import { startWorkerd } from '../../scripts/servers.ts'
import { setupTier } from './tier.ts'

export default (project: TestProject) => setupTier(project, 'workerd', (databaseUrl, port) => startWorkerd({ databaseUrl, port }))
