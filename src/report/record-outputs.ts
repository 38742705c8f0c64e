import type { StoredRecords } from '../records/records-store.js'

/** The record step's outputs, by their `record/action.yml` names. */
export const RECORD_OUTPUT_NAMES = ['comment-url', 'recorded-batch-ids'] as const
export type RecordOutputs = Record<(typeof RECORD_OUTPUT_NAMES)[number], string>

/** The comment's address, and every batch recorded on the pull request after this step. */
export function recordOutputs(stored: StoredRecords): RecordOutputs {
  return {
    'comment-url': stored.commentUrl ?? '',
    'recorded-batch-ids': JSON.stringify(stored.records.map((record) => record.batchId))
  }
}
