import { calling } from '../github/github-failure.js'
import type { BatchResult } from '../nexrender/batch-result.js'
import { connectToGitHub, type GitHubConnectionConfig } from './github-connection.js'
import { recordTime, type RecordChange } from './records.js'
import type { RecordsStore, StoredRecords } from './records-store.js'
import { selectBatches, type BatchSelection } from './select-batches.js'

export interface PullRequestLookupConfig extends GitHubConnectionConfig {
  pullRequest: number
  onlySuperseded: boolean
}

export interface PullRequestBatches extends BatchSelection, StoredRecords {
  /** With only-superseded, the pull request's live head, which the selection kept. */
  head?: string
  store: RecordsStore
}

/**
 * The batches recorded on the pull request, and which to cancel. With only-superseded, "superseded"
 * is judged against the head GitHub reports now, read after the records, never the event's: a late
 * or re-run synchronize run must not cancel the newest push's renders.
 */
export async function lookUpPullRequestBatches(config: PullRequestLookupConfig): Promise<PullRequestBatches> {
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
  return { ...stored, ...selectBatches(stored.records, head), head, store }
}

/**
 * What became of the recorded batches, as changes to the records: an answer makes the batch done, a
 * failure keeps it open with the time it failed; a batch never sent is left as it was.
 */
export function outcomeChanges(recorded: Set<string>, results: BatchResult[], at: Date): RecordChange[] {
  const time = recordTime(at)
  return results.flatMap((result): RecordChange[] => {
    if (!recorded.has(result.batchId)) return []
    if (result.outcome === 'answered')
      return [{ kind: 'cancelled', batchId: result.batchId, status: result.reply.status, at: time }]
    return result.interruption === 'not attempted' ? [] : [{ kind: 'cancel-failed', batchId: result.batchId, at: time }]
  })
}

/** Writes the outcomes into the pull request's records. */
export async function recordCancelOutcomes(
  batches: PullRequestBatches,
  results: BatchResult[],
  at: Date
): Promise<StoredRecords> {
  const changes = outcomeChanges(new Set(batches.records.map((record) => record.batchId)), results, at)
  if (changes.length === 0) return batches
  return calling(`Writing the outcomes into the comment of pull request #${batches.store.pullRequest}`, () =>
    batches.store.write(changes)
  )
}
