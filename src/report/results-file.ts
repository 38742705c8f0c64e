import type { BatchResult } from '../nexrender/batch-result.js'

/**
 * What the results file holds, in input order: each batch's full reply (a 404 as the reported
 * `unchanged` record; in a dry run, the batch as read), and for a batch that failed, its id and the
 * error, so positions still match.
 */
export function resultsFileText(results: BatchResult[]): string {
  const records = results.map((result) =>
    result.outcome === 'answered'
      ? result.recordJson
      : JSON.stringify({ batchId: result.batchId, error: result.problem })
  )
  return `[${records.join(',')}]`
}
