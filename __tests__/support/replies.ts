import type { AnsweredBatch, FailedBatch } from '../../src/nexrender/batch-result.js'
import type { CancelReply } from '../../src/nexrender/cancel-reply.js'
import { replyFacts } from '../../src/nexrender/reply-facts.js'

export const BATCH = '01ARZ3NDEKTSV4RRFFQ69G5FAV'

/** A valid reply: 3 top-level jobs, 2 cancelled (one taking a child along), 1 skipped while rendering. */
export function reply(overrides: Partial<CancelReply> = {}): CancelReply {
  return {
    batchId: BATCH,
    status: 'partial',
    totalJobs: 3,
    cancelledCount: 2,
    skippedCount: 1,
    jobs: [
      { index: 0, id: 'J1', result: 'cancelled', status: 'manually_cancelled' },
      { index: 1, id: 'J2', result: 'cancelled', status: 'manually_cancelled' },
      { index: 2, id: 'J3', result: 'skipped', status: 'render:dorender', reason: 'already rendering' }
    ],
    cancelledJobs: [
      { id: 'J1', templateId: 'tpl-a', status: 'manually_cancelled', outputUrl: null },
      { id: 'C1', templateId: 'tpl-a-child', status: 'manually_cancelled', outputUrl: null },
      { id: 'J2', templateId: 'tpl-b', status: 'manually_cancelled', outputUrl: 'https://cdn.example.com/j2.mp4' }
    ],
    ...overrides
  }
}

export function answered(overrides: Partial<AnsweredBatch> = {}): AnsweredBatch {
  const base = {
    batchId: BATCH,
    outcome: 'answered' as const,
    reply: reply(),
    notFound: false,
    earlierAttemptMayHaveActed: false,
    attempts: 1
  }
  const merged = { ...base, ...overrides }
  return {
    ...merged,
    facts: overrides.facts ?? replyFacts(merged.reply),
    record: overrides.record ?? Buffer.from(JSON.stringify(merged.reply))
  }
}

export function failed(problem: string, batchId = BATCH): FailedBatch {
  return { batchId, outcome: 'failed', problem, attempts: 1 }
}
