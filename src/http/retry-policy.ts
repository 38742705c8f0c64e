import type { HttpAnswer } from './transport.js'

/** An answer that asks the client to stay away for a while, and for how long. */
export interface AskedToWait {
  reason: string
  waitMs: number
}

/** When and how long to wait before trying a request again, stated as data. */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number
  /** HTTP statuses worth another attempt: the server is overloaded, timed out or briefly broken. */
  statusCodes: readonly number[]
  /** Wait before the first retry; each later one doubles it. */
  baseDelayMs: number
  /** Each wait is scaled by a random factor in [1 - jitter, 1 + jitter) so that clients spread out. */
  jitter: number
  /** The longest wait a `Retry-After` header can ask for. */
  maxRetryAfterMs: number
  /**
   * The shortest wait a server can ask for: a `Retry-After` of 0 or in the past, or a rate limit
   * already reset, is waited this long, so that no answer can make the client call in a tight loop.
   */
  minAskedWaitMs: number
  /**
   * Answers that ask to be left alone for a while (GitHub's rate limits), whatever `statusCodes` say:
   * waited out as they ask (at least `minAskedWaitMs`), without using up `retries`, at most `maxWaits`
   * times and `maxWaitMs` in all; an answer that asks for more is final. Each wait is followed by one
   * more attempt, so a request makes at most `retries + maxWaits + 1` attempts.
   */
  waitOut?: {
    askedToWait: (answer: HttpAnswer, now: number) => AskedToWait | undefined
    maxWaits: number
    maxWaitMs: number
  }
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  retries: 3,
  statusCodes: [408, 429, 500, 502, 503, 504],
  baseDelayMs: 1000,
  jitter: 0.2,
  maxRetryAfterMs: 60_000,
  minAskedWaitMs: 1000
}

/**
 * The wait before retry number `retry` (1 for the first retry): the server's `Retry-After`
 * when it sent a usable one (at least `minAskedWaitMs`, at most `maxRetryAfterMs`), otherwise exponential backoff with jitter.
 */
export function retryDelayMs(
  policy: RetryPolicy,
  retry: number,
  retryAfter: string | undefined,
  now: number,
  random: () => number
): number {
  const asked = parseRetryAfterMs(retryAfter, now)
  const delay =
    asked !== undefined
      ? Math.min(Math.max(asked, policy.minAskedWaitMs), policy.maxRetryAfterMs)
      : policy.baseDelayMs * 2 ** (retry - 1) * (1 - policy.jitter + 2 * policy.jitter * random())
  return Math.round(delay)
}

/** `Retry-After` as milliseconds from `now`: delay-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfterMs(header: string | undefined, now: number): number | undefined {
  const value = header?.trim()
  if (!value) return undefined
  if (/^\d+$/.test(value)) return Number(value) * 1000
  const date = Date.parse(value)
  if (Number.isNaN(date) || !/[a-z]/i.test(value)) return undefined
  return Math.max(0, date - now)
}
