import type { BatchResult } from '../nexrender/batch-result.js'
import type { Strictness } from '../inputs/strictness.js'
import { verdictFor } from './verdict.js'
import { CANCEL_WORDING, type Wording } from './wording.js'

/** Why one batch fails the step, or undefined when it passes. */
export function batchFailureReason(
  result: BatchResult,
  strictness: Strictness,
  wording: Wording = CANCEL_WORDING
): string | undefined {
  if (result.outcome === 'failed') return result.problem
  const { reply } = result
  if (verdictFor(reply.status, strictness) === 'pass') return undefined
  const what = result.notFound
    ? 'the batch was not found'
    : `${reply.skippedCount} of ${reply.totalJobs} jobs ${wording.wereSkipped}`
  const accept = reply.status === 'partial' ? 'lenient or off' : 'off'
  return `${wording.status} ${reply.status} ${wording.fails} at strictness ${strictness} (${what}); strictness ${accept} accepts it`
}

/** The step's failure message naming every failed batch and why, or undefined when the step passes. */
export function stepFailureMessage(
  results: BatchResult[],
  strictness: Strictness,
  wording: Wording = CANCEL_WORDING
): string | undefined {
  const failures = results.flatMap((result) => {
    const reason = batchFailureReason(result, strictness, wording)
    return reason === undefined ? [] : [`Batch ${result.batchId}: ${reason}`]
  })
  if (failures.length === 0) return undefined
  if (results.length === 1) return failures[0]
  return [`${failures.length} of ${results.length} batches failed:`, ...failures.map((line) => `- ${line}`)].join('\n')
}
