import type { H3Event } from 'h3'
import { MAX_IMPORT_BYTES } from '../domain/transactions-csv'

// A text/csv request body as UTF-8 text: 415 for another type, 413 past 1 MiB,
// 400 when it is not UTF-8.
export async function readCsvBody(event: H3Event): Promise<string> {
  const type = getRequestHeader(event, 'content-type')?.split(';')[0]?.trim().toLowerCase()
  if (type !== 'text/csv') throw createError({ statusCode: 415, message: 'Send the file as text/csv.' })
  const tooLarge = () => createError({ statusCode: 413, message: 'The file is larger than 1 MiB (1,048,576 bytes).' })
  if (Number(getRequestHeader(event, 'content-length') ?? 0) > MAX_IMPORT_BYTES) throw tooLarge()
  const body = await readRawBody(event, false)
  if (body && body.byteLength > MAX_IMPORT_BYTES) throw tooLarge()
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body ?? new Uint8Array())
  }
  catch {
    throw createError({ statusCode: 400, message: 'The file is not UTF-8 text.', data: { issues: [{ path: 'body', message: 'Must be UTF-8 text' }] } })
  }
}
