import { retryDelayMs, type RetryPolicy } from './retry-policy.js'
import type { AttemptOutcome } from './transport.js'

/** What the tries of one request have used so far. */
export interface RetryTally {
  /** Retries after failures: the policy's `retries` bounds them. */
  retries: number
  /** Rate limits waited out (each followed by one more attempt): `waitOut.maxWaits` bounds them. */
  waits: number
  /** How long those waits took in all: `waitOut.maxWaitMs` bounds it. */
  waitedMs: number
}

export const NOTHING_USED: RetryTally = { retries: 0, waits: 0, waitedMs: 0 }

/** When the decision is made, and the end of the time the request has, if it has one. */
export interface StepClock {
  now: number
  random: () => number
  /** The budget's end, in `now`'s milliseconds. */
  endsAt?: number
}

/** What to do after an attempt. */
export type NextStep =
  /** The outcome is final: an answer to interpret, or a failure no retry helps. */
  | { kind: 'final' }
  /** The outcome deserves another try, but the retries are spent. */
  | { kind: 'exhausted' }
  /** The time the request has ends before another attempt could be made. */
  | { kind: 'out of time' }
  /** A rate limit asks for more than the waiting left: as many waits as allowed, or as long. */
  | { kind: 'limit held'; by: 'waits' | 'time' }
  /** Wait this long, then try again. */
  | { kind: 'wait'; waitMs: number; reason: string; rateLimited: boolean; floored?: boolean; tally: RetryTally }

/** Why an attempt deserves another try, or undefined when its outcome is final. */
export function retryReason(outcome: AttemptOutcome, policy: RetryPolicy): string | undefined {
  if (outcome.kind === 'network-failure') return outcome.retryable ? outcome.reason : undefined
  return policy.statusCodes.includes(outcome.status) ? describeStatus(outcome) : undefined
}

export function describeStatus(answer: { status: number; statusText: string }): string {
  return `HTTP ${answer.status}${answer.statusText ? ` ${answer.statusText}` : ''}`
}

/**
 * The one decision of the retry loop, as a pure function of the attempt's outcome, what the tries
 * have used, the policy and the clock. Every path to another attempt is bounded: a failure by the
 * retries, a rate limit by the number of waits and their total, both by the budget's end; and every
 * wait a server asks for lasts at least `minAskedWaitMs`, so that none is a tight loop.
 */
export function nextStep(outcome: AttemptOutcome, tally: RetryTally, policy: RetryPolicy, clock: StepClock): NextStep {
  const noTimeFor = (waitMs: number) => clock.endsAt !== undefined && clock.now + waitMs >= clock.endsAt
  const asked = outcome.kind === 'answer' ? policy.waitOut?.askedToWait(outcome, clock.now) : undefined
  if (asked && policy.waitOut) {
    // A rate limit: waited out as asked, within its bounds, without using up the retries.
    const waitMs = Math.max(policy.minAskedWaitMs, Math.round(asked.waitMs))
    if (tally.waits >= policy.waitOut.maxWaits) return { kind: 'limit held', by: 'waits' }
    if (tally.waitedMs + waitMs > policy.waitOut.maxWaitMs) return { kind: 'limit held', by: 'time' }
    if (noTimeFor(waitMs)) return { kind: 'out of time' }
    return {
      kind: 'wait',
      waitMs,
      reason: asked.reason,
      rateLimited: true,
      floored: waitMs > asked.waitMs,
      tally: { ...tally, waits: tally.waits + 1, waitedMs: tally.waitedMs + waitMs }
    }
  }
  const reason = retryReason(outcome, policy)
  if (reason === undefined) return { kind: 'final' }
  // The budget's end cut this attempt short: out of time, whatever the retries would allow.
  if (noTimeFor(0)) return { kind: 'out of time' }
  if (tally.retries >= policy.retries) return { kind: 'exhausted' }
  const retryAfter = outcome.kind === 'answer' ? outcome.headers['retry-after'] : undefined
  const waitMs = retryDelayMs(policy, tally.retries + 1, retryAfter, clock.now, clock.random)
  if (noTimeFor(waitMs)) return { kind: 'out of time' }
  return { kind: 'wait', waitMs, reason, rateLimited: false, tally: { ...tally, retries: tally.retries + 1 } }
}
