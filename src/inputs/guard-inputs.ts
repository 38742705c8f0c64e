import { parseBatchIds } from './batch-ids.js'
import { InputError } from './input-error.js'
import { parseInputs, type InputReader, type Inputs } from './inputs.js'

/** The state the main step leaves the post step: the batches to cancel if the job fails or is cancelled. */
export const GUARDED_BATCHES_STATE = 'batch-ids'

/** The inputs the guard takes: those of a plain cancel, no more. */
export const GUARD_INPUT_NAMES = ['batch-id', 'token', 'api-url', 'timeout-seconds', 'max-retries'] as const

/**
 * The most batches one guard takes. Its post step sends all their cancels at once, so that they end
 * within its 7 s however many there are; this keeps "at once" to a number an API can take.
 */
export const MAX_GUARDED_BATCHES = 20

/**
 * The guard's inputs, checked as the cancel checks them. Its cancel runs after the job failed or was
 * cancelled, when a batch that already finished is no surprise: its verdict is strictness off, so only
 * errors fail the post step.
 */
export function parseGuardInputs(read: InputReader, token: string): Inputs {
  // Required here, and said so in the guard's own words before anything else is checked.
  const batchIds = parseBatchIds(read('batch-id'))
  if (batchIds.length > MAX_GUARDED_BATCHES) {
    throw new InputError(
      'batch-id',
      `has ${batchIds.length} batches; the guard takes at most ${MAX_GUARDED_BATCHES}, all cancelled at once within its 7 s. ` +
        'To cancel more when the job fails, use a cancel step with if: failure() || cancelled().'
    )
  }
  const guardOnly = (name: string) => ((GUARD_INPUT_NAMES as readonly string[]).includes(name) ? read(name) : '')
  return { ...parseInputs(guardOnly, token), strictness: 'off' }
}
