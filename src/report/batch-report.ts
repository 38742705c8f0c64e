import type { AnsweredBatch, BatchResult } from '../nexrender/batch-result.js'
import { batchFacts } from './batch-facts.js'
import { CANCEL_WORDING, type Wording } from './wording.js'

/** The one log line for a batch: id, status, counts. */
export function batchLogLine(result: BatchResult, wording: Wording = CANCEL_WORDING): string {
  if (result.outcome === 'failed') return `${result.batchId}: ${result.interruption ?? 'failed'}: ${result.problem}`
  const { reply } = result
  const facts = batchFacts(reply)
  const found = result.notFound ? ' (batch not found)' : ''
  const last = wording.dryRun
    ? `${facts.renderingJobs.length} rendering now (will finish)`
    : `${facts.cascadedRelatives} cascaded relatives cancelled`
  return (
    `${result.batchId}: ${wording.statusIs}${reply.status}${found}: ${reply.totalJobs} jobs, ` +
    `${reply.cancelledCount} ${wording.cancelled}, ${reply.skippedCount} ${wording.skipped}, ${last}`
  )
}

/** The `::warning` texts a batch deserves: not found, skipped jobs, counts that do not add up, an uncertain retry. */
export function batchWarnings(result: AnsweredBatch, wording: Wording = CANCEL_WORDING): string[] {
  const { batchId, reply } = result
  const facts = batchFacts(reply)
  const warnings: string[] = []
  if (result.notFound) {
    warnings.push(
      `Batch ${batchId} was not found (HTTP 404): reported as unchanged with zero jobs. Check the id and that the token's team owns it.`
    )
  }
  if (reply.skippedCount > 0) {
    const common = facts.commonSkipReason
      ? `; most common reason: ${facts.commonSkipReason.reason} (${facts.commonSkipReason.count})`
      : ''
    warnings.push(`Batch ${batchId}: ${reply.skippedCount} of ${reply.totalJobs} jobs ${wording.wereSkipped}${common}`)
  }
  if (facts.countsDisagree) {
    warnings.push(
      `Batch ${batchId}: the API's counts do not add up: cancelled ${reply.cancelledCount} + skipped ${reply.skippedCount} is not total ${reply.totalJobs}`
    )
  }
  const uncertain = uncertainRetryNote(result)
  if (uncertain) warnings.push(uncertain)
  return warnings
}

/**
 * When a retried attempt may already have cancelled jobs that the final reply reports as skipped,
 * the note that says so (for the log and the summary); otherwise undefined.
 */
export function uncertainRetryNote(result: AnsweredBatch): string | undefined {
  if (!result.earlierAttemptMayHaveActed || result.reply.status === 'cancelled') return undefined
  return `Batch ${result.batchId}: an earlier attempt ended without a clear answer and may already have cancelled the jobs this reply reports as skipped.`
}
