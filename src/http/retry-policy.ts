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
   * Answers that ask to be left alone for a while (GitHub's rate limits), whatever `statusCodes` say:
   * waited out as they ask, without using up `retries`, up to `maxWaitMs` in all; an answer that asks
   * for more is final.
   */
  waitOut?: { askedToWait: (answer: HttpAnswer, now: number) => AskedToWait | undefined; maxWaitMs: number }
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  retries: 3,
  statusCodes: [408, 429, 500, 502, 503, 504],
  baseDelayMs: 1000,
  jitter: 0.2,
  maxRetryAfterMs: 60_000
}

/**
 * The wait before retry number `retry` (1 for the first retry): the server's `Retry-After`
 * when it sent a usable one (capped), otherwise exponential backoff with jitter.
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
      ? Math.min(asked, policy.maxRetryAfterMs)
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
