import { describe, expect, it } from 'vitest'
import { signedInClient } from '../helpers/api'

describe('conditional GETs', () => {
  it('month detail, month summary, the months\' summaries, plan detail and plan summary answer 304 to a matching If-None-Match', async () => {
    const { client } = await signedInClient()
    const month = (await client.post('/api/months', { year: 2031, month: 1 })).body
    const plan = (await client.post('/api/yearly', { year: 2031 })).body
    const paths = [`/api/months/${month.id}`, `/api/months/${month.id}/summary`, '/api/months/summaries', `/api/yearly/${plan.id}`, `/api/yearly/${plan.id}/summary`]
    const etags: string[] = []
    for (const path of paths) {
      const first = await client.get(path)
      expect(first.status).toBe(200)
      const etag = first.headers.get('etag')!
      expect(etag).toMatch(/^W\/".+"$/)
      expect(first.headers.get('cache-control')).toBe('private, no-cache')
      etags.push(etag)
      const again = await client.get(path, { 'if-none-match': etag })
      expect(again.status).toBe(304)
      expect(again.body).toBe('')
      expect((await client.get(path, { 'if-none-match': `"nope", ${etag.slice(2)}` })).status).toBe(304)
      expect((await client.get(path, { 'if-none-match': '"something-else"' })).status).toBe(200)
    }
    // A change gives new answers: the old ETags no longer match.
    await client.patch(`/api/months/${month.id}`, { income: 100 })
    await client.post('/api/yearly/income-sources', { planId: plan.id, name: 'Pay', amount: 100 })
    for (const [i, path] of paths.entries()) {
      const after = await client.get(path, { 'if-none-match': etags[i]! })
      expect(after.status, path).toBe(200)
      expect(after.headers.get('etag')).not.toBe(etags[i])
    }
  })

  it('another user gets 404, whatever If-None-Match says', async () => {
    const { client } = await signedInClient()
    const { client: other } = await signedInClient()
    const month = (await client.post('/api/months', { year: 2032, month: 1 })).body
    const etag = (await client.get(`/api/months/${month.id}`)).headers.get('etag')!
    expect((await other.get(`/api/months/${month.id}`, { 'if-none-match': etag })).status).toBe(404)
    expect((await other.get(`/api/months/${month.id}`, { 'if-none-match': '*' })).status).toBe(404)
  })
})
