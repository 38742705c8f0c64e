import type { Interruption } from '../http/transport.js'
import type { CancelReply } from './cancel-reply.js'
import type { ReplyFacts } from './reply-facts.js'

/** What became of one batch: an answer the verdict can judge, or a failure whose outcome is unknown. */
export type BatchResult = AnsweredBatch | FailedBatch

export interface AnsweredBatch {
  batchId: string
  outcome: 'answered'
  reply: CancelReply
  /** What the reply comes to (distinct cancelled jobs, those rendering, …), worked out once from it. */
  facts: ReplyFacts
  /**
   * What the results file keeps for the batch, as JSON bytes: the body as the API sent it (the reply,
   * or in a dry run the batch as read), or the record reported for a 404. Kept as bytes, so a
   * 20,000-job reply is neither serialized nor encoded again.
   */
  record: Buffer
  /** The API answered 404; `reply` is the `unchanged` record reported in its place. */
  notFound: boolean
  /** A retried attempt may already have cancelled jobs that the final reply then reports as skipped. */
  earlierAttemptMayHaveActed: boolean
  attempts: number
}

export interface FailedBatch {
  batchId: string
  outcome: 'failed'
  /** Why, in one line: HTTP status, the server's words, a hint. */
  problem: string
  attempts: number
  /** Set when the run's cancellation kept the batch from being sent, or cut its request short. */
  interruption?: Interruption
  /** The API said it does not know a batch that was recorded, so existed: see `not-found.ts`. */
  notFound?: true
}

/** The record reported for a batch the API does not know. */
export function notFoundReply(batchId: string): CancelReply {
  return { batchId, status: 'unchanged', totalJobs: 0, cancelledCount: 0, skippedCount: 0, jobs: [], cancelledJobs: [] }
}
