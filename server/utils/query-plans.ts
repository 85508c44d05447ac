import type { Prisma } from '../generated/prisma/client'

// Prisma turns every query into a plan with a Wasm query compiler. Each
// PrismaClient builds its own compiler (parsing the whole schema), caches the
// plans it compiles and decodes the parameterization schema that turns a
// query's values into placeholders, and our clients live for one request
// (server/utils/db.ts): so every request would redo all three, several ms of CPU
// (bench/RESULTS.md). A compiler, its plans and the decoded schema are
// computation and plain data, not I/O, so they may outlive a request: one of
// each per isolate serves every request's client. Sockets, pools, adapters and
// clients stay per request.
//
// Prisma takes the compiler through `__internal.configOverride`, its hook for
// changing the generated client's config; the decoded schema is kept on the
// schema object, one per isolate, by a patch to Prisma's runtime
// (scripts/patch-prisma.ts).
// `@prisma/client` is pinned to an exact version and
// tests/api/query-plans.test.ts fails if an upgrade undoes either.

export interface QueryCompiler {
  compile: (request: string) => unknown
  compileBatch: (request: string) => unknown
  free: () => void
}
interface CompilerOptions { datamodel: string, provider: string, connectionInfo: unknown }
type QueryCompilerClass = new (options: CompilerOptions) => QueryCompiler
interface ParameterizationSchema { strings: string[], graph: string }
interface ClientConfig {
  compilerWasm?: { getRuntime: () => Promise<{ QueryCompiler: QueryCompilerClass }> }
  parameterizationSchema?: ParameterizationSchema
}

// Prisma's own per-client cache holds 1000 plans; a route's queries have a
// handful of shapes, so this bounds memory, not hit rates.
const PLAN_CACHE_SIZE = 1000

// By schema (the generated client's one string, so a cheap key), then by connection info.
const compilers = new Map<string, Map<string, QueryCompiler>>()
let compilersBuilt = 0
let plansCached = 0
let schemaDecodes = 0

export function queryPlanStats() {
  return { compilers: compilersBuilt, plans: plansCached, schemaDecodes }
}

// The patched runtime decodes a schema object once and keeps the result on it as
// `decoded`. Decoding reads `graph`, so this copy counts the decodes; being part
// of the one config every client gets, it is the isolate's one schema object.
function countingDecodes(schema: ParameterizationSchema): ParameterizationSchema {
  return {
    strings: schema.strings,
    get graph() {
      schemaDecodes += 1
      return schema.graph
    },
  }
}

// Prisma does not cache plans of createMany(AndReturn), whose plans depend on
// the number of rows; neither does this.
const uncached = new Set(['createMany', 'createManyAndReturn'])
const keepsPlan = (request: string) => !uncached.has((JSON.parse(request) as { action?: string }).action ?? '')

export function sharedQueryCompiler(compiler: QueryCompiler, size = PLAN_CACHE_SIZE): QueryCompiler {
  // Least recently used first: a Map keeps insertion order.
  const cached = (compile: (request: string) => unknown, keep: (request: string) => boolean) => {
    const plans = new Map<string, unknown>()
    return (request: string) => {
      const hit = plans.get(request)
      if (hit !== undefined) {
        plans.delete(request)
        plans.set(request, hit)
        return hit
      }
      const plan = compile(request)
      if (!keep(request)) return plan
      if (plans.size >= size) plans.delete(plans.keys().next().value!)
      else plansCached += 1
      plans.set(request, plan)
      return plan
    }
  }
  return {
    compile: cached(request => compiler.compile(request), keepsPlan),
    compileBatch: cached(request => compiler.compileBatch(request), () => true),
    // Each client frees its compiler on $disconnect; this one serves the next request.
    free: () => {},
  }
}

// Prisma keeps the config this returns and passes it to the next client's
// override, so a config seen before is returned as it is: wrapping it again
// would add a layer per request.
const overridden = new WeakSet<ClientConfig>()

export function withSharedQueryPlans<Config extends ClientConfig>(config: Config): Config {
  const wasm = config.compilerWasm
  if (!wasm || overridden.has(config)) return config
  const shared: Config = {
    ...config,
    ...(config.parameterizationSchema && { parameterizationSchema: countingDecodes(config.parameterizationSchema) }),
    compilerWasm: {
      ...wasm,
      getRuntime: async () => {
        const runtime = await wasm.getRuntime()
        const Compiler = runtime.QueryCompiler
        function SharedCompiler(options: CompilerOptions) {
          let forSchema = compilers.get(options.datamodel)
          if (!forSchema) compilers.set(options.datamodel, forSchema = new Map())
          const key = `${options.provider} ${JSON.stringify(options.connectionInfo)}`
          let compiler = forSchema.get(key)
          if (!compiler) {
            compiler = sharedQueryCompiler(new Compiler(options))
            forSchema.set(key, compiler)
            compilersBuilt += 1
          }
          return compiler
        }
        return { ...runtime, QueryCompiler: SharedCompiler as unknown as QueryCompilerClass }
      },
    },
  }
  overridden.add(shared)
  return shared
}

// PrismaClient's options with the hook added (its type does not list __internal).
export function sharingQueryPlans<Options extends Prisma.PrismaClientOptions>(options: Options): Options {
  return { ...options, __internal: { configOverride: withSharedQueryPlans } }
}
