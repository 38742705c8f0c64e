import { isDone, type BatchRecord } from './records.js'

/** Which of a pull request's recorded batches a cancel sends, and why the others are left. */
export interface BatchSelection {
  /** Open records to cancel now. */
  toCancel: BatchRecord[]
  /** Records whose cancel already answered: never sent again. */
  alreadyDone: BatchRecord[]
  /** With only-superseded: open records of the pull request's current head, left rendering. */
  current: BatchRecord[]
}

/**
 * Open records are cancelled; with `head` (only-superseded), only those recorded for another commit.
 * A record whose last cancel failed is open: it is tried again.
 */
export function selectBatches(records: BatchRecord[], head?: string): BatchSelection {
  const open = records.filter((record) => !isDone(record))
  return {
    toCancel: open.filter((record) => head === undefined || record.commit !== head),
    alreadyDone: records.filter(isDone),
    current: head === undefined ? [] : open.filter((record) => record.commit === head)
  }
}
