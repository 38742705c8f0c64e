import { parseRetryAfterMs } from '../http/retry-policy.js'
import type { HttpAnswer } from '../http/transport.js'

/** The longest GitHub's rate limits are waited out, in all, for one request. */
export const MAX_RATE_LIMIT_WAIT_MS = 5 * 60_000
/** A secondary limit that says nothing of when to come back: wait at least this, as GitHub documents. */
export const SECONDARY_LIMIT_WAIT_MS = 60_000

/**
 * How long GitHub asks to wait before it takes another request, when an answer is a rate limit
 * (https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api): 403 or 429 whose
 * message names a secondary limit, or with `x-ratelimit-remaining: 0`. `retry-after` if given, else
 * until `x-ratelimit-reset` when nothing remains, else at least a minute. Undefined for any other answer,
 * a 403 that is a missing permission among them.
 */
export function gitHubRateLimitWait(answer: HttpAnswer, now: number): { reason: string; waitMs: number } | undefined {
  if (answer.status !== 403 && answer.status !== 429) return undefined
  const headers = answer.headers
  const secondary = /secondary rate limit|abuse/i.test(answer.body.toString('utf8'))
  const usedUp = headers['x-ratelimit-remaining'] === '0'
  if (!secondary && !usedUp) return undefined
  const reason = secondary ? "GitHub's secondary rate limit" : "the token's GitHub API rate limit is used up"
  const asked = parseRetryAfterMs(headers['retry-after'], now)
  if (asked !== undefined) return { reason, waitMs: asked }
  const reset = Number(headers['x-ratelimit-reset'])
  if (usedUp && Number.isFinite(reset) && reset > 0) return { reason, waitMs: Math.max(0, reset * 1000 - now) + 1000 }
  return { reason, waitMs: SECONDARY_LIMIT_WAIT_MS }
}
