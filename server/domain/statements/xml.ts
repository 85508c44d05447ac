// camt.053 through fast-xml-parser: well-formedness checked, values kept as
// the file's text, namespace prefixes dropped. A file with a DOCTYPE is refused
// before parsing, and the parser expands no entity at all (its entity handling
// had several advisories in 2026): the predefined ones and character
// references are decoded here, in the text of the elements read.
import { XMLParser } from 'fast-xml-parser'

export type XmlNode = string | { [name: string]: XmlNode | XmlNode[] | undefined }

export type XmlResult = { ok: true, document: XmlNode } | { ok: false, message: string }

export const hasDoctype = (text: string) => /<!(DOCTYPE|ENTITY)/i.test(text)
export const DOCTYPE_REFUSED = 'An XML file with a DOCTYPE is refused: its entities are never expanded'

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: '\'' }

// XML's five named entities and character references; anything else stays as written.
export function decodeEntities(text: string): string {
  return text.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (reference, hex: string | undefined, decimal: string | undefined, named: string | undefined) => {
    if (named) return PREDEFINED[named.toLowerCase()] ?? reference
    const code = hex ? Number.parseInt(hex, 16) : Number(decimal)
    return code > 0 && code <= 0x10FFFF ? String.fromCodePoint(code) : reference
  })
}

export function parseXml(text: string, repeated: string[]): XmlResult {
  if (hasDoctype(text)) return { ok: false, message: DOCTYPE_REFUSED }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: false,
    captureMetaData: true,
    removeNSPrefix: true,
    isArray: name => repeated.includes(name),
  })
  try {
    return { ok: true, document: parser.parse(text, true) as XmlNode }
  }
  catch {
    return { ok: false, message: 'The file is not well-formed XML: it may be cut short' }
  }
}

// The child at `path` (the first of a repeated one), or undefined.
export function child(node: XmlNode | XmlNode[] | undefined, ...path: string[]): XmlNode | undefined {
  let at: XmlNode | XmlNode[] | undefined = node
  for (const name of path) {
    const one: XmlNode | undefined = Array.isArray(at) ? at[0] : at
    at = typeof one === 'object' ? one[name] : undefined
  }
  return Array.isArray(at) ? at[0] : at
}

export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  const found = typeof node === 'object' ? node[name] : undefined
  return found === undefined ? [] : Array.isArray(found) ? found : [found]
}

// An element's text, its entities decoded.
export function textOf(node: XmlNode | XmlNode[] | undefined): string | undefined {
  const one = Array.isArray(node) ? node[0] : node
  const raw = typeof one === 'string' ? one : typeof one?.['#text'] === 'string' ? one['#text'] : undefined
  return raw === undefined ? undefined : decodeEntities(raw)
}

// Where an element starts in the parsed text (captureMetaData).
const META = XMLParser.getMetaDataSymbol() as unknown as symbol
export function startOf(node: XmlNode): number | undefined {
  return typeof node === 'object' ? (node as Record<symbol, { startIndex?: number } | undefined>)[META]?.startIndex : undefined
}

export const attribute = (node: XmlNode | undefined, name: string) => typeof node === 'object' ? textOf(node[`@${name}`]) : undefined
