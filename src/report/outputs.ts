import type { BatchResult } from '../nexrender/batch-result.js'
import type { ReplyFacts } from '../nexrender/reply-facts.js'
import type { CancelReply, CancelStatus } from '../nexrender/cancel-reply.js'

/** The step outputs, by their `action.yml` names. */
export const OUTPUT_NAMES = [
  'status',
  'batch-id',
  'total-jobs',
  'cancelled-count',
  'skipped-count',
  'cancelled-jobs-count',
  'cancelled-job-ids',
  'rendering-job-ids',
  'skipped-job-ids',
  'failed-batch-ids',
  'results-file',
  'dry-run',
  'pull-requests',
  'pull-requests-left'
] as const
export type ActionOutputs = Record<(typeof OUTPUT_NAMES)[number], string>

/**
 * Sums the batches that answered. `status` is `cancelled` if all of them were, `unchanged` if all were,
 * else `partial`; it is empty when no batch answered (failed batches have no known outcome).
 */
export function actionOutputs(
  results: BatchResult[],
  resultsFile: string,
  dryRun = false,
  pullRequests: number[] = [],
  pullRequestsLeft?: number
): ActionOutputs {
  const answered = results.flatMap((result) => (result.outcome === 'answered' ? [result] : []))
  const sum = (pick: (reply: CancelReply) => number): string =>
    String(answered.reduce((total, { reply }) => total + pick(reply), 0))
  const idsOf = (pick: (facts: ReplyFacts) => string[]) => [...new Set(answered.flatMap(({ facts }) => pick(facts)))]
  const cancelledJobIds = idsOf((facts) => facts.cancelledJobIds)
  return {
    status: combinedStatus(answered.map(({ reply }) => reply.status)),
    'batch-id': results.map((result) => result.batchId).join(','),
    'total-jobs': sum((reply) => reply.totalJobs),
    'cancelled-count': sum((reply) => reply.cancelledCount),
    'skipped-count': sum((reply) => reply.skippedCount),
    'cancelled-jobs-count': String(cancelledJobIds.length),
    'cancelled-job-ids': JSON.stringify(cancelledJobIds),
    // What will still bill: the API cannot stop a job that is rendering.
    'rendering-job-ids': JSON.stringify(idsOf((facts) => facts.renderingJobs.map((job) => job.id))),
    'skipped-job-ids': JSON.stringify(idsOf((facts) => facts.skippedJobs.map((job) => job.id))),
    'failed-batch-ids': JSON.stringify(
      results.filter((result) => result.outcome === 'failed').map((result) => result.batchId)
    ),
    'results-file': resultsFile,
    'dry-run': String(dryRun),
    'pull-requests': JSON.stringify(pullRequests),
    // A sweep's: the pull requests it left for the next run to stay within its budget; empty but in a sweep.
    'pull-requests-left': pullRequestsLeft === undefined ? '' : String(pullRequestsLeft)
  }
}

export function combinedStatus(statuses: CancelStatus[]): CancelStatus | '' {
  if (statuses.length === 0) return ''
  if (statuses.every((status) => status === 'cancelled')) return 'cancelled'
  if (statuses.every((status) => status === 'unchanged')) return 'unchanged'
  return 'partial'
}
