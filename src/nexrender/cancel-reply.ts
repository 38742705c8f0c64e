import { expectCount, expectItemsWith, expectOneOf, expectString, parseJsonObject } from './reply-checks.js'

/** The cancel endpoint's reply, as far as this action depends on it; other fields pass through untouched. */
export const CANCEL_STATUSES = ['cancelled', 'partial', 'unchanged'] as const
export type CancelStatus = (typeof CANCEL_STATUSES)[number]

export interface JobResult {
  id: string
  index?: number
  result?: string
  status?: string
  reason?: string
  [extra: string]: unknown
}

export interface CancelledJob {
  id: string
  templateId?: string
  status?: string
  outputUrl?: string | null
  [extra: string]: unknown
}

export interface CancelReply {
  batchId: string
  status: CancelStatus
  totalJobs: number
  cancelledCount: number
  skippedCount: number
  jobs: JobResult[]
  cancelledJobs: CancelledJob[]
  [extra: string]: unknown
}

/** Parses a cancel reply and checks the fields the step depends on; tolerates everything else. */
export function parseCancelReply(body: string): CancelReply {
  const reply = parseJsonObject(body)
  expectString(reply, 'batchId')
  expectOneOf(reply, 'status', CANCEL_STATUSES)
  for (const field of ['totalJobs', 'cancelledCount', 'skippedCount']) expectCount(reply, field)
  for (const field of ['jobs', 'cancelledJobs']) expectItemsWith(reply, field, ['id'])
  return reply as CancelReply
}
