/**
 * The cancel action's pull-request part, loaded on demand (a chunk of its own in the bundle): a plain
 * cancel never pays for Octokit at start-up.
 */
import type { BatchResult } from '../nexrender/batch-result.js'
import { calling } from '../github/github-failure.js'
import { openRecordsStore, type GitHubConnectionConfig } from './records-connection.js'
import type { RecordChange } from './records.js'
import type { RecordsStore, StoredRecords } from './records-store.js'
import { selectBatches, type BatchSelection } from './select-batches.js'

export interface PullRequestLookupConfig extends GitHubConnectionConfig {
  pullRequest: number
  onlySuperseded: boolean
  /** The head commit the event carries for this pull request, if it does. */
  eventHead?: string
}

export interface PullRequestBatches extends BatchSelection, StoredRecords {
  /** With only-superseded, the head commit the selection kept. */
  head?: string
  store: RecordsStore
}

export async function lookUpPullRequestBatches(config: PullRequestLookupConfig): Promise<PullRequestBatches> {
  const { pullRequest } = config
  const { api, store } = await openRecordsStore(config, pullRequest)
  const stored = await calling(`Reading the comments of pull request #${pullRequest}`, () => store.read())
  const head = config.onlySuperseded
    ? (config.eventHead ??
      (await calling(`Reading the head commit of pull request #${pullRequest}`, () =>
        api.pullRequestHead(pullRequest)
      )))
    : undefined
  return { ...stored, ...selectBatches(stored.records, head), head, store }
}

/**
 * Writes what became of the recorded batches into the comment: an answer makes the batch done, a
 * failure keeps it open with the time it failed; a batch never sent is left as it was.
 */
export async function recordCancelOutcomes(
  batches: PullRequestBatches,
  results: BatchResult[],
  at: string
): Promise<StoredRecords> {
  const recorded = new Set(batches.records.map((record) => record.batchId))
  const changes = results.flatMap((result): RecordChange[] => {
    if (!recorded.has(result.batchId)) return []
    if (result.outcome === 'answered')
      return [{ kind: 'cancelled', batchId: result.batchId, status: result.reply.status, at }]
    return result.interruption === 'not attempted' ? [] : [{ kind: 'cancel-failed', batchId: result.batchId, at }]
  })
  if (changes.length === 0) return batches
  return calling(`Writing the outcomes into the comment of pull request #${batches.store.pullRequest}`, () =>
    batches.store.write(changes)
  )
}
