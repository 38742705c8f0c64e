/**
 * The cancel step's sweep, loaded on demand (a chunk of its own in the bundle): finds the records
 * comments of ours on the repository's pull requests, and which of their batches to cancel; after the
 * cancels, writes each pull request's outcomes back, one pull request at a time. Every pull request is
 * attempted whatever happens to the others; a problem on one is reported for it, and fails the step
 * at the end.
 */
import { calling, describeGitHubFailure } from '../github/github-failure.js'
import { counted } from '../helpers/counted.js'
import { errorMessage } from '../helpers/error-message.js'
import type { IssueComment } from '../github/github-api.js'
import type { Transport } from '../http/transport.js'
import type { SweepMode } from '../inputs/sweep-mode.js'
import type { BatchResult } from '../nexrender/batch-result.js'
import { connectToGitHub, type GitHubConnectionConfig } from '../records/github-connection.js'
import { outcomeChanges } from '../records/pull-request-batches.js'
import type { RecordsStore } from '../records/records-store.js'
import { listingIsComplete, ourCommentsByPullRequest, sweepSelection, sweepSince } from '../records/sweep.js'
import { sweepLogLines, type SweepReport, type SweptPullRequest } from '../report/sweep-report.js'

export interface SweepConfig extends GitHubConnectionConfig {
  mode: SweepMode
  days: number
  /** The web address of the GitHub server, for the pull requests' links. */
  serverUrl: string
}

export interface SweepPart {
  report: SweepReport
  /** The batches to send, each once, in pull request order. */
  batchIds: string[]
  /** The stores of the pull requests with batches to send, and their comments as read, for writing the outcomes back. */
  stores: Map<number, { store: RecordsStore; comments?: IssueComment[] }>
}

/** Finds what the sweep cancels. Never throws: a failure is in the report. */
export async function findSweepBatches(config: SweepConfig, info: (line: string) => void): Promise<SweepPart> {
  const counter = countingRequests(config.transport)
  const since = sweepSince(config.now(), config.days)
  const report: SweepReport = {
    mode: config.mode,
    days: config.days,
    since,
    found: 0,
    nothingOpen: 0,
    swept: [],
    get githubRequests() {
      return counter.count
    }
  }
  const stores: SweepPart['stores'] = new Map()
  try {
    const github = await connectToGitHub({ ...config, transport: counter.transport })
    const listed = await calling(`Listing the repository's comments updated since ${since}`, () =>
      github.api.listRepositoryComments(since)
    )
    const ours = ourCommentsByPullRequest(listed, github.viewer)
    const numbers = [...ours.keys()].sort((a, b) => a - b)
    report.found = numbers.length
    const pulls = await calling(`Reading the state of ${counted(numbers.length, 'pull request')}`, () =>
      github.api.pullRequests(numbers)
    )
    for (const number of numbers) {
      const pull = pulls.get(number)
      // Issues that are not pull requests, and open pull requests when only closed ones are swept.
      if (!pull || (pull.open && config.mode === 'closed')) {
        report.nothingOpen++
        continue
      }
      const swept: SweptPullRequest = {
        number,
        url: `${config.serverUrl}/${config.repository}/pull/${number}`,
        state: pull.merged ? 'merged' : pull.open ? 'open' : 'closed',
        head: pull.head,
        toCancel: [],
        current: [],
        unreadable: []
      }
      try {
        const store = github.store(number)
        const comments = ours.get(number) ?? []
        // The listing holds only comments updated within the window: read the rest when it may miss some.
        const complete = listingIsComplete(comments)
        const stored = await calling(`Reading the comments of pull request #${number}`, () =>
          complete ? store.read(comments) : store.read()
        )
        const selection = sweepSelection(pull, stored.records)
        Object.assign(swept, {
          commentUrl: stored.commentUrl,
          toCancel: selection.toCancel,
          current: selection.current,
          unreadable: stored.unreadable
        })
        if (selection.toCancel.length > 0) stores.set(number, { store, ...(complete ? { comments } : {}) })
      } catch (error) {
        swept.failure = errorMessage(error)
      }
      if (swept.toCancel.length > 0 || swept.failure || swept.unreadable.length > 0) report.swept.push(swept)
      else report.nothingOpen++
    }
  } catch (error) {
    report.listingFailure = `The sweep could not find the records: ${errorMessage(error)}`
  }
  for (const line of sweepLogLines(report)) info(line)
  const batchIds = [...new Set(report.swept.flatMap((pull) => pull.toCancel.map((record) => record.batchId)))]
  return { report, batchIds, stores }
}

/** Writes each swept pull request's outcomes back, one at a time; a failure is reported for that pull request. */
export async function writeSweepOutcomes(part: SweepPart, results: BatchResult[], at: Date): Promise<void> {
  for (const pull of part.report.swept) {
    const { store, comments } = part.stores.get(pull.number) ?? {}
    if (!store) continue
    const changes = outcomeChanges(new Set(pull.toCancel.map((record) => record.batchId)), results, at)
    if (changes.length === 0) continue
    try {
      const stored = await store.write(changes, comments)
      pull.commentUrl = stored.commentUrl
    } catch (error) {
      pull.failure = describeGitHubFailure(
        error,
        `The cancels happened, but the outcomes could not be written into the comment of pull request #${pull.number}`
      )
    }
  }
}

/** A transport that counts the requests sent through it. */
function countingRequests(transport: Transport): { transport: Transport; count: number } {
  const counter = {
    count: 0,
    transport: (request: Parameters<Transport>[0]) => {
      counter.count++
      return transport(request)
    }
  }
  return counter
}
