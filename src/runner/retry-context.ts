import * as core from '@actions/core'
import { setTimeout as delay } from 'node:timers/promises'
import { DEFAULT_RETRY_POLICY } from '../http/retry-policy.js'
import type { RetryContext } from '../http/send-with-retries.js'
import type { Redactor } from '../helpers/redact.js'
import type { RunCancellation } from './run-cancellation.js'

/** The retry loop's ties to the runner: real time and randomness, the log, and the run's cancellation. */
export function runnerRetryContext(retries: number, redact: Redactor, cancellation?: RunCancellation): RetryContext {
  return {
    policy: { ...DEFAULT_RETRY_POLICY, retries },
    sleep: (ms, signal) => delay(ms, undefined, { signal }).catch(() => undefined),
    random: Math.random,
    now: Date.now,
    log: (line) => core.info(redact(line)),
    debug: (line) => core.debug(redact(line)),
    stopping: cancellation?.stopping,
    interrupt: cancellation?.interrupt
  }
}
