import { calling } from '../github/github-failure.js'
import { isoSeconds } from '../helpers/iso-seconds.js'
import type { BatchResult } from '../nexrender/batch-result.js'
import { connectToGitHub, type GitHubConnectionConfig } from './github-connection.js'
import type { BatchRecord, RecordChange } from './records.js'
import type { RecordsStore, StoredRecords } from './records-store.js'
import { selectBatches, type BatchSelection } from './select-batches.js'

export interface PullRequestLookupConfig extends GitHubConnectionConfig {
  pullRequest: number
  onlySuperseded: boolean
}

/**
 * What a pull request's records hold, and which of their batches a cancel sends: one shape for the
 * cleanup, the sweep and their reports.
 */
export interface PullRequestBatches extends StoredRecords, BatchSelection {
  number: number
  /** The pull request's live head, when it is known (with only-superseded, and in a sweep). */
  head?: string
}

/** A pull request whose records were nothing or could not be read: nothing to send. */
export function noBatches(number: number): PullRequestBatches {
  return { number, records: [], toCancel: [], alreadyDone: [], current: [], unreadable: [] }
}

/**
 * The batches recorded on the pull request, and which to cancel, with the store that writes their
 * outcomes back. With only-superseded, "superseded" is judged against the head GitHub reports now,
 * read after the records, never the event's: a late or re-run synchronize run must not cancel the
 * newest push's renders.
 */
export async function lookUpPullRequestBatches(
  config: PullRequestLookupConfig
): Promise<{ batches: PullRequestBatches; store: RecordsStore }> {
  const { pullRequest } = config
  const connection = await connectToGitHub(config)
  const store = connection.store(pullRequest)
  const stored = await calling(`Reading the comments of pull request #${pullRequest}`, () => store.read())
  const head = config.onlySuperseded
    ? (
        await calling(`Reading the head commit of pull request #${pullRequest}`, () =>
          connection.api.pullRequest(pullRequest)
        )
      ).head
    : undefined
  const batches = { number: pullRequest, ...stored, ...selectBatches(stored.records, head), head }
  return { batches, store }
}

/**
 * What became of the recorded batches, as changes to the records: an answer makes the batch done, a
 * failure keeps it open with the time it failed; a batch never sent is left as it was. A batch the
 * API said it does not know again, after a failure was already written, is left as it was too: a
 * comment that is not rewritten leaves the sweep's window in time, instead of being tried every night.
 */
export function outcomeChanges(records: BatchRecord[], results: BatchResult[], at: Date): RecordChange[] {
  const byBatch = new Map(records.map((record) => [record.batchId, record]))
  const time = isoSeconds(at)
  return results.flatMap((result): RecordChange[] => {
    const record = byBatch.get(result.batchId)
    if (!record) return []
    if (result.outcome === 'answered')
      return [{ kind: 'cancelled', batchId: result.batchId, status: result.reply.status, at: time }]
    if (result.interruption === 'not attempted') return []
    if (result.notFound && record.failedAt !== undefined) return []
    return [{ kind: 'cancel-failed', batchId: result.batchId, at: time }]
  })
}

/** Writes the outcomes into the pull request's records; the records as they were when there is nothing to write. */
export async function recordCancelOutcomes(
  store: RecordsStore,
  stored: StoredRecords,
  results: BatchResult[],
  at: Date
): Promise<StoredRecords> {
  const changes = outcomeChanges(stored.records, results, at)
  if (changes.length === 0) return stored
  return calling(`Writing the outcomes into the comment of pull request #${store.pullRequest}`, () =>
    store.write(changes)
  )
}
