import { describe, expect, it } from '@jest/globals'
import { DEFAULT_RETRY_POLICY, parseRetryAfterMs, retryDelayMs } from '../../src/http/retry-policy.js'

const NOW = Date.parse('2026-11-28T12:00:00Z')
const middle = () => 0.5

describe('the default retry policy', () => {
  it('retries 408, 429 and the transient 5xx statuses, 3 times', () => {
    expect(DEFAULT_RETRY_POLICY.statusCodes).toEqual([408, 429, 500, 502, 503, 504])
    expect(DEFAULT_RETRY_POLICY.retries).toBe(3)
  })
})

describe('retryDelayMs', () => {
  it('backs off exponentially: about 1 s, 2 s, 4 s', () => {
    expect([1, 2, 3].map((retry) => retryDelayMs(DEFAULT_RETRY_POLICY, retry, undefined, NOW, middle))).toEqual([
      1000, 2000, 4000
    ])
  })

  it('spreads waits by the jitter, within ±20 %', () => {
    expect(retryDelayMs(DEFAULT_RETRY_POLICY, 1, undefined, NOW, () => 0)).toBe(800)
    expect(retryDelayMs(DEFAULT_RETRY_POLICY, 1, undefined, NOW, () => 0.999999)).toBe(1200)
  })

  it.each([
    { header: '7', delay: 7000 },
    { header: '0', delay: 1000 },
    { header: '3600', delay: 60_000 },
    { header: 'Sat, 28 Nov 2026 12:00:05 GMT', delay: 5000 },
    { header: 'Sat, 28 Nov 2026 13:00:00 GMT', delay: 60_000 },
    { header: 'Sat, 28 Nov 2026 11:00:00 GMT', delay: 1000 }
  ])('honours Retry-After $header, at least 1 s (0 and the past included), at most 60 s', ({ header, delay }) => {
    expect(retryDelayMs(DEFAULT_RETRY_POLICY, 3, header, NOW, middle)).toBe(delay)
  })

  it('falls back to backoff when Retry-After is unreadable', () => {
    expect(retryDelayMs(DEFAULT_RETRY_POLICY, 2, 'soon', NOW, middle)).toBe(2000)
    expect(retryDelayMs(DEFAULT_RETRY_POLICY, 2, '-1', NOW, middle)).toBe(2000)
  })
})

describe('parseRetryAfterMs', () => {
  it.each([undefined, '', '  ', '1.5', 'tomorrow'])('ignores %j', (header) => {
    expect(parseRetryAfterMs(header, NOW)).toBeUndefined()
  })
})
