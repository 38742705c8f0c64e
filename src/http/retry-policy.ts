/** When and how long to wait before trying a cancel again, stated as data. */
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
  /** Multiplies every wait; 1 in real runs, smaller in tests so that retries do not slow the suite. */
  delayScale: number
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  retries: 3,
  statusCodes: [408, 429, 500, 502, 503, 504],
  baseDelayMs: 1000,
  jitter: 0.2,
  maxRetryAfterMs: 60_000,
  delayScale: 1
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
  return Math.round(delay * policy.delayScale)
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

/**
 * Tests shorten every wait through this variable (a factor from 0 to 1); any other value is ignored,
 * so a real run always waits as the policy says.
 */
export const DELAY_SCALE_VARIABLE = 'NEXRENDER_CANCEL_RETRY_DELAY_SCALE'

export function delayScaleFrom(env: Record<string, string | undefined>): number {
  const scale = Number(env[DELAY_SCALE_VARIABLE] ?? 1)
  return scale >= 0 && scale <= 1 ? scale : 1
}
