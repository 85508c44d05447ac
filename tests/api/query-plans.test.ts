// Every request has its own PrismaClient (tests/workerd/per-request-client.test.ts),
// but all of a server's requests share one query compiler, its cached plans and
// one decoded parameterization schema (server/utils/query-plans.ts). This fails
// if Prisma stops honouring the hook or scripts/patch-prisma.ts is undone.
import { describe, expect, it } from 'vitest'
import { signedInClient, type Answer } from '../helpers/api'

const plansOf = (answer: Answer) => {
  const match = /plans;desc="(\d+) cached, (\d+) compilers, (\d+) schema decodes"/.exec(answer.headers.get('server-timing') ?? '')
  return match ? { plans: Number(match[1]), compilers: Number(match[2]), schemaDecodes: Number(match[3]) } : undefined
}

describe('query plans', () => {
  it('come from one query compiler and one decoded schema for every request', async () => {
    const { client } = await signedInClient('plans')
    const month = await client.post('/api/months', { year: 2026, month: 3, income: 100 })
    expect(month.status).toBe(201)
    const answers = [month]
    for (let i = 0; i < 10; i++) {
      answers.push(await client.get('/api/auth/me'))
      answers.push(await client.get(`/api/months/${month.body.id}/summary`))
    }
    expect(answers.map(answer => answer.status).filter(status => status !== 200 && status !== 201)).toEqual([])
    const stats = answers.map(plansOf)
    expect(stats.every(stat => stat?.compilers === 1)).toBe(true)
    expect(stats.every(stat => stat?.schemaDecodes === 1)).toBe(true)
    expect(stats.every(stat => stat!.plans > 0)).toBe(true)
  })
})
