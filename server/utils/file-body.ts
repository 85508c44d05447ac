import type { H3Event } from 'h3'
import { MAX_IMPORT_BYTES } from '../domain/transactions-csv'

// A file sent as the request body, as bytes: 415 for a type not among `types`
// (parameters such as charset allowed), 413 past 1 MiB.
export async function readFileBody<T extends string>(event: H3Event, types: readonly T[], expected: string): Promise<{ type: T, bytes: Uint8Array }> {
  const type = getRequestHeader(event, 'content-type')?.split(';')[0]?.trim().toLowerCase()
  if (!types.includes(type as T)) throw createError({ statusCode: 415, message: `Send the file as ${expected}.` })
  const tooLarge = () => createError({ statusCode: 413, message: 'The file is larger than 1 MiB (1,048,576 bytes).' })
  if (Number(getRequestHeader(event, 'content-length') ?? 0) > MAX_IMPORT_BYTES) throw tooLarge()
  const body = await readRawBody(event, false)
  if (body && body.byteLength > MAX_IMPORT_BYTES) throw tooLarge()
  return { type: type as T, bytes: body ?? new Uint8Array() }
}

// A text/csv request body as UTF-8 text; 400 when it is not UTF-8.
export async function readCsvBody(event: H3Event): Promise<string> {
  const { bytes } = await readFileBody(event, ['text/csv'], 'text/csv')
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  }
  catch {
    throw createError({ statusCode: 400, message: 'The file is not UTF-8 text.', data: { issues: [{ path: 'body', message: 'Must be UTF-8 text' }] } })
  }
}
