import { userInfo } from 'node:os'
import { describe, expect, it } from 'vitest'
import { withPassword } from '../../scripts/servers.ts'

describe('withPassword (the local Hyperdrive connection string)', () => {
  it('adds a placeholder password where the URL has none, keeping everything else', () => {
    expect(withPassword('postgresql://app@127.0.0.1:5432/budgeting?sslmode=disable')).toBe('postgresql://app:unused-placeholder@127.0.0.1:5432/budgeting?sslmode=disable')
    expect(withPassword('postgres://localhost/budgeting')).toBe(`postgres://${userInfo().username}:unused-placeholder@localhost/budgeting`)
  })

  it('leaves a URL with a password as it is', () => {
    expect(withPassword('postgresql://app:s3cret@db.example:6543/x')).toBe('postgresql://app:s3cret@db.example:6543/x')
  })
})
