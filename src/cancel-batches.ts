import pMap from 'p-map'
import type { BatchResult } from './batch-result.js'
import { cancelBatch, type CancelContext } from './cancel-batch.js'

/** At most this many cancel requests are in flight at once. */
export const MAX_IN_FLIGHT = 4

/** Attempts every batch whatever happens to the others, and returns the results in input order. */
export function cancelBatches(batchIds: string[], context: CancelContext): Promise<BatchResult[]> {
  return pMap(batchIds, (batchId) => cancelBatch(batchId, context), { concurrency: MAX_IN_FLIGHT })
}
