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
  recordCancelOutcomes,
  type PullRequestBatches,
  type PullRequestLookupConfig
} from '../records/pull-request-batches.js'

/** A pull request's part in the run: its records as read (absent if they could not be), and the report. */
export interface PullRequestPart {
  batches?: PullRequestBatches
  report: PullRequestReport
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
    const batches = await lookUpPullRequestBatches(config)
    const { commentUrl, records, toCancel, alreadyDone, current, head, unreadable } = batches
    const report: PullRequestReport = {
      number,
      commentUrl,
      recorded: records,
      toCancel,
      alreadyDone,
      current,
      head,
      unreadable
    }
    for (const line of pullRequestLogLines(report)) info(line)
    return { batches, report }
  } catch (error) {
    const lookupFailure = `Could not read the batches recorded on pull request #${number}: ${errorMessage(error)}`
    info(lookupFailure)
    return {
      report: { number, lookupFailure, recorded: [], toCancel: [], alreadyDone: [], current: [], unreadable: [] }
    }
  }
}

/** Writes the outcomes into the pull request's comment; if that fails the cancels still stand, with a warning. */
export async function writeOutcomes(
  part: PullRequestPart,
  results: BatchResult[],
  warn: (message: string) => void
): Promise<void> {
  if (!part.batches) return
  try {
    part.report.commentUrl = (await recordCancelOutcomes(part.batches, results, new Date())).commentUrl
  } catch (error) {
    part.report.updateFailure = errorMessage(error)
    warn(`The cancels happened, but the pull request's comment could not be updated: ${errorMessage(error)}`)
  }
}
