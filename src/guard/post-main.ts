import * as core from '@actions/core'
import { counted } from '../helpers/counted.js'
import { errorMessage } from '../helpers/error-message.js'
import { createHttpTransport } from '../http/http-transport.js'
import { GUARDED_BATCHES_STATE, MAX_GUARDED_BATCHES, parseGuardInputs } from '../inputs/guard-inputs.js'
import { CANCEL } from '../nexrender/batch-operation.js'
import { runBatches } from '../nexrender/run-batches.js'
import { reportRun, verdictInputs } from '../runner/report-run.js'
import { runnerRetryContext } from '../runner/retry-context.js'
import { watchRunnerSignals } from '../runner/run-cancellation.js'
import { runContextFrom } from '../runner/run-context.js'
import { readRunEvent } from '../runner/run-event.js'
import { maskedSecretInputs } from '../runner/secret-inputs.js'
import { USER_AGENT } from '../http/user-agent.js'
import { requireRunnerFiles } from '../runner/runner-files.js'

/** The guard's name in the log and the job summary. */
const GUARD_TITLE = 'Nexrender guard: the job failed or was cancelled'
/**
 * The post step ends, reported, within this long of its process starting. After a cancel the runner
 * sends SIGINT, SIGTERM 7.5 s later, and kills the process at 10 s; a post step gets the same.
 */
export const POST_STEP_MS = 7000
/** The end of the 7 s kept for the report (log, results file, job summary): the requests end before it. */
export const POST_REPORT_MS = 1000
/**
 * The longest one attempt may take, whatever timeout-seconds says: a slow API's answer fits, and an
 * attempt that hangs leaves time to try again. The budget cuts any attempt at its end too.
 */
export const POST_ATTEMPT_MS = 5000
/** A batch whose cancel was sent but not answered in time: it may still be billing. */
export const UNANSWERED_IN_TIME = `not known whether cancelled: no answer within the guard's ${POST_STEP_MS / 1000} s`

/**
 * The guard's post step, run only when the job failed or was cancelled: cancels the batches its main
 * step remembered, all at once, and reports as the cancel does in the log and the job summary (a post
 * step's outputs reach no later step), within 7 s of starting whatever the API does.
 */
export async function runGuardPost(): Promise<void> {
  const { env } = process
  // From the process's start, not this function's: loading the bundle is part of the step's time.
  const requestsEndAt = Math.floor(performance.timeOrigin) + POST_STEP_MS - POST_REPORT_MS
  // Listening first: a cancel that comes while the step starts is handled as any other.
  const cancellation = watchRunnerSignals((line) => core.info(line))
  const { secrets, redact } = maskedSecretInputs('token')
  try {
    requireRunnerFiles(env)
    const guarded = core.getState(GUARDED_BATCHES_STATE)
    if (guarded === '') {
      core.info('The guard recorded no batches (its main step did not finish): nothing to cancel.')
      return
    }
    const given = parseGuardInputs((name) => (name === 'batch-id' ? guarded : core.getInput(name)), secrets.token)
    const inputs = { ...given, timeoutMs: Math.min(given.timeoutMs, POST_ATTEMPT_MS) }
    core.info(
      `The job failed or was cancelled: cancelling the ${counted(inputs.batchIds.length, 'guarded batch', 'guarded batches')} at ${inputs.apiUrl}, all at once`
    )
    const results = await runBatches(
      inputs.batchIds,
      CANCEL,
      {
        ...runnerRetryContext(inputs.maxRetries, redact, cancellation),
        budget: { endsAt: requestsEndAt, unanswered: UNANSWERED_IN_TIME },
        transport: createHttpTransport(USER_AGENT, redact),
        apiUrl: inputs.apiUrl,
        token: inputs.token,
        timeoutMs: inputs.timeoutMs
      },
      MAX_GUARDED_BATCHES
    )
    const context = runContextFrom(readRunEvent(env), env.GITHUB_REPOSITORY)
    await reportRun({ ...verdictInputs(inputs), context, env, redact }, results, cancellation.cancelledBy, {
      title: GUARD_TITLE,
      outputs: false
    })
  } catch (error) {
    core.setFailed(redact(errorMessage(error)))
  } finally {
    cancellation.dispose()
  }
}
