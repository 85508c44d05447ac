import { describe, expect, it } from 'vitest'
import { apiErrorMessage } from '../../utils/api'

// $fetch's error: the answer's body is its data.
const failed = (body: unknown) => ({ data: body })

describe('apiErrorMessage', () => {
  it('shows the API\'s message, every issue when there are several, and a connection hint without an answer', () => {
    expect(apiErrorMessage(failed({ statusCode: 400, message: 'Invalid request: to: A report covers at most 36 months', data: { issues: [{ path: 'to', message: 'A report covers at most 36 months' }] } })))
      .toBe('Invalid request: to: A report covers at most 36 months')
    expect(apiErrorMessage(failed({ statusCode: 400, message: 'Invalid request: see data.issues.', data: { issues: [{ path: 'from', message: 'Must be a month' }, { path: '', message: 'Too long' }] } })))
      .toBe('Invalid request: from: Must be a month; Too long')
    expect(apiErrorMessage(failed({ statusCode: 409, message: 'A budget for 2026-03 already exists.' }))).toBe('A budget for 2026-03 already exists.')
    expect(apiErrorMessage(new TypeError('fetch failed'))).toBe('Could not reach the server. Check your connection and try again.')
  })
})
