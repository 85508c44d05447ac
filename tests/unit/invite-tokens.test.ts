import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { hashInviteToken, newInviteToken } from '../../server/domain/invite-tokens'

describe('invite tokens', () => {
  it('are 1,000 distinct 43-character base64url strings of 32 random bytes', () => {
    const tokens = Array.from({ length: 1000 }, newInviteToken)
    expect(new Set(tokens).size).toBe(1000)
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
      expect(Buffer.from(token, 'base64url')).toHaveLength(32)
    }
  })

  it('are stored as the hex SHA-256 of their text', async () => {
    const token = newInviteToken()
    expect(await hashInviteToken(token)).toBe(createHash('sha256').update(token).digest('hex'))
  })
})
