import { afterEach, describe, expect, it } from '@jest/globals'
import { createSecondaryLimiter, GITHUB_SECONDARY_LIMITS } from '../../simulator/github/secondary-limits.js'
import { startFakeGitHub, type RunningFakeGitHub } from '../../simulator/github/server.js'

describe("the fake GitHub's secondary limits", () => {
  let time = 0
  const limiter = () => createSecondaryLimiter(GITHUB_SECONDARY_LIMITS, () => time)

  it('allows 80 content-creating requests a minute, then answers 403 with retry-after until the window has room', () => {
    time = 1_000_000
    const limits = limiter()
    for (let index = 0; index < 80; index++, time += 100) expect(limits.check('bot', true)).toBeUndefined()
    const refused = limits.check('bot', true)
    expect(refused).toMatchObject({ status: 403, body: { message: expect.stringMatching(/secondary rate limit/) } })
    // The first write came 8 s ago: the window has room again 52 s from now.
    expect(refused?.headers?.['retry-after']).toBe('52')
    // Others are counted apart, and reads go on (their points are within 900).
    expect(limits.check('octo', true)).toBeUndefined()
    expect(limits.check('bot', false)).toBeUndefined()
    time += 52_000
    expect(limits.check('bot', true)).toBeUndefined()
    expect(limits.tripped).toHaveLength(1)
  })

  it('allows 500 content-creating requests an hour', () => {
    time = 5_000_000
    const limits = limiter()
    for (let index = 0; index < 500; index++, time += 1000) expect(limits.check('bot', true)).toBeUndefined()
    const refused = limits.check('bot', true)
    expect(refused?.status).toBe(403)
    expect(Number(refused?.headers?.['retry-after'])).toBe(3100)
  })

  it('allows 900 points a minute: a read costs 1, a write 5', () => {
    time = 9_000_000
    const limits = limiter()
    for (let index = 0; index < 60; index++) expect(limits.check('bot', true)).toBeUndefined()
    for (let index = 0; index < 600; index++) expect(limits.check('bot', false)).toBeUndefined()
    expect(limits.check('bot', false)?.status).toBe(403)
    time += 60_001
    expect(limits.check('bot', false)).toBeUndefined()
  })
})

describe('the fake GitHub server', () => {
  let github: RunningFakeGitHub | undefined
  afterEach(() => github?.close())

  it('answers the 81st comment within a minute with a secondary limit, as GitHub would', async () => {
    github = await startFakeGitHub({
      tokens: { app: { login: 'github-actions[bot]', kind: 'app' } },
      pullRequests: { 7: { head: 'abc' } }
    })
    const post = () =>
      fetch(`${github?.apiUrl}/repos/a/b/issues/7/comments`, {
        method: 'POST',
        headers: { authorization: 'Bearer app' },
        body: JSON.stringify({ body: 'x' })
      })
    for (let index = 0; index < 80; index++) expect((await post()).status).toBe(201)
    const refused = await post()
    expect(refused.status).toBe(403)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(github.secondaryLimitsTripped).toHaveLength(1)
  })
})
