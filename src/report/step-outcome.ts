import type { BatchResult } from '../nexrender/batch-result.js'
import type { Strictness } from '../inputs/strictness.js'
import { counted } from '../helpers/counted.js'
import { NOT_FOUND_CHECKS } from '../nexrender/not-found.js'
import { verdictFor } from './verdict.js'
import { CANCEL_WORDING, type Wording } from './wording.js'

/**
 * A batch's verdict in a few words, for the summary beside it: `pass`, `unchanged fails at strictness
 * lenient`, or what kept the batch from an answer.
 */
export function verdictWords(result: BatchResult, strictness: Strictness, wording: Wording = CANCEL_WORDING): string {
  if (result.outcome === 'failed') return result.interruption ?? 'the request failed'
  const { status } = result.reply
  return verdictFor(status, strictness) === 'pass' ? 'pass' : `${status} ${wording.fails} at strictness ${strictness}`
}

/** Why one batch fails the step, or undefined when it passes. */
export function batchFailureReason(
  result: BatchResult,
  strictness: Strictness,
  wording: Wording = CANCEL_WORDING
): string | undefined {
  if (result.outcome === 'failed')
    return result.interruption ? `${result.interruption}: ${result.problem}` : result.problem
  const { reply } = result
  if (verdictFor(reply.status, strictness) === 'pass') return undefined
  const what = result.notFound
    ? `the batch was not found: check the id, ${NOT_FOUND_CHECKS}`
    : wording.skippedOf(reply.skippedCount, reply.totalJobs)
  const accept = reply.status === 'partial' ? 'lenient or off' : 'off'
  return `${wording.status} ${reply.status} ${wording.fails} at strictness ${strictness} (${what}); strictness ${accept} accepts it`
}

/**
 * The step's failure message naming every failed batch and why, or undefined when the step passes.
 * A run cancelled by the runner (`cancelledBy` names the signal) fails whatever became of its batches.
 */
export function stepFailureMessage(
  results: BatchResult[],
  strictness: Strictness,
  wording: Wording = CANCEL_WORDING,
  cancelledBy?: string
): string | undefined {
  const failures = results.flatMap((result) => {
    const reason = batchFailureReason(result, strictness, wording)
    return reason === undefined ? [] : [`Batch ${result.batchId}: ${reason}`]
  })
  if (cancelledBy !== undefined) {
    const unfinished = results.filter((result) => result.outcome === 'failed' && result.interruption).length
    const headline =
      unfinished === 0
        ? `The run was cancelled (${cancelledBy}) after every batch was done.`
        : `The run was cancelled (${cancelledBy}): ${unfinished} of ${counted(results.length, 'batch', 'batches')} ${unfinished === 1 ? 'was' : 'were'} not done.`
    return [headline, ...failures.map((line) => `- ${line}`)].join('\n')
  }
  if (failures.length === 0) return undefined
  if (results.length === 1) return failures[0]
  // "Failed" would read as `failed-batch-ids`, which lists only the requests that failed.
  const notPassing = wording.dryRun ? 'would not pass' : 'did not pass'
  return [
    `${failures.length} of ${results.length} batches ${notPassing}:`,
    ...failures.map((line) => `- ${line}`)
  ].join('\n')
}
