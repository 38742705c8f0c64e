import { describe, expect, it } from '@jest/globals'
import { nextStep, NOTHING_USED, type RetryTally } from '../../src/http/next-step.js'
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../../src/http/retry-policy.js'
import type { AttemptOutcome } from '../../src/http/transport.js'

const NOW = 1_000_000
const answer = (status: number, headers: Record<string, string> = {}, body = ''): AttemptOutcome => ({
  kind: 'answer',
  status,
  statusText: '',
  headers,
  body: Buffer.from(body)
})
const reset: AttemptOutcome = {
  kind: 'network-failure',
  reason: 'ECONNRESET',
  retryable: true,
  mayHaveReachedServer: true
}
/** A rate limit is a 403 whose body says `limited`, asking for the wait in its retry-after, as the tests' rule. */
const limited = (retryAfterMs: number) => answer(403, { 'x-wait': String(retryAfterMs) }, 'limited')
const policy: RetryPolicy = {
  ...DEFAULT_RETRY_POLICY,
  retries: 3,
  waitOut: {
    askedToWait: (outcome) =>
      outcome.body.toString() === 'limited'
        ? { reason: 'rate limited', waitMs: Number(outcome.headers['x-wait']) }
        : undefined,
    maxWaits: 5,
    maxWaitMs: 300_000
  }
}
const used = (tally: Partial<RetryTally>): RetryTally => ({ ...NOTHING_USED, ...tally })
const clock = (endsAt?: number) => ({ now: NOW, random: () => 0.5, ...(endsAt === undefined ? {} : { endsAt }) })

describe('nextStep: every way to another attempt is bounded', () => {
  it.each([
    ['a success is final', answer(200), used({}), undefined, { kind: 'final' }],
    ['a 404 is final', answer(404), used({}), undefined, { kind: 'final' }],
    [
      'a 503 waits by backoff, using a retry',
      answer(503),
      used({}),
      undefined,
      { kind: 'wait', waitMs: 1000, rateLimited: false, tally: used({ retries: 1 }) }
    ],
    [
      'a dropped connection waits by backoff, using a retry',
      reset,
      used({ retries: 2 }),
      undefined,
      { kind: 'wait', waitMs: 4000, rateLimited: false, tally: used({ retries: 3 }) }
    ],
    [
      'a 503 once the retries are spent is exhausted',
      answer(503),
      used({ retries: 3 }),
      undefined,
      { kind: 'exhausted' }
    ],
    [
      'a 429 with Retry-After 0 waits the 1 s floor',
      answer(429, { 'retry-after': '0' }),
      used({}),
      undefined,
      { kind: 'wait', waitMs: 1000, tally: used({ retries: 1 }) }
    ],
    [
      'a 429 with a Retry-After in the past waits the 1 s floor',
      answer(429, { 'retry-after': 'Thu, 01 Jan 1970 00:00:00 GMT' }),
      used({}),
      undefined,
      { kind: 'wait', waitMs: 1000 }
    ],
    [
      'a rate limit is waited out as asked, without using a retry',
      limited(30_000),
      used({ retries: 3 }),
      undefined,
      {
        kind: 'wait',
        waitMs: 30_000,
        rateLimited: true,
        floored: false,
        tally: used({ retries: 3, waits: 1, waitedMs: 30_000 })
      }
    ],
    [
      'a rate limit asking for no wait waits the 1 s floor, and it counts',
      limited(0),
      used({ waits: 4, waitedMs: 4000 }),
      undefined,
      { kind: 'wait', waitMs: 1000, rateLimited: true, floored: true, tally: used({ waits: 5, waitedMs: 5000 }) }
    ],
    [
      'a sixth rate limit is held: 5 waits at most',
      limited(0),
      used({ waits: 5, waitedMs: 5000 }),
      undefined,
      { kind: 'limit held', by: 'waits' }
    ],
    [
      'a rate limit past 5 minutes of waiting in all is held',
      limited(60_001),
      used({ waits: 4, waitedMs: 240_000 }),
      undefined,
      { kind: 'limit held', by: 'time' }
    ],
    [
      'a rate limit asking for an hour is held at once',
      limited(3_600_000),
      used({}),
      undefined,
      { kind: 'limit held', by: 'time' }
    ],
    [
      'a rate limit whose wait ends past the budget is out of time',
      limited(5000),
      used({}),
      NOW + 4000,
      { kind: 'out of time' }
    ],
    [
      'a 503 whose backoff ends past the budget is out of time',
      answer(503),
      used({}),
      NOW + 500,
      { kind: 'out of time' }
    ],
    [
      'a 503 at the budget’s end is out of time, retries left or not',
      answer(503),
      used({}),
      NOW,
      { kind: 'out of time' }
    ]
  ])('%s', (_case, outcome, tally, endsAt, step) => {
    expect(nextStep(outcome, tally, policy, clock(endsAt))).toMatchObject(step)
  })

  it('makes at most retries + 5 + 1 attempts, however the answers alternate', () => {
    let tally = NOTHING_USED
    let attempts = 1
    for (let step = nextStep(limited(0), tally, policy, clock()); step.kind === 'wait'; attempts++) {
      tally = step.tally
      step = nextStep(attempts % 2 === 0 ? limited(0) : answer(503), tally, policy, clock())
    }
    expect(attempts).toBeLessThanOrEqual(policy.retries + 5 + 1)
  })
})
