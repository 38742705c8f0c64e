import { counted } from '../helpers/counted.js'
import { describeStatus, nextStep, NOTHING_USED } from './next-step.js'
import type { RetryPolicy } from './retry-policy.js'
import type { AttemptOutcome, Interruption, NetworkFailure } from './transport.js'

export { describeStatus, retryReason } from './next-step.js'

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

/**
 * Runs `attempt` until `nextStep` (next-step.ts) finds its outcome final or one of the bounds reached:
 * the policy's retries, its rate-limit waits (their number and their total), the budget's end. This
 * loop only carries out what that decision says, waiting between tries and logging. Cancelling is idempotent in effect, so retrying a POST is safe.
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
  let tally = NOTHING_USED
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
    const step = nextStep(outcome, tally, policy, {
      now: context.now(),
      random: context.random,
      endsAt: budget?.endsAt
    })
    if (step.kind === 'final' || step.kind === 'limit held') return final(false)
    if (step.kind === 'exhausted') return final(true)
    if (step.kind === 'out of time') {
      return {
        ...final(true),
        // Once the run is being cancelled, a request the end left without an answer is one it left undone.
        ...(stopping?.aborted && outcome.kind === 'network-failure'
          ? { last: { ...outcome, interruption: 'interrupted' as const } }
          : {}),
        outOfTime: budget
      }
    }
    const { waitMs: wait, reason: waitingFor } = step
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`
    if (step.rateLimited) {
      const most = policy.waitOut?.maxWaits ?? 0
      context.log(
        `${label}: ${waitingFor}; waiting ${seconds(wait)} ${step.floored ? 'at least, though asked for less' : 'as asked'} (wait ${step.tally.waits} of at most ${most})`
      )
    } else {
      earlierAttemptMayHaveActed ||= mayHaveActed(outcome)
      context.log(
        `${label}: attempt ${number} of ${policy.retries + 1 + tally.waits} failed (${waitingFor}); retrying in ${seconds(wait)}`
      )
    }
    tally = step.tally
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
