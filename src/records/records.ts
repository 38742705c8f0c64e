import type { CancelStatus } from '../nexrender/cancel-reply.js'

/**
 * What the pull request's comment remembers of one batch: the render it came from, and what became of
 * the cancel. A batch with a `cancel` is done: later runs never send it again.
 */
export interface BatchRecord {
  batchId: string
  /** The commit the render was made for. */
  commit: string
  /** The workflow run that recorded it. */
  runUrl?: string
  /** ISO time, to the second (see `isoSeconds`). */
  recordedAt: string
  /** The cancel's outcome, once a cancel answered. */
  cancel?: { status: CancelStatus; at: string }
  /** The last cancel that failed (ISO time); the batch stays open and is tried again. */
  failedAt?: string
}

/** A change a step makes to the records; several steps may make theirs at once. */
export type RecordChange =
  | { kind: 'record'; record: BatchRecord }
  | { kind: 'cancelled'; batchId: string; status: CancelStatus; at: string }
  | { kind: 'cancel-failed'; batchId: string; at: string }

export function isDone(record: BatchRecord): boolean {
  return record.cancel !== undefined
}

/**
 * Two views of the same batch made one. The merge is the same whichever comes first, so writers that
 * merge what they read always agree: the earliest recording stands, a cancel outcome beats none (the
 * later of two wins), and the latest failure is kept.
 */
function mergeRecord(a: BatchRecord, b: BatchRecord): BatchRecord {
  const [first, second] = compareRecorded(a, b) <= 0 ? [a, b] : [b, a]
  const cancel = latest(first.cancel, second.cancel)
  const failedAt = [first.failedAt, second.failedAt]
    .filter((at) => at !== undefined)
    .sort()
    .at(-1)
  const merged: BatchRecord = { batchId: first.batchId, commit: first.commit, recordedAt: first.recordedAt }
  const runUrl = first.runUrl ?? second.runUrl
  if (runUrl !== undefined) merged.runUrl = runUrl
  if (cancel) merged.cancel = cancel
  if (failedAt !== undefined) merged.failedAt = failedAt
  return merged
}

function latest<T extends { at: string }>(a: T | undefined, b: T | undefined): T | undefined {
  if (!a || !b) return a ?? b
  return a.at >= b.at ? a : b
}

function compareRecorded(a: BatchRecord, b: BatchRecord): number {
  return (
    a.recordedAt.localeCompare(b.recordedAt) ||
    a.commit.localeCompare(b.commit) ||
    (a.runUrl ?? '').localeCompare(b.runUrl ?? '')
  )
}

/** Every batch once, merged across the lists, oldest recording first. */
export function mergeRecords(...lists: BatchRecord[][]): BatchRecord[] {
  const byBatch = new Map<string, BatchRecord>()
  for (const record of lists.flat()) {
    const known = byBatch.get(record.batchId)
    byBatch.set(record.batchId, known ? mergeRecord(known, record) : record)
  }
  return [...byBatch.values()].sort((a, b) => compareRecorded(a, b) || a.batchId.localeCompare(b.batchId))
}

/** The records with the changes made. Recording a batch that is already there keeps one record. */
export function applyChanges(records: BatchRecord[], changes: RecordChange[]): BatchRecord[] {
  const added = changes.flatMap((change) => (change.kind === 'record' ? [change.record] : []))
  return mergeRecords(records, added).map((record) => {
    let changed = record
    for (const change of changes) {
      if (change.kind === 'record' || change.batchId !== record.batchId) continue
      const update: BatchRecord =
        change.kind === 'cancelled'
          ? { ...record, cancel: { status: change.status, at: change.at } }
          : { ...record, failedAt: change.at }
      changed = mergeRecord(changed, update)
    }
    return changed
  })
}

/** Whether the records already hold every change (another step's later outcome counts too). */
export function holdsChanges(records: BatchRecord[], changes: RecordChange[]): boolean {
  const byBatch = new Map(records.map((record) => [record.batchId, record]))
  return changes.every((change) => {
    const record = byBatch.get(change.kind === 'record' ? change.record.batchId : change.batchId)
    if (!record) return false
    if (change.kind === 'record') return true
    if (change.kind === 'cancelled') return record.cancel !== undefined && record.cancel.at >= change.at
    return record.cancel !== undefined || (record.failedAt !== undefined && record.failedAt >= change.at)
  })
}
