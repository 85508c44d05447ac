// The contract's refusals, raised by domain functions.
import { UUID, type Issue } from '#shared/schemas/common'

export function notFound(what: string) {
  return createError({ statusCode: 404, message: `${what} not found.` })
}

export function invalid(path: string, message: string) {
  return invalidAll([{ path, message }])
}

// Several of a body's problems at once, each with its path.
export function invalidAll(issues: Issue[]) {
  return createError({ statusCode: 400, message: `Invalid request: ${issues.map(issue => `${issue.path}: ${issue.message}`).join('; ')}`, data: { issues } })
}

export function conflict(message: string) {
  return createError({ statusCode: 409, message })
}

// Ids are UUIDs; any other string names nothing.
export const isId = (id: unknown): id is string => typeof id === 'string' && UUID.test(id)

function isRecordNotFound(error: unknown) {
  return (error as { code?: unknown }).code === 'P2025'
}

// One PATCH flow for every record with a version, in the contract's order of
// checks: the record (404) and the caller's role (403) by `guard`, the record's
// rules (400) by `validate`, a stale `version` (409, with the record as it is
// now); then write only if nobody changed it in between (the write matches on
// the version read). `present` turns what load/write return into the answer
// (default: as is).
export async function updateVersioned<R extends { version: number }, P = R>(options: {
  what: string
  load: () => Promise<R | null>
  guard: (current: R | null) => R
  expectedVersion: number | undefined
  validate?: (current: R) => Promise<void> | void
  write: (current: R) => Promise<R>
  present?: (record: R) => P
}): Promise<P> {
  const { what, load, guard, expectedVersion, validate, write } = options
  const present = options.present ?? ((record: R) => record as unknown as P)
  const current = guard(await load())
  await validate?.(current)
  if (expectedVersion !== undefined && expectedVersion !== current.version) throw staleVersion(what, present(current))
  try {
    return present(await write(current))
  }
  catch (error) {
    if (!isRecordNotFound(error)) throw error
    const latest = await load()
    if (!latest) throw notFound(what)
    throw staleVersion(what, present(latest))
  }
}

function staleVersion(what: string, current: unknown) {
  return createError({ statusCode: 409, message: `This ${what.toLowerCase()} was changed elsewhere. Here is the current version.`, data: { current } })
}
