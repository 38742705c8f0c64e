import type { BatchResult } from '../nexrender/batch-result.js'

/**
 * What the results file holds, as the pieces to write in turn: a JSON array, in input order, of each
 * batch's full reply as the API sent it (a 404 as the reported `unchanged` record; in a dry run, the
 * batch as read), and for a batch that failed, its id and the error, so positions still match.
 */
export function resultsFileParts(results: BatchResult[]): Buffer[] {
  const parts: Buffer[] = [Buffer.from('[')]
  for (const [index, result] of results.entries()) {
    if (index > 0) parts.push(Buffer.from(','))
    parts.push(
      result.outcome === 'answered'
        ? result.record
        : Buffer.from(JSON.stringify({ batchId: result.batchId, error: result.problem }))
    )
  }
  parts.push(Buffer.from(']'))
  return parts
}
