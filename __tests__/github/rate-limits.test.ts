import { describe, expect, it } from '@jest/globals'
import { gitHubRateLimit, rateLimitOfAnswer } from '../../src/github/rate-limits.js'

const NOW = Date.parse('2026-12-02T09:00:00Z')
const SECONDARY = 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'
const inSeconds = (seconds: number) => String(NOW / 1000 + seconds)

describe("GitHub's rate-limit rule, read by the waiting and by the failure's wording alike", () => {
  it.each([
    [
      'a 403 secondary limit with retry-after',
      403,
      SECONDARY,
      { 'retry-after': '30' },
      { kind: 'secondary', waitMs: 30_000 }
    ],
    [
      'a 429 secondary limit with retry-after 0',
      429,
      SECONDARY,
      { 'retry-after': '0' },
      { kind: 'secondary', waitMs: 0 }
    ],
    [
      'a secondary limit with a retry-after date in the past',
      403,
      SECONDARY,
      { 'retry-after': 'Thu, 01 Jan 1970 00:00:00 GMT' },
      { kind: 'secondary', waitMs: 0 }
    ],
    ['a secondary limit that says nothing more: a minute', 429, SECONDARY, {}, { kind: 'secondary', waitMs: 60_000 }],
    [
      'a used-up limit: until its reset, and a second',
      403,
      'API rate limit exceeded',
      { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': inSeconds(120) },
      { kind: 'used up', waitMs: 121_000, resetAt: NOW + 120_000 }
    ],
    [
      'a used-up limit with retry-after: as retry-after says',
      403,
      'API rate limit exceeded',
      { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': inSeconds(120), 'retry-after': '5' },
      { kind: 'used up', waitMs: 5000 }
    ],
    [
      'a used-up limit already reset: a second',
      429,
      'API rate limit exceeded',
      { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': inSeconds(-60) },
      { kind: 'used up', waitMs: 1000 }
    ]
  ])('%s', (_case, status, text, headers, limit) => {
    expect(gitHubRateLimit({ status, text, headers }, NOW)).toMatchObject(limit)
  })

  it.each([
    ['a missing permission', 403, 'Resource not accessible by integration', {}],
    ['a 403 with requests left', 403, 'Forbidden', { 'x-ratelimit-remaining': '12' }],
    ['a 500 that mentions a limit', 500, SECONDARY, {}],
    ['a 200 without GraphQL errors', 200, '', { 'x-ratelimit-remaining': '0' }]
  ])('%s is no rate limit', (_case, status, text, headers) => {
    expect(gitHubRateLimit({ status, text, headers }, NOW)).toBeUndefined()
  })

  it("reads GraphQL's limit: HTTP 200 with an error of type RATE_LIMITED, waited out until the reset", () => {
    const body = { errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded for user ID 1.' }] }
    const answer = {
      kind: 'answer' as const,
      status: 200,
      statusText: 'OK',
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': inSeconds(3) },
      body: Buffer.from(`\uFEFF${JSON.stringify(body)}`)
    }
    expect(rateLimitOfAnswer(answer, NOW)).toEqual({
      kind: 'used up',
      reason: "the token's GitHub GraphQL rate limit is used up",
      waitMs: 4000,
      resetAt: NOW + 3000
    })
    const page = { ...answer, body: Buffer.from(JSON.stringify([{ body: 'RATE_LIMITED' }])) }
    expect(rateLimitOfAnswer(page, NOW)).toBeUndefined()
  })
})
