import * as core from '@actions/core'
import { counted } from '../helpers/counted.js'
import { errorMessage } from '../helpers/error-message.js'
import { GUARDED_BATCHES_STATE, parseGuardInputs } from '../inputs/guard-inputs.js'
import { InputError } from '../inputs/input-error.js'
import { inputErrorSummary } from '../report/input-error-summary.js'
import { writeJobSummary } from '../runner/job-summary.js'
import { maskedSecretInputs } from '../runner/secret-inputs.js'
import { requireRunnerFiles } from '../runner/runner-files.js'

/**
 * The guard's main step: checks its inputs now (so a mistake shows at once, not after the job has
 * failed) and remembers the batches. It sends nothing; its post step cancels them, and runs only when
 * the job failed or was cancelled (`post-if` in guard/action.yml).
 */
export async function runGuard(): Promise<void> {
  const { env } = process
  const { secrets, redact } = maskedSecretInputs('token')
  try {
    requireRunnerFiles(env)
    const inputs = parseGuardInputs((name) => core.getInput(name), secrets.token)
    core.saveState(GUARDED_BATCHES_STATE, inputs.batchIds.join(','))
    core.info(
      `Guarding ${counted(inputs.batchIds.length, 'batch', 'batches')} (${inputs.batchIds.join(', ')}): ` +
        `if the job fails or is cancelled, the post step cancels ${inputs.batchIds.length === 1 ? 'it' : 'them'}; if it succeeds, nothing is sent.`
    )
  } catch (error) {
    const message = redact(errorMessage(error))
    if (error instanceof InputError) await writeJobSummary(inputErrorSummary('Nexrender guard', message))
    core.setFailed(message)
  }
}
