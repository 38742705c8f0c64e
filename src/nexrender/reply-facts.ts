import type { CancelledJob, CancelReply, JobResult } from './cancel-reply.js'
import { RENDERING_STATUS } from './job-statuses.js'

/** Figures derived from one reply, worked out once when it is answered, for the log, the outputs and the summary. */
export interface ReplyFacts {
  /** `cancelledJobs` without repeats, in reply order. */
  cancelledJobs: CancelledJob[]
  cancelledJobIds: string[]
  /** Cancelled jobs that are not top-level jobs of the batch: parents, children, siblings taken along. */
  cascadedRelatives: number
  skippedJobs: JobResult[]
  /** Skipped because they are rendering now: they cannot be stopped and will finish. */
  renderingJobs: JobResult[]
  /** The most frequent reasons among skipped jobs (several when tied), with their count. */
  commonSkipReason?: { reasons: string[]; count: number }
  countsDisagree: boolean
}

export function replyFacts(reply: CancelReply): ReplyFacts {
  const { cancelledJobs, cancelledJobIds } = distinctCancelledJobs(reply.cancelledJobs)
  const topLevel = new Set(reply.jobs.map((job) => job.id))
  const skippedJobs = reply.jobs.filter((job) => job.result !== 'cancelled')
  return {
    cancelledJobs,
    cancelledJobIds,
    cascadedRelatives: cancelledJobIds.filter((id) => !topLevel.has(id)).length,
    skippedJobs,
    renderingJobs: skippedJobs.filter((job) => job.status === RENDERING_STATUS),
    commonSkipReason: mostCommon(skippedJobs.map(skipReason)),
    countsDisagree: reply.cancelledCount + reply.skippedCount !== reply.totalJobs
  }
}

/** A skipped job's reason as people should read it: the API's reason, else its status, else its result. */
export function skipReason(job: JobResult): string {
  for (const candidate of [job.reason, job.status, job.result]) {
    if (typeof candidate === 'string' && candidate.trim() !== '') return candidate.trim()
  }
  return 'no reason given'
}

function mostCommon(values: string[]): { reasons: string[]; count: number } | undefined {
  const counts = new Map<string, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  const count = Math.max(0, ...counts.values())
  const reasons = [...counts].filter(([, times]) => times === count).map(([reason]) => reason)
  return reasons.length > 0 ? { reasons, count } : undefined
}

/**
 * The cancelled jobs without repeats, and their ids. The API lists each once, which a Set built in one
 * native call confirms; only a reply that repeats some is walked job by job.
 */
function distinctCancelledJobs(jobs: CancelledJob[]): { cancelledJobs: CancelledJob[]; cancelledJobIds: string[] } {
  const ids = jobs.map((job) => job.id)
  if (new Set(ids).size === ids.length) return { cancelledJobs: jobs, cancelledJobIds: ids }
  const seen = new Set<string>()
  const first: CancelledJob[] = []
  for (const job of jobs) {
    if (seen.has(job.id)) continue
    seen.add(job.id)
    first.push(job)
  }
  return { cancelledJobs: first, cancelledJobIds: first.map((job) => job.id) }
}
