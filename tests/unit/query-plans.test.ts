import { describe, expect, it } from 'vitest'
import { queryPlanStats, sharedQueryCompiler, withSharedQueryPlans, type QueryCompiler } from '../../server/utils/query-plans'

function countingCompiler() {
  const calls = { compile: [] as string[], compileBatch: [] as string[], free: 0 }
  const compiler: QueryCompiler = {
    compile: (request) => {
      calls.compile.push(request)
      if (request.includes('invalid')) throw new Error('Argument `where` is missing.')
      return { plan: request }
    },
    compileBatch: (request) => {
      calls.compileBatch.push(request)
      return { batch: request }
    },
    free: () => {
      calls.free += 1
    },
  }
  return { compiler, calls }
}

describe('shared query compiler', () => {
  it('compiles a query shape once and hands out the same plan after', () => {
    const { compiler, calls } = countingCompiler()
    const shared = sharedQueryCompiler(compiler)
    const first = shared.compile('{"modelName":"Month","action":"findFirst"}')
    const again = shared.compile('{"modelName":"Month","action":"findFirst"}')
    expect(again).toBe(first)
    expect(shared.compile('{"modelName":"Category","action":"findMany"}')).toEqual({ plan: '{"modelName":"Category","action":"findMany"}' })
    expect(calls.compile).toEqual(['{"modelName":"Month","action":"findFirst"}', '{"modelName":"Category","action":"findMany"}'])
  })

  it('compiles createMany afresh every time, as Prisma does', () => {
    const { compiler, calls } = countingCompiler()
    const shared = sharedQueryCompiler(compiler)
    const createMany = '{"modelName":"Transaction","action":"createMany","query":{}}'
    shared.compile(createMany)
    shared.compile(createMany)
    expect(calls.compile).toEqual([createMany, createMany])
  })

  it('keeps batches apart from single queries', () => {
    const { compiler, calls } = countingCompiler()
    const shared = sharedQueryCompiler(compiler)
    expect(shared.compileBatch('{"same":"text"}')).toEqual({ batch: '{"same":"text"}' })
    expect(shared.compile('{"same":"text"}')).toEqual({ plan: '{"same":"text"}' })
    expect(shared.compileBatch('{"same":"text"}')).toEqual({ batch: '{"same":"text"}' })
    expect(calls.compileBatch).toEqual(['{"same":"text"}'])
  })

  it('does not remember a query that failed to compile', () => {
    const { compiler, calls } = countingCompiler()
    const shared = sharedQueryCompiler(compiler)
    expect(() => shared.compile('{"invalid":1}')).toThrow('Argument `where` is missing.')
    expect(() => shared.compile('{"invalid":1}')).toThrow('Argument `where` is missing.')
    expect(calls.compile).toEqual(['{"invalid":1}', '{"invalid":1}'])
  })

  it('holds at most its size, dropping the least recently used plan', () => {
    const { compiler, calls } = countingCompiler()
    const shared = sharedQueryCompiler(compiler, 2)
    shared.compile('{"action":"a"}')
    shared.compile('{"action":"b"}')
    shared.compile('{"action":"a"}') // a is now the most recently used
    shared.compile('{"action":"c"}') // drops b
    shared.compile('{"action":"a"}')
    shared.compile('{"action":"b"}')
    expect(calls.compile).toEqual(['a', 'b', 'c', 'b'].map(action => `{"action":"${action}"}`))
  })

  it('survives a client freeing it on $disconnect', () => {
    const { compiler, calls } = countingCompiler()
    const shared = sharedQueryCompiler(compiler)
    shared.compile('{"action":"a"}')
    shared.free()
    shared.compile('{"action":"a"}')
    expect(calls.free).toBe(0)
    expect(calls.compile).toEqual(['{"action":"a"}'])
  })
})

describe('the config override', () => {
  // Prisma passes each new client's override the config the previous client's override returned.
  it('wraps a config once, however many clients hand it back', () => {
    const stock = {
      compilerWasm: {
        getRuntime: async () => ({ QueryCompiler: class { compile = () => ({}); compileBatch = () => ({}); free = () => {} } }),
      },
      parameterizationSchema: { strings: ['where'], graph: 'AAAA' },
    }
    const first = withSharedQueryPlans(stock)
    let config = first
    for (let client = 0; client < 50; client++) config = withSharedQueryPlans(config)
    expect(config).toBe(first)

    const decodes = queryPlanStats().schemaDecodes
    expect(config.parameterizationSchema.graph).toBe('AAAA')
    expect(queryPlanStats().schemaDecodes).toBe(decodes + 1)
    expect(config.parameterizationSchema.strings).toBe(stock.parameterizationSchema.strings)
  })
})
