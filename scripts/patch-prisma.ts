// Run by postinstall: makes Prisma's client runtime decode a parameterization
// schema once per schema object instead of once per PrismaClient.
//
// Every PrismaClient decodes the generated client's parameterization schema
// (~33 KB, the graph Prisma uses to turn a query's values into placeholders)
// into thousands of small objects. Our clients live for one request, so each
// request paid for it: nearly all of a new client's CPU, most of it garbage
// collection (bench/RESULTS.md). The decoded schema is plain read-only data, so
// it is kept on the schema object: the generated client has one per isolate,
// and each client still builds its own small wrapper around the shared data.
// Prisma has no option for this; the change is one static method, found by its
// shape in each runtime build. A runtime without that shape fails the install,
// and tests/api/query-plans.test.ts fails if the schema is decoded per request.
import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'

const runtime = resolve(import.meta.dirname, '../node_modules/@prisma/client/runtime')
// client: the Node runtime (benches); wasm-compiler-edge: workerd (the app).
const files = ['client.js', 'client.mjs', 'wasm-compiler-edge.js', 'wasm-compiler-edge.mjs']

// static deserialize(schema,enums){let data=decode(schema);return new ParameterizationSchema(data,enums)}
const stock = /static deserialize\(([\w$]+),([\w$]+)\)\{let ([\w$]+)=([\w$]+)\(\1\);return new ([\w$]+)\(\3,\2\)\}/
const patched = /static deserialize\(([\w$]+),[\w$]+\)\{let [\w$]+=\1\.decoded\?\?=/

for (const file of files) {
  const path = resolve(runtime, file)
  const source = readFileSync(path, 'utf8')
  if (patched.test(source)) continue
  const matches = source.match(new RegExp(stock.source, 'g'))?.length ?? 0
  if (matches !== 1) throw new Error(`scripts/patch-prisma.ts: @prisma/client/runtime/${file} has ${matches} places shaped like ParameterizationSchema.deserialize, not 1; revisit this patch for the new Prisma version.`)
  writeFileSync(path, source.replace(stock, (_, schema, enums, data, decode, type) =>
    `static deserialize(${schema},${enums}){let ${data}=${schema}.decoded??=${decode}(${schema});return new ${type}(${data},${enums})}`))
}
