import type { BatchView } from './batch-view.js'
import type { CancelReply, CancelStatus } from './cancel-reply.js'
import { CANCELLABLE_STATUSES, wouldSkipBecause } from './job-statuses.js'

/**
 * The cancel reply the API would give for a batch in this state, from its top-level jobs alone:
 * queued and pending jobs would be cancelled, the rest skipped with the reason in words.
 * Cascaded relatives are not in the view, so `cancelledJobs` holds top-level jobs only.
 */
export function predictCancel(view: BatchView): CancelReply {
  const jobs = view.jobs.map((job, position) => {
    const cancellable = CANCELLABLE_STATUSES.includes(job.status)
    return {
      index: job.index ?? position,
      id: job.id,
      result: cancellable ? 'cancelled' : 'skipped',
      status: job.status,
      ...(cancellable ? {} : { reason: wouldSkipBecause(job.status) })
    }
  })
  const cancelled = view.jobs.filter((job) => CANCELLABLE_STATUSES.includes(job.status))
  const cancelledCount = cancelled.length
  return {
    batchId: view.batchId,
    status: predictedStatus(cancelledCount, jobs.length),
    totalJobs: jobs.length,
    cancelledCount,
    skippedCount: jobs.length - cancelledCount,
    jobs,
    cancelledJobs: cancelled.map((job) => ({ id: job.id, status: job.status, outputUrl: job.outputUrl ?? null }))
  }
}

/** As the API computes it: every top-level job cancelled, some, or none (an empty batch has none). */
function predictedStatus(cancelledCount: number, total: number): CancelStatus {
  if (cancelledCount === 0) return 'unchanged'
  return cancelledCount === total ? 'cancelled' : 'partial'
}
