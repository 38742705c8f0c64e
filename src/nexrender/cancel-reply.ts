import {
  COUNT,
  expectField,
  expectList,
  itemError,
  MAX_BATCH_JOBS,
  MAX_TEXT_LENGTH,
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

/** What each job's fields must hold, in words; the reply's other fields pass through untouched. */
export const JOB_RESULT_RULES = {
  id: TEXT,
  index: OPTIONAL_COUNT,
  result: OPTIONAL_TEXT,
  status: OPTIONAL_TEXT,
  reason: OPTIONAL_TEXT
}
export const CANCELLED_JOB_RULES = {
  id: TEXT,
  templateId: OPTIONAL_TEXT,
  status: OPTIONAL_TEXT,
  outputUrl: OPTIONAL_TEXT
}

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
  const jobs = expectList(reply, 'jobs', MAX_BATCH_JOBS)
  const cancelledJobs = expectList(reply, 'cancelledJobs')
  // One plain pass per list with every test inline, as the rules above say them: a call per item or
  // per field would be hot enough in a 1,000-job reply for V8 to compile it, which costs more than
  // the checks. A failure is then named by the rules (and a test holds the two in step).
  for (let index = 0; index < jobs.length; index++) {
    const job = jobs[index] as Record<string, unknown> | null
    if (typeof job !== 'object' || job === null || Array.isArray(job))
      throw itemError('jobs', index, job, JOB_RESULT_RULES)
    const { id, index: place, result, status, reason } = job
    if (
      typeof id !== 'string' ||
      id.length > MAX_TEXT_LENGTH ||
      (typeof place === 'number'
        ? !(Number.isInteger(place) && place >= 0 && place <= MAX_BATCH_JOBS)
        : place !== undefined && place !== null) ||
      (typeof result === 'string' ? result.length > MAX_TEXT_LENGTH : result !== undefined && result !== null) ||
      (typeof status === 'string' ? status.length > MAX_TEXT_LENGTH : status !== undefined && status !== null) ||
      (typeof reason === 'string' ? reason.length > MAX_TEXT_LENGTH : reason !== undefined && reason !== null)
    ) {
      throw itemError('jobs', index, job, JOB_RESULT_RULES)
    }
  }
  for (let index = 0; index < cancelledJobs.length; index++) {
    const job = cancelledJobs[index] as Record<string, unknown> | null
    if (typeof job !== 'object' || job === null || Array.isArray(job)) {
      throw itemError('cancelledJobs', index, job, CANCELLED_JOB_RULES)
    }
    const { id, templateId, status, outputUrl } = job
    if (
      typeof id !== 'string' ||
      id.length > MAX_TEXT_LENGTH ||
      (typeof templateId === 'string'
        ? templateId.length > MAX_TEXT_LENGTH
        : templateId !== undefined && templateId !== null) ||
      (typeof status === 'string' ? status.length > MAX_TEXT_LENGTH : status !== undefined && status !== null) ||
      (typeof outputUrl === 'string'
        ? outputUrl.length > MAX_TEXT_LENGTH
        : outputUrl !== undefined && outputUrl !== null)
    ) {
      throw itemError('cancelledJobs', index, job, CANCELLED_JOB_RULES)
    }
  }
  return reply as CancelReply
}
