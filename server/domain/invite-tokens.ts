// Invite tokens: 32 CSPRNG bytes as unpadded base64url (43 characters, 256
// bits), shown once; only their SHA-256 is stored, so a leaked database holds
// no usable token.
export function newInviteToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32))
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

export async function hashInviteToken(token: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token)))
  return Array.from(digest, byte => byte.toString(16).padStart(2, '0')).join('')
}
