import { defineConfig } from 'prisma/config'

// The CLI downloads a native schema engine before every command; this machine
// (and CI) cannot. generate/validate/format never run it, so point the check at
// a binary that fails loudly if anything does try to run it. Migrations go
// through scripts/migrate.ts (Prisma's Wasm engine) instead.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= '/bin/false'

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
})
