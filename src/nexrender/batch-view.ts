import {
  expectField,
  expectItems,
  MAX_BATCH_JOBS,
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
const VIEW_JOB_RULES = { id: TEXT, status: TEXT, index: OPTIONAL_COUNT, outputUrl: OPTIONAL_TEXT }

/** Parses the text of a batch view and checks every field the prediction takes from it. */
export function parseBatchView(text: string): BatchView {
  const view = parseJsonObject(text)
  expectField(view, 'batchId', TEXT)
  expectItems(view, 'jobs', VIEW_JOB_RULES, MAX_BATCH_JOBS)
  return view as BatchView
}
