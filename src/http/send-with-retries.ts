import { counted } from '../helpers/counted.js'
import { retryDelayMs, type RetryPolicy } from './retry-policy.js'
import { headerOf, type AttemptOutcome, type HttpAnswer, type Interruption, type NetworkFailure } from './transport.js'

export interface RetryContext {
  policy: RetryPolicy
  /** Waits `ms`, or less if `signal` aborts first. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>
  random: () => number
  now: () => number
  /** Receives one line per retry. */
  log: (line: string) => void
  /** Receives request details. */
  debug: (line: string) => void
  /** Set when the run is being cancelled: start no new attempt, stop waiting between attempts. */
  stopping?: AbortSignal
  /** Set when the run's grace for requests in flight is over: they are aborted at once. */
  interrupt?: AbortSignal
  /** Set when the step has only so long for its requests: the guard's post step, within the runner's grace. */
  budget?: TimeBudget
}

/**
 * A hard end for a step's requests, whatever the API does: each attempt is given at most the time
 * left (its request's own timeout cuts it short then), and no retry is waited for past `endsAt`.
 */
export interface TimeBudget {
  /** When the requests must be over, in `now()`'s milliseconds. */
  endsAt: number
  /** What a request still without an answer then is reported as: the step's words for an unknown outcome. */
  unanswered: string
}

export interface FinalOutcome {
  /** The last attempt's outcome: an answer to interpret, or the network failure that ended the tries. */
  last: AttemptOutcome
  attempts: number
  /** True when an attempt before the last may have reached the server (timeout, dropped connection, 5xx). */
  earlierAttemptMayHaveActed: boolean
  /** Set when the last outcome is itself retryable, i.e. the tries ran out. */
  exhausted: boolean
  /** Set, to the budget, when its end cut the last attempt short or left no room for another. */
  outOfTime?: TimeBudget
}

/** Why an attempt deserves another try, or undefined when its outcome is final. */
export function retryReason(outcome: AttemptOutcome, policy: RetryPolicy): string | undefined {
  if (outcome.kind === 'network-failure') return outcome.retryable ? outcome.reason : undefined
  return policy.statusCodes.includes(outcome.status) ? describeStatus(outcome) : undefined
}

/** Whether the server may have acted on an attempt that did not give a usable answer. */
export function mayHaveActed(outcome: AttemptOutcome): boolean {
  return outcome.kind === 'network-failure' ? outcome.mayHaveReachedServer : outcome.status >= 500
}

/**
 * The reason the last attempt failed, saying how many attempts were made when the retries ran out.
 * When the budget ended the tries and the last attempt may have reached the server without an
 * answer, the outcome is unknown, and said so first in the budget's words.
 */
export function finalReason(final: FinalOutcome, reason: string): string {
  if (!final.exhausted) return reason
  const { outOfTime, last, attempts } = final
  if (outOfTime && last.kind === 'network-failure' && last.mayHaveReachedServer)
    return `${outOfTime.unanswered}; ${attempts === 1 ? 'its one attempt' : `the last of ${attempts} attempts`}: ${reason}`
  if (outOfTime) return `gave up after ${counted(attempts, 'attempt')}, with no time left for another: ${reason}`
  return attempts === 1
    ? `failed (no retries configured): ${reason}`
    : `gave up after ${counted(attempts, 'attempt')}: ${reason}`
}

export function describeStatus(answer: HttpAnswer): string {
  return `HTTP ${answer.status}${answer.statusText ? ` ${answer.statusText}` : ''}`
}

/**
 * Runs `attempt` until its outcome is final or the policy's retries are spent, waiting between
 * tries as the policy says. Cancelling is idempotent in effect, so retrying a POST is safe.
 * Once the run is stopping, no new attempt starts: the outcome says what was not done. Under a
 * budget, `attempt` is told the time left, which its request's timeout must not pass.
 */
export async function sendWithRetries(
  attempt: (timeLeftMs?: number) => Promise<AttemptOutcome>,
  label: string,
  context: RetryContext
): Promise<FinalOutcome> {
  const { policy, stopping, budget } = context
  if (stopping?.aborted) {
    return {
      last: stopped('not attempted', 'the run was cancelled before it was sent', false),
      attempts: 0,
      earlierAttemptMayHaveActed: false,
      exhausted: false
    }
  }
  if (budget && context.now() >= budget.endsAt) {
    const last: NetworkFailure = {
      kind: 'network-failure',
      reason: 'not sent: no time was left for it',
      retryable: false,
      mayHaveReachedServer: false
    }
    return { last, attempts: 0, earlierAttemptMayHaveActed: false, exhausted: false }
  }
  let earlierAttemptMayHaveActed = false
  let retries = 0
  /** Answers waited out, which the retries do not count, and how long that took. */
  let waits = 0
  let waitedOut = 0
  for (let number = 1; ; number++) {
    // At least a millisecond: a wait that overran its end still sends, and the request's timeout ends it.
    const outcome = await attempt(budget && Math.max(1, budget.endsAt - context.now()))
    context.debug(`${label}: attempt ${number}: ${describeOutcome(outcome)}`)
    const final = (exhausted: boolean): FinalOutcome => ({
      last: outcome,
      attempts: number,
      earlierAttemptMayHaveActed,
      exhausted
    })
    const outOfTime = (): FinalOutcome => ({
      ...final(true),
      // Once the run is being cancelled, a request the end left without an answer is one it left undone.
      ...(stopping?.aborted && outcome.kind === 'network-failure'
        ? { last: { ...outcome, interruption: 'interrupted' as const } }
        : {}),
      outOfTime: budget
    })
    const noTimeFor = (waitMs: number) => budget !== undefined && context.now() + waitMs >= budget.endsAt
    let wait: number
    let waitingFor: string
    const asked = outcome.kind === 'answer' ? policy.waitOut?.askedToWait(outcome, context.now()) : undefined
    if (asked && policy.waitOut) {
      // A rate limit: waited out as asked, within a bound, without using up the retries.
      if (waitedOut + asked.waitMs > policy.waitOut.maxWaitMs) return final(false)
      if (noTimeFor(asked.waitMs)) return outOfTime()
      waits++
      waitedOut += asked.waitMs
      wait = asked.waitMs
      waitingFor = asked.reason
      context.log(`${label}: ${asked.reason}; waiting ${(wait / 1000).toFixed(1)} s as asked`)
    } else {
      const reason = retryReason(outcome, policy)
      if (reason === undefined) return final(false)
      // The budget's end cut this attempt short: out of time, whatever the retries would allow.
      if (noTimeFor(0)) return outOfTime()
      if (retries === policy.retries) return final(true)
      const retryAfter = outcome.kind === 'answer' ? headerOf(outcome, 'retry-after') : undefined
      wait = retryDelayMs(policy, retries + 1, retryAfter, context.now(), context.random)
      if (noTimeFor(wait)) return outOfTime()
      retries++
      earlierAttemptMayHaveActed ||= mayHaveActed(outcome)
      waitingFor = reason
      context.log(
        `${label}: attempt ${number} of ${policy.retries + 1 + waits} failed (${reason}); retrying in ${(wait / 1000).toFixed(1)} s`
      )
    }
    if (!stopping?.aborted) await context.sleep(wait, stopping)
    if (stopping?.aborted) {
      const what = `the run was cancelled while waiting to retry after attempt ${number} (${waitingFor})`
      return {
        last: stopped('interrupted', what, earlierAttemptMayHaveActed),
        attempts: number,
        earlierAttemptMayHaveActed,
        exhausted: false
      }
    }
  }
}

/** The outcome of a batch whose tries the run's cancellation cut short. */
function stopped(interruption: Interruption, reason: string, mayHaveReachedServer: boolean): NetworkFailure {
  return { kind: 'network-failure', reason, retryable: false, mayHaveReachedServer, interruption }
}

function describeOutcome(outcome: AttemptOutcome): string {
  return outcome.kind === 'answer' ? `${describeStatus(outcome)}, ${outcome.body.length} bytes` : outcome.reason
}
