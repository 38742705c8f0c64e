import pMap from 'p-map'
import { runBatchOperation, type BatchContext, type BatchOperation } from './batch-operation.js'
import type { BatchResult } from './batch-result.js'

/** At most this many requests are in flight at once, unless the caller says otherwise. */
export const MAX_IN_FLIGHT = 4

/** Runs the operation on every batch whatever happens to the others, and returns the results in input order. */
export function runBatches(
  batchIds: string[],
  operation: BatchOperation,
  context: BatchContext,
  concurrency = MAX_IN_FLIGHT
): Promise<BatchResult[]> {
  return pMap(batchIds, (batchId) => runBatchOperation(batchId, operation, context), { concurrency })
}
