// A statement file's bytes as text, in the encoding the file declares: an OFX
// 1.x header's CHARSET (1252 is windows-1252) or ENCODING:UTF-8, an XML
// declaration's encoding; anything else is UTF-8. Undefined when the bytes are
// not text in that encoding, or the encoding is one no decoder knows.

// The declaration is ASCII in every encoding a statement uses: read the start as such.
const head = (bytes: Uint8Array) => String.fromCharCode(...bytes.subarray(0, 512))

function declaredEncoding(bytes: Uint8Array): string {
  const start = head(bytes)
  const xml = /^(?:\uFEFF|\xEF\xBB\xBF)?\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/.exec(start)
  if (xml) return xml[1]!
  if (/^\s*OFXHEADER\s*:/.test(start)) {
    if (/^ENCODING\s*:\s*UTF-8\s*$/im.test(start)) return 'utf-8'
    const charset = /^CHARSET\s*:\s*(\S+)\s*$/im.exec(start)?.[1]
    if (charset && /^\d+$/.test(charset)) return `windows-${charset}`
    if (charset && !/^(NONE|USASCII)$/i.test(charset)) return charset
  }
  return 'utf-8'
}

export function decodeStatement(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(declaredEncoding(bytes), { fatal: true }).decode(bytes)
  }
  catch {
    return undefined
  }
}
