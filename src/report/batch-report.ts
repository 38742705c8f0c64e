import type { AnsweredBatch, BatchResult } from '../nexrender/batch-result.js'
import { counted } from '../helpers/counted.js'
import { NOT_FOUND_CHECKS } from '../nexrender/not-found.js'
import type { ReplyFacts } from '../nexrender/reply-facts.js'
import { CANCEL_WORDING, type Wording } from './wording.js'

/** The one log line for a batch: id, status, counts. */
export function batchLogLine(result: BatchResult, wording: Wording = CANCEL_WORDING): string {
  if (result.outcome === 'failed') return `${result.batchId}: ${result.interruption ?? 'failed'}: ${result.problem}`
  const { reply, facts } = result
  const found = result.notFound ? ' (batch not found)' : ''
  const last = wording.dryRun
    ? `${facts.renderingJobs.length} rendering now (will finish)`
    : `${counted(facts.cascadedRelatives, 'cascaded relative')} cancelled`
  return (
    `${result.batchId}: ${wording.statusIs}${reply.status}${found}: ${counted(reply.totalJobs, 'job')}, ` +
    `${reply.cancelledCount} ${wording.cancelled}, ${reply.skippedCount} ${wording.skipped}, ${last}`
  )
}

/** The `::warning` texts a batch deserves: not found, skipped jobs, counts that do not add up, an uncertain retry. */
export function batchWarnings(result: AnsweredBatch, wording: Wording = CANCEL_WORDING): string[] {
  const { batchId, reply, facts } = result
  const warnings: string[] = []
  if (result.notFound) {
    warnings.push(
      `Batch ${batchId} was not found (HTTP 404): reported as unchanged with zero jobs. Check the id, ${NOT_FOUND_CHECKS}.`
    )
  }
  if (reply.skippedCount > 0) {
    warnings.push(`Batch ${batchId}: ${wording.skippedOf(reply.skippedCount, reply.totalJobs)}${commonReason(facts)}`)
  }
  const rendering = renderingNote(result, wording)
  if (rendering) warnings.push(`Batch ${batchId}: ${rendering}`)
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

/** The most common reason a job was skipped, the tie named when two or three share it; left out when more do. */
function commonReason(facts: ReplyFacts): string {
  const common = facts.commonSkipReason
  if (!common) return ''
  if (facts.skippedJobs.length === 1) return `; reason: ${common.reasons[0] ?? ''}`
  if (common.reasons.length === 1) return `; most common reason: ${common.reasons[0] ?? ''} (${common.count})`
  if (common.reasons.length <= 3)
    return `; most common reasons, tied: ${common.reasons.join(', ')} (${common.count} each)`
  return ''
}

/**
 * What jobs that were rendering mean for the bill, said plainly (the log and the summary): the API
 * cannot stop them, and they will finish. Undefined when none were.
 */
export function renderingNote(result: AnsweredBatch, wording: Wording = CANCEL_WORDING): string | undefined {
  const count = result.facts.renderingJobs.length
  if (count === 0) return undefined
  return `${wording.rendering(count)}: the API cannot stop ${count === 1 ? 'it' : 'them'}; ${count === 1 ? 'it' : 'they'} will finish.`
}
