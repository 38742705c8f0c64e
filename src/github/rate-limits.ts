import { jsonTextOf } from '../http/json-body.js'
import { parseRetryAfterMs } from '../http/retry-policy.js'
import type { HttpAnswer } from '../http/transport.js'

/** The most times one GitHub request waits out a rate limit: each wait is followed by one more attempt. */
export const MAX_RATE_LIMIT_WAITS = 5
/** The longest GitHub's rate limits are waited out, in all, for one request. */
export const MAX_RATE_LIMIT_WAIT_MS = 5 * 60_000
/** A secondary limit that says nothing of when to come back: wait at least this, as GitHub documents. */
export const SECONDARY_LIMIT_WAIT_MS = 60_000

/** What GitHub said of a refusal, as the rate-limit rule reads it: from an answer or from the error made of one. */
export interface RefusalSignals {
  status: number
  /** GitHub's message, or the whole body. */
  text: string
  /** Lower-cased. */
  headers: Record<string, string>
  /** GraphQL's error types, when the answer is GraphQL's: its rate limit comes as HTTP 200 with `RATE_LIMITED`. */
  graphqlErrorTypes?: readonly unknown[]
}

/** One of GitHub's rate limits, and how long it asks to be left alone. */
export interface GitHubRateLimit {
  /** `used up`: the token's primary limit, until `resetAt`; `secondary`: a limit on how fast it calls. */
  kind: 'secondary' | 'used up'
  reason: string
  /** As GitHub asks, from `now`; 0 for a Retry-After of 0 or a reset already past (the waiting sets a floor). */
  waitMs: number
  /** When a used-up limit resets (ms since the epoch), if GitHub said. */
  resetAt?: number
}

/** The end of the year 9999, in ms: the latest time an ISO 8601 date in four digits names. */
const MAX_DATE_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999)

/**
 * GitHub's rate-limit rule, the one both the waiting and the failure's wording read
 * (https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api,
 * https://docs.github.com/graphql/overview/rate-limits-and-query-limits-for-the-graphql-api):
 * a limit is a 403 or 429 whose message names a secondary limit or with `x-ratelimit-remaining: 0`,
 * or GraphQL's HTTP 200 with an error of type `RATE_LIMITED`. Wait `retry-after` seconds if given,
 * else until `x-ratelimit-reset` when nothing remains, else at least a minute. Undefined for any
 * other answer, a 403 that is a missing permission among them.
 */
export function gitHubRateLimit(signals: RefusalSignals, now: number): GitHubRateLimit | undefined {
  const { status, text, headers } = signals
  const graphqlLimited = status === 200 && (signals.graphqlErrorTypes ?? []).includes('RATE_LIMITED')
  const secondary = /secondary rate limit|abuse/i.test(text)
  const usedUp = headers['x-ratelimit-remaining'] === '0'
  const refused = (status === 403 || status === 429) && (secondary || usedUp)
  if (!graphqlLimited && !refused) return undefined
  const kind = usedUp && !secondary ? 'used up' : 'secondary'
  const reason =
    kind === 'used up'
      ? `the token's GitHub ${graphqlLimited ? 'GraphQL' : 'API'} rate limit is used up`
      : "GitHub's secondary rate limit"
  const reset = Number(headers['x-ratelimit-reset'])
  // A reset beyond what a date can hold is no time at all: waited as a limit without one.
  const resetAt =
    usedUp && Number.isFinite(reset) && reset > 0 && reset * 1000 <= MAX_DATE_MS ? reset * 1000 : undefined
  const asked = parseRetryAfterMs(headers['retry-after'], now)
  if (asked !== undefined) return { kind, reason, waitMs: asked, ...(resetAt === undefined ? {} : { resetAt }) }
  // A second past the reset: GitHub's clock and this runner's need not agree to the millisecond.
  if (resetAt !== undefined) return { kind, reason, waitMs: Math.max(0, resetAt - now) + 1000, resetAt }
  return { kind, reason, waitMs: SECONDARY_LIMIT_WAIT_MS }
}

/** The rate limit an answer is, if any: for the waiting. */
export function rateLimitOfAnswer(answer: HttpAnswer, now: number): GitHubRateLimit | undefined {
  const { status, headers, body } = answer
  // Every page is a 200: only one that names GraphQL's limit is parsed again.
  if (status === 200 && body.includes('RATE_LIMITED'))
    return gitHubRateLimit({ status, text: '', headers, graphqlErrorTypes: graphqlErrorTypes(body) }, now)
  if (status !== 403 && status !== 429) return undefined
  return gitHubRateLimit({ status, text: body.toString('utf8'), headers }, now)
}

/** The `type` of each of a GraphQL answer's errors; none for any other body. */
function graphqlErrorTypes(body: Buffer): unknown[] {
  try {
    const { errors } = JSON.parse(jsonTextOf(body)) as { errors?: unknown }
    return Array.isArray(errors) ? errors.map((error: { type?: unknown } | null) => error?.type) : []
  } catch {
    return []
  }
}
