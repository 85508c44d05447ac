// Invite tokens: 32 CSPRNG bytes as unpadded base64url (43 characters, 256
// bits), shown once; only their SHA-256 is stored, so a leaked database holds
// no usable token.
import { base64url, sha256 } from '../utils/encoding'

export function newInviteToken(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)))
}

export async function hashInviteToken(token: string): Promise<string> {
  return Array.from(await sha256(token), byte => byte.toString(16).padStart(2, '0')).join('')
}
