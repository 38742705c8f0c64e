import { retryDelayMs, type RetryPolicy } from './retry-policy.js'
import type { AttemptOutcome, HttpAnswer } from './transport.js'

export interface RetryContext {
  policy: RetryPolicy
  sleep: (ms: number) => Promise<void>
  random: () => number
  now: () => number
  /** Receives one line per retry. */
  log: (line: string) => void
  /** Receives request details. */
  debug: (line: string) => void
}

export interface FinalOutcome {
  /** The last attempt's outcome: an answer to interpret, or the network failure that ended the tries. */
  last: AttemptOutcome
  attempts: number
  /** True when an attempt before the last may have reached the server (timeout, dropped connection, 5xx). */
  earlierAttemptMayHaveActed: boolean
  /** Set when the last outcome is itself retryable, i.e. the tries ran out. */
  exhausted: boolean
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

export function describeStatus(answer: HttpAnswer): string {
  return `HTTP ${answer.status}${answer.statusText ? ` ${answer.statusText}` : ''}`
}

/**
 * Runs `attempt` until its outcome is final or the policy's retries are spent, waiting between
 * tries as the policy says. Cancelling is idempotent in effect, so retrying a POST is safe.
 */
export async function sendWithRetries(
  attempt: () => Promise<AttemptOutcome>,
  label: string,
  context: RetryContext
): Promise<FinalOutcome> {
  const { policy } = context
  const maxAttempts = policy.retries + 1
  let earlierAttemptMayHaveActed = false
  for (let number = 1; ; number++) {
    const outcome = await attempt()
    context.debug(`${label}: attempt ${number}: ${describeOutcome(outcome)}`)
    const reason = retryReason(outcome, policy)
    if (reason === undefined || number === maxAttempts) {
      return { last: outcome, attempts: number, earlierAttemptMayHaveActed, exhausted: reason !== undefined }
    }
    earlierAttemptMayHaveActed ||= mayHaveActed(outcome)
    const retryAfter = outcome.kind === 'answer' ? outcome.retryAfter : undefined
    const wait = retryDelayMs(policy, number, retryAfter, context.now(), context.random)
    context.log(
      `${label}: attempt ${number} of ${maxAttempts} failed (${reason}); retrying in ${(wait / 1000).toFixed(1)} s`
    )
    await context.sleep(wait)
  }
}

function describeOutcome(outcome: AttemptOutcome): string {
  return outcome.kind === 'answer' ? `${describeStatus(outcome)}, ${outcome.body.length} bytes` : outcome.reason
}
