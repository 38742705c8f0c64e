/**
 * The cancel step's pull-request part, loaded on demand (a chunk of its own in the bundle), so that a
 * plain cancel never pays for the GitHub client at start-up: the records are read before the cancels,
 * and the outcomes written after. Neither throws: a failure is reported, and the step goes on.
 */
import { errorMessage } from '../helpers/error-message.js'
import type { BatchResult } from '../nexrender/batch-result.js'
import { pullRequestLogLines, type PullRequestReport } from '../report/pull-request-report.js'
import {
  lookUpPullRequestBatches,
  noBatches,
  recordCancelOutcomes,
  type PullRequestLookupConfig
} from '../records/pull-request-batches.js'
import type { RecordsStore } from '../records/records-store.js'

/** A pull request's part in the run: the report, and the store of its records (absent if they could not be read). */
export interface PullRequestPart {
  report: PullRequestReport
  store?: RecordsStore
}

/**
 * Reads the batches recorded on the pull request. If that fails, the batches given by id are still
 * cancelled, and the step then fails naming the lookup.
 */
export async function lookUpPullRequest(
  config: PullRequestLookupConfig,
  info: (line: string) => void
): Promise<PullRequestPart> {
  const number = config.pullRequest
  try {
    const { batches, store } = await lookUpPullRequestBatches(config)
    for (const line of pullRequestLogLines(batches)) info(line)
    return { report: batches, store }
  } catch (error) {
    const lookupFailure = `Could not read the batches recorded on pull request #${number}: ${errorMessage(error)}`
    info(lookupFailure)
    return { report: { ...noBatches(number), lookupFailure } }
  }
}

/**
 * Writes the outcomes into the pull request's comment, and returns the report with the comment as
 * written; if that fails the cancels still stand, with a warning.
 */
export async function writeOutcomes(
  { report, store }: PullRequestPart,
  results: BatchResult[],
  warn: (message: string) => void
): Promise<PullRequestReport> {
  if (!store) return report
  try {
    const { commentUrl } = await recordCancelOutcomes(store, report, results, new Date())
    return { ...report, commentUrl }
  } catch (error) {
    warn(`The cancels happened, but the pull request's comment could not be updated: ${errorMessage(error)}`)
    return { ...report, updateFailure: errorMessage(error) }
  }
}
