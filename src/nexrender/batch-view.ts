import { expectItemsWith, expectString, parseJsonObject } from './reply-checks.js'

/** `GET /batches/{id}`, as far as a dry run depends on it; other fields pass through untouched. */
export interface BatchView {
  batchId: string
  jobs: Array<{ id: string; status: string; index?: number; outputUrl?: string | null; [extra: string]: unknown }>
  [extra: string]: unknown
}

/** Parses a batch view and checks what the prediction needs: the batch id and each job's id and status. */
export function parseBatchView(body: string): BatchView {
  const view = parseJsonObject(body)
  expectString(view, 'batchId')
  expectItemsWith(view, 'jobs', ['id', 'status'])
  return view as BatchView
}
