import * as core from '../runner/runner-commands.js'
import { counted } from '../helpers/counted.js'
import { errorMessage } from '../helpers/error-message.js'
import { createHttpTransport } from '../http/http-transport.js'
import { GUARDED_BATCHES_STATE, parseGuardInputs } from '../inputs/guard-inputs.js'
import { CANCEL } from '../nexrender/batch-operation.js'
import { runBatches } from '../nexrender/run-batches.js'
import { reportRun } from '../runner/report-run.js'
import { runnerRetryContext } from '../runner/retry-context.js'
import { watchRunnerSignals } from '../runner/run-cancellation.js'
import { runContextFrom } from '../runner/run-context.js'
import { readRunEvent } from '../runner/run-event.js'
import { maskedSecretInputs } from '../runner/secret-inputs.js'
import { USER_AGENT } from '../http/user-agent.js'

/** The guard's name in the log and the job summary. */
const GUARD_TITLE = 'Nexrender guard: the job failed or was cancelled'
/**
 * How long the post step's requests may take in all. After a cancel the runner sends SIGINT, SIGTERM
 * 7.5 s later, and kills the process at 10 s: 7 s of requests leaves the report time to be written.
 */
export const POST_BUDGET_MS = 7000
/** The longest one attempt may take in the post step, whatever timeout-seconds says. */
export const POST_ATTEMPT_MS = 5000

/**
 * The guard's post step, run only when the job failed or was cancelled: cancels the batches its main
 * step remembered, within the runner's grace, and reports as the cancel does in the log and the job
 * summary (a post step's outputs reach no later step).
 */
export async function runGuardPost(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const started = Date.now()
  const { secrets, redact } = maskedSecretInputs('token')
  const cancellation = watchRunnerSignals((line) => core.info(line))
  try {
    const guarded = core.getState(GUARDED_BATCHES_STATE)
    if (guarded === '') {
      core.info('The guard recorded no batches (its main step did not finish): nothing to cancel.')
      return
    }
    const given = parseGuardInputs((name) => (name === 'batch-id' ? guarded : core.getInput(name)), secrets.token)
    const inputs = { ...given, timeoutMs: Math.min(given.timeoutMs, POST_ATTEMPT_MS) }
    core.info(
      `The job failed or was cancelled: cancelling the ${counted(inputs.batchIds.length, 'guarded batch', 'guarded batches')} at ${inputs.apiUrl}`
    )
    const results = await runBatches(inputs.batchIds, CANCEL, {
      ...runnerRetryContext(inputs.maxRetries, redact, cancellation),
      budget: { endsAt: started + POST_BUDGET_MS, attemptMs: inputs.timeoutMs },
      transport: createHttpTransport(USER_AGENT, redact),
      apiUrl: inputs.apiUrl,
      token: inputs.token,
      timeoutMs: inputs.timeoutMs
    })
    const context = runContextFrom(readRunEvent(env), env.GITHUB_REPOSITORY)
    await reportRun({ inputs, context, env, redact }, results, cancellation.cancelledBy, {
      title: GUARD_TITLE,
      outputs: false
    })
  } catch (error) {
    core.setFailed(redact(errorMessage(error)))
  } finally {
    cancellation.dispose()
  }
}
