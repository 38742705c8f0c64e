import {
  COUNT,
  expectField,
  expectItems,
  MAX_BATCH_JOBS,
  oneOf,
  OPTIONAL_COUNT,
  OPTIONAL_TEXT,
  parseJsonObject,
  TEXT
} from './reply-checks.js'

/** The cancel endpoint's reply, as far as this action depends on it; other fields pass through untouched. */
export const CANCEL_STATUSES = ['cancelled', 'partial', 'unchanged'] as const
export type CancelStatus = (typeof CANCEL_STATUSES)[number]

export interface JobResult {
  id: string
  index?: number | null
  result?: string | null
  status?: string | null
  reason?: string | null
  [extra: string]: unknown
}

export interface CancelledJob {
  id: string
  templateId?: string | null
  status?: string | null
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

/** What each job's fields must hold; the reply's other fields pass through untouched. */
const JOB_RESULT_RULES = {
  id: TEXT,
  index: OPTIONAL_COUNT,
  result: OPTIONAL_TEXT,
  status: OPTIONAL_TEXT,
  reason: OPTIONAL_TEXT
}
const CANCELLED_JOB_RULES = { id: TEXT, templateId: OPTIONAL_TEXT, status: OPTIONAL_TEXT, outputUrl: OPTIONAL_TEXT }

/**
 * Parses the text of a cancel reply and checks every field the step reports; tolerates everything
 * else. `jobs` lists the batch's top-level jobs, so at most 1,000; `cancelledJobs` adds the cascaded
 * relatives, as many as the size cap on a reply lets through.
 */
export function parseCancelReply(text: string): CancelReply {
  const reply = parseJsonObject(text)
  expectField(reply, 'batchId', TEXT)
  expectField(reply, 'status', oneOf(CANCEL_STATUSES))
  for (const field of ['totalJobs', 'cancelledCount', 'skippedCount']) expectField(reply, field, COUNT)
  expectItems(reply, 'jobs', JOB_RESULT_RULES, MAX_BATCH_JOBS)
  expectItems(reply, 'cancelledJobs', CANCELLED_JOB_RULES)
  return reply as CancelReply
}
