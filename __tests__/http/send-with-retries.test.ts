import { describe, expect, it } from '@jest/globals'
import { DEFAULT_RETRY_POLICY } from '../../src/http/retry-policy.js'
import { finalReason, sendWithRetries, type RetryContext } from '../../src/http/send-with-retries.js'
import type { AttemptOutcome, NetworkFailure } from '../../src/http/transport.js'

const ok: AttemptOutcome = { kind: 'answer', status: 200, statusText: 'OK', headers: {}, body: Buffer.from('{}') }
const status = (code: number, retryAfter?: string): AttemptOutcome => ({
  kind: 'answer',
  status: code,
  statusText: '',
  headers: retryAfter === undefined ? {} : { 'retry-after': retryAfter },
  body: Buffer.alloc(0)
})
const reset: AttemptOutcome = {
  kind: 'network-failure',
  reason: 'ECONNRESET: socket hang up',
  retryable: true,
  mayHaveReachedServer: true
}
const refused: AttemptOutcome = {
  kind: 'network-failure',
  reason: 'ECONNREFUSED',
  retryable: true,
  mayHaveReachedServer: false
}
const tlsError: AttemptOutcome = {
  kind: 'network-failure',
  reason: 'CERT_HAS_EXPIRED',
  retryable: false,
  mayHaveReachedServer: false
}

/** Plays the given outcomes in turn and records the waits and log lines. */
function script(outcomes: AttemptOutcome[], retries = 3, stopping?: AbortController) {
  const waits: number[] = []
  const lines: string[] = []
  let calls = 0
  const context: RetryContext = {
    policy: { ...DEFAULT_RETRY_POLICY, retries },
    // The run is cancelled during the first wait, when there is a cancellation to play.
    sleep: async (ms, signal) => {
      waits.push(ms)
      stopping?.abort()
      expect(signal).toBe(stopping?.signal)
    },
    random: () => 0.5,
    now: () => 0,
    log: (line) => lines.push(line),
    debug: () => undefined,
    stopping: stopping?.signal
  }
  const attempt = async () => outcomes[Math.min(calls++, outcomes.length - 1)] as AttemptOutcome
  return { run: () => sendWithRetries(attempt, 'B1', context), context, waits, lines, calls: () => calls }
}

describe('sendWithRetries', () => {
  it('returns the first final outcome without waiting', async () => {
    const s = script([ok])
    expect(await s.run()).toEqual({ last: ok, attempts: 1, earlierAttemptMayHaveActed: false, exhausted: false })
    expect(s.waits).toEqual([])
  })

  it.each([408, 429, 500, 502, 503, 504])('retries HTTP %d', async (code) => {
    const s = script([status(code), ok])
    expect((await s.run()).last).toBe(ok)
    expect(s.waits).toEqual([1000])
  })

  it.each([400, 401, 403, 404, 409, 422, 501, 307])('does not retry HTTP %d', async (code) => {
    const s = script([status(code), ok])
    expect((await s.run()).last).toEqual(status(code))
    expect(s.calls()).toBe(1)
  })

  it('does not retry a failure that is not transient', async () => {
    const s = script([tlsError, ok])
    expect(await s.run()).toMatchObject({ last: tlsError, attempts: 1, exhausted: false })
  })

  it('backs off 1 s, 2 s, 4 s and then gives up, marking the outcome exhausted', async () => {
    const s = script([status(503)])
    expect(await s.run()).toMatchObject({ attempts: 4, exhausted: true })
    expect(s.waits).toEqual([1000, 2000, 4000])
    expect(s.lines).toEqual([
      'B1: attempt 1 of 4 failed (HTTP 503); retrying in 1.0 s',
      'B1: attempt 2 of 4 failed (HTTP 503); retrying in 2.0 s',
      'B1: attempt 3 of 4 failed (HTTP 503); retrying in 4.0 s'
    ])
  })

  it('honours Retry-After', async () => {
    const s = script([status(429, '12'), ok])
    await s.run()
    expect(s.waits).toEqual([12_000])
  })

  it('with zero retries makes one attempt only', async () => {
    const s = script([status(503), ok], 0)
    expect(await s.run()).toMatchObject({ attempts: 1, exhausted: true })
  })

  it.each([
    { name: 'a dropped connection', first: reset, mayHaveActed: true },
    { name: 'a 5xx', first: status(500), mayHaveActed: true },
    { name: 'a refused connection', first: refused, mayHaveActed: false },
    { name: 'a 429', first: status(429), mayHaveActed: false },
    { name: 'a 408', first: status(408), mayHaveActed: false }
  ])('after $name, an earlier attempt may have acted: $mayHaveActed', async ({ first, mayHaveActed }) => {
    const s = script([first, ok])
    expect((await s.run()).earlierAttemptMayHaveActed).toBe(mayHaveActed)
  })
})

describe('sendWithRetries under rate limits that ask for no wait', () => {
  const limited = status(403, '0')
  const context = (retries = 3) => {
    const s = script([limited], retries)
    const policy = {
      ...DEFAULT_RETRY_POLICY,
      retries,
      waitOut: {
        askedToWait: (answer: { headers: Record<string, string> }) =>
          answer.headers['retry-after'] === '0' ? { reason: 'rate limited', waitMs: 0 } : undefined,
        maxWaits: 5,
        maxWaitMs: 300_000
      }
    }
    return { ...s, run: () => sendWithRetries(async () => limited, 'B1', { ...s.context, policy }) }
  }

  it('waits at least 1 s each time, at most 5 times, whatever max-retries says, then gives the limit as final', async () => {
    for (const retries of [0, 3]) {
      const s = context(retries)
      expect(await s.run()).toMatchObject({ last: limited, attempts: 6, exhausted: false })
      expect(s.waits).toEqual([1000, 1000, 1000, 1000, 1000])
      expect(s.lines.at(-1)).toBe(
        'B1: rate limited; waiting 1.0 s at least, though asked for less (wait 5 of at most 5)'
      )
    }
  })
})

describe('sendWithRetries when the run is cancelled', () => {
  it('sends nothing once the run is stopping', async () => {
    const stopping = new AbortController()
    stopping.abort()
    const s = script([ok], 3, stopping)
    expect(await s.run()).toEqual({
      last: {
        kind: 'network-failure',
        reason: 'the run was cancelled before it was sent',
        retryable: false,
        mayHaveReachedServer: false,
        interruption: 'not attempted'
      },
      attempts: 0,
      earlierAttemptMayHaveActed: false,
      exhausted: false
    })
    expect(s.calls()).toBe(0)
  })

  it('stops waiting for a retry, and says what the last attempt was', async () => {
    const s = script([status(500), ok], 3, new AbortController())
    expect(await s.run()).toEqual({
      last: {
        kind: 'network-failure',
        reason: 'the run was cancelled while waiting to retry after attempt 1 (HTTP 500)',
        retryable: false,
        mayHaveReachedServer: true,
        interruption: 'interrupted'
      },
      attempts: 1,
      earlierAttemptMayHaveActed: true,
      exhausted: false
    })
    expect(s.calls()).toBe(1)
    expect(s.waits).toEqual([1000])
  })
})

describe('a time budget', () => {
  const budget = { endsAt: 7000, unanswered: 'not known whether done: no answer within the step’s time' }
  const timeout = (ms: number): AttemptOutcome => ({
    kind: 'network-failure',
    reason: `no complete answer within ${ms / 1000} s (timeout)`,
    retryable: true,
    mayHaveReachedServer: true
  })

  /**
   * Plays outcomes on a clock that each attempt and wait moves on: an attempt takes `takes` ms, or
   * else the whole time it was given, as one that hangs until its timeout.
   */
  function timed(steps: Array<{ outcome: (givenMs: number) => AttemptOutcome; takes?: number }>, retries = 3) {
    let now = 0
    const given: Array<number | undefined> = []
    const waits: number[] = []
    const context: RetryContext = {
      policy: { ...DEFAULT_RETRY_POLICY, retries },
      sleep: async (ms) => void (waits.push(ms), (now += ms)),
      random: () => 0.5,
      now: () => now,
      log: () => undefined,
      debug: () => undefined,
      budget
    }
    const attempt = async (timeLeftMs?: number) => {
      const step = steps[Math.min(given.length, steps.length - 1)]
      given.push(timeLeftMs)
      const givenMs = timeLeftMs ?? Infinity
      now += step?.takes ?? givenMs
      return step?.outcome(givenMs) ?? ok
    }
    return { run: () => sendWithRetries(attempt, 'B1', context), given, waits, now: () => now }
  }

  it('gives each attempt no more than the time left, and waits for no retry past the end', async () => {
    // Attempts of 0.5 s at 0 and at 1.5 s, a wait of 2 s from 2 s; the next wait, 4 s from 4 s, would pass 7 s.
    const s = timed([{ outcome: () => status(503), takes: 500 }])
    const final = await s.run()

    expect(s.given).toEqual([7000, 5500, 3000])
    expect(s.waits).toEqual([1000, 2000])
    expect(final).toMatchObject({ attempts: 3, exhausted: true, outOfTime: budget })
    expect(finalReason(final, 'HTTP 503')).toBe('gave up after 3 attempts, with no time left for another: HTTP 503')
  })

  it('reports an attempt the end cut short as unknown, in the budget’s words, whatever the retries allow', async () => {
    // A dropped connection at 1 s, a wait of 1 s, then an attempt that hangs until the end.
    const s = timed([{ outcome: () => reset, takes: 1000 }, { outcome: timeout }], 10)
    const final = await s.run()

    expect(s.given).toEqual([7000, 5000])
    expect(s.now()).toBe(7000)
    expect(final).toMatchObject({ attempts: 2, exhausted: true, earlierAttemptMayHaveActed: true, outOfTime: budget })
    expect(finalReason(final, (final.last as NetworkFailure).reason)).toBe(
      `${budget.unanswered}; the last of 2 attempts: no complete answer within 5 s (timeout)`
    )
  })

  it('says so of a single attempt the end cut short, even with no retries configured', async () => {
    const s = timed([{ outcome: timeout }], 0)
    const final = await s.run()

    expect(final).toMatchObject({ attempts: 1, outOfTime: budget })
    expect(finalReason(final, (final.last as NetworkFailure).reason)).toBe(
      `${budget.unanswered}; its one attempt: no complete answer within 7 s (timeout)`
    )
  })

  it('marks a request the end left without an answer as interrupted once the run is being cancelled', async () => {
    const stopping = new AbortController()
    const final = await sendWithRetries(
      async (timeLeftMs) => {
        stopping.abort()
        return timeout(timeLeftMs ?? 0)
      },
      'B1',
      { ...script([ok]).context, now: () => budget.endsAt - 1, budget, stopping: stopping.signal }
    )
    expect(final).toMatchObject({ attempts: 1, outOfTime: budget, last: { interruption: 'interrupted' } })
    expect(finalReason(final, 'timeout')).toBe(`${budget.unanswered}; its one attempt: timeout`)
  })

  it('says a request known not to have reached the server gave up, not that its outcome is unknown', async () => {
    const s = timed([{ outcome: () => refused, takes: 3000 }])
    const final = await s.run()

    expect(s.waits).toEqual([1000])
    expect(finalReason(final, 'ECONNREFUSED')).toBe(
      'gave up after 2 attempts, with no time left for another: ECONNREFUSED'
    )
  })

  it('sends nothing once the end has come', async () => {
    let calls = 0
    const final = await sendWithRetries(async () => (calls++, ok), 'B1', {
      ...script([ok]).context,
      now: () => budget.endsAt,
      budget
    })
    expect(final).toEqual({
      last: {
        kind: 'network-failure',
        reason: 'not sent: no time was left for it',
        retryable: false,
        mayHaveReachedServer: false
      },
      attempts: 0,
      earlierAttemptMayHaveActed: false,
      exhausted: false
    })
    expect(calls).toBe(0)
  })

  it('waits out no rate limit past the end', async () => {
    const asked = { reason: 'rate limited', waitMs: 6000 }
    const final = await sendWithRetries(async () => status(403), 'B1', {
      ...script([ok]).context,
      now: () => 1500,
      policy: { ...DEFAULT_RETRY_POLICY, waitOut: { askedToWait: () => asked, maxWaits: 5, maxWaitMs: 60_000 } },
      budget
    })
    expect(final).toMatchObject({ attempts: 1, exhausted: true, outOfTime: budget })
  })

  it('gives an attempt no time limit of its own without a budget', async () => {
    const given: Array<number | undefined> = []
    await sendWithRetries(async (timeLeftMs) => (given.push(timeLeftMs), ok), 'B1', script([ok]).context)
    expect(given).toEqual([undefined])
  })
})

describe('finalReason', () => {
  it.each([
    ['retries that ran out', 4, true, 'gave up after 4 attempts: HTTP 503'],
    ['a single attempt that was all max-retries 0 allows', 1, true, 'failed (no retries configured): HTTP 503'],
    ['a failure that was not worth retrying', 1, false, 'HTTP 503']
  ])('after %s says %j', (_case, attempts, exhausted, expected) => {
    const final = { last: status(503), attempts, earlierAttemptMayHaveActed: false, exhausted }
    expect(finalReason(final, 'HTTP 503')).toBe(expected)
  })
})
