import {
  expectField,
  expectList,
  itemError,
  MAX_BATCH_JOBS,
  MAX_TEXT_LENGTH,
  OPTIONAL_COUNT,
  OPTIONAL_TEXT,
  parseJsonObject,
  TEXT
} from './reply-checks.js'

/** `GET /batches/{id}`, as far as a dry run depends on it; other fields pass through untouched. */
export interface BatchView {
  batchId: string
  jobs: Array<{
    id: string
    status: string
    index?: number | null
    outputUrl?: string | null
    [extra: string]: unknown
  }>
  [extra: string]: unknown
}

/** What each top-level job's fields must hold, as far as the prediction passes them on. */
export const VIEW_JOB_RULES = { id: TEXT, status: TEXT, index: OPTIONAL_COUNT, outputUrl: OPTIONAL_TEXT }

/** Parses the text of a batch view and checks every field the prediction takes from it. */
export function parseBatchView(text: string): BatchView {
  const view = parseJsonObject(text)
  expectField(view, 'batchId', TEXT)
  const jobs = expectList(view, 'jobs', MAX_BATCH_JOBS)
  // One plain pass with the tests inline, as the rules say them (see parseCancelReply for why).
  for (let index = 0; index < jobs.length; index++) {
    const job = jobs[index] as Record<string, unknown> | null
    if (typeof job !== 'object' || job === null || Array.isArray(job))
      throw itemError('jobs', index, job, VIEW_JOB_RULES)
    const { id, status, index: place, outputUrl } = job
    if (
      typeof id !== 'string' ||
      id.length > MAX_TEXT_LENGTH ||
      typeof status !== 'string' ||
      status.length > MAX_TEXT_LENGTH ||
      (typeof place === 'number'
        ? !(Number.isInteger(place) && place >= 0 && place <= MAX_BATCH_JOBS)
        : place !== undefined && place !== null) ||
      (typeof outputUrl === 'string'
        ? outputUrl.length > MAX_TEXT_LENGTH
        : outputUrl !== undefined && outputUrl !== null)
    ) {
      throw itemError('jobs', index, job, VIEW_JOB_RULES)
    }
  }
  return view as BatchView
}
