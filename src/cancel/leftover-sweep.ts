/**
 * The cancel step's sweep, loaded on demand (a chunk of its own in the bundle): finds the records
 * comments of ours on the repository's pull requests, and which of their batches to cancel; after the
 * cancels, writes each pull request's outcomes back, one pull request at a time. Every pull request is
 * attempted whatever happens to the others; a problem on one is reported for it, and fails the step
 * at the end. Each phase returns what it found or did; the report is made of them at the end.
 */
import type { IssueComment, PullRequestState } from '../github/github-api.js'
import { calling, describeGitHubFailure } from '../github/github-failure.js'
import { counted } from '../helpers/counted.js'
import { errorMessage } from '../helpers/error-message.js'
import { RequestCounter } from '../http/request-counter.js'
import type { SweepMode } from '../inputs/sweep-mode.js'
import type { BatchResult } from '../nexrender/batch-result.js'
import { connectToGitHub, type GitHubConnection, type GitHubConnectionConfig } from '../records/github-connection.js'
import { noBatches, outcomeChanges } from '../records/pull-request-batches.js'
import type { RecordsStore } from '../records/records-store.js'
import { listingIsComplete, ourCommentsByPullRequest, sweepSelection, sweepSince } from '../records/sweep.js'
import { sweepLogLines, unresolvedWarning, type SweepReport, type SweptPullRequest } from '../report/sweep-report.js'

export interface SweepConfig extends GitHubConnectionConfig {
  mode: SweepMode
  days: number
  /** The web address of the GitHub server, for the pull requests' links. */
  serverUrl: string
}

/** A pull request the sweep acts on, and where its outcomes go: its store, and its comments as listed. */
interface SweptPull {
  report: SweptPullRequest
  writeBack?: { store: RecordsStore; listed?: IssueComment[] }
}

/** What the sweep found, before the cancels. */
export interface SweepPart {
  /** The report but for the pull requests and the requests made. */
  window: Omit<SweepReport, 'swept' | 'githubRequests'>
  pulls: SweptPull[]
  /** The batches to send, each once, in pull request order. */
  batchIds: string[]
  /** Counts the GitHub requests of every phase. */
  requests: RequestCounter
}

/** Finds what the sweep cancels. Never throws: a failure is in the report. */
export async function findSweepBatches(config: SweepConfig, info: (line: string) => void): Promise<SweepPart> {
  const requests = new RequestCounter(config.transport)
  const since = sweepSince(config.now(), config.days)
  const window = { mode: config.mode, days: config.days, since, found: 0, nothingOpen: 0, unresolved: [] }
  const found = await findPulls(config, requests, window).catch((error: unknown) => ({
    window: { ...window, listingFailure: `The sweep could not find the records: ${errorMessage(error)}` },
    pulls: []
  }))
  const part = { ...found, requests, batchIds: batchIdsOf(found.pulls) }
  for (const line of sweepLogLines(sweepReport(part))) info(line)
  const unresolved = unresolvedWarning(found.window)
  if (unresolved) config.warn(unresolved)
  return part
}

/** The records comments of ours updated within the window, and the pull requests they are on. */
async function findPulls(
  config: SweepConfig,
  requests: RequestCounter,
  window: SweepPart['window']
): Promise<Pick<SweepPart, 'window' | 'pulls'>> {
  const github = await connectToGitHub({ ...config, transport: requests.transport })
  const listed = await calling(`Listing the repository's comments updated since ${window.since}`, () =>
    github.api.listRepositoryComments(window.since)
  )
  const ours = ourCommentsByPullRequest(listed, github.viewer)
  const numbers = [...ours.keys()].sort((a, b) => a - b)
  const states = await calling(`Reading the state of ${counted(numbers.length, 'pull request')}`, () =>
    github.api.pullRequests(numbers)
  )
  const pulls: SweptPull[] = []
  for (const number of numbers) {
    const pull = await lookAt(github, config, states.found.get(number), ours.get(number) ?? [])
    if (pull) pulls.push(pull)
  }
  const { unresolved } = states
  const nothingOpen = numbers.length - pulls.length - unresolved.length
  return { window: { ...window, found: numbers.length, nothingOpen, unresolved }, pulls }
}

/**
 * One pull request: what it has to cancel, or a problem; undefined when it has nothing (issues that
 * are not pull requests, open pull requests when only closed ones are swept, nothing open).
 */
async function lookAt(
  github: GitHubConnection,
  config: SweepConfig,
  pull: PullRequestState | undefined,
  comments: IssueComment[]
): Promise<SweptPull | undefined> {
  if (!pull || (pull.open && config.mode === 'closed')) return undefined
  const { number } = pull
  const found: SweptPullRequest = {
    ...noBatches(number),
    url: `${config.serverUrl}/${config.repository}/pull/${number}`,
    state: pull.merged ? 'merged' : pull.open ? 'open' : 'closed',
    head: pull.head
  }
  try {
    const store = github.store(number)
    // The listing holds only comments updated within the window: read the rest when it may miss some.
    const complete = listingIsComplete(comments)
    const stored = await calling(`Reading the comments of pull request #${number}`, () =>
      complete ? store.read(comments) : store.read()
    )
    const report = { ...found, ...stored, ...sweepSelection(pull, stored.records) }
    if (report.toCancel.length === 0 && report.unreadable.length === 0) return undefined
    return {
      report,
      ...(report.toCancel.length > 0 ? { writeBack: { store, ...(complete ? { listed: comments } : {}) } } : {})
    }
  } catch (error) {
    return { report: { ...found, failure: errorMessage(error) } }
  }
}

/** Writes each swept pull request's outcomes back, one at a time; a failure is reported for that pull request. */
export async function writeSweepOutcomes(part: SweepPart, results: BatchResult[], at: Date): Promise<SweepPart> {
  const pulls: SweptPull[] = []
  for (const pull of part.pulls) pulls.push(await writeBack(pull, results, at))
  return { ...part, pulls }
}

async function writeBack(pull: SweptPull, results: BatchResult[], at: Date): Promise<SweptPull> {
  const { report, writeBack } = pull
  if (!writeBack) return pull
  const changes = outcomeChanges(report.toCancel, results, at)
  if (changes.length === 0) return pull
  try {
    const stored = await writeBack.store.write(changes, writeBack.listed)
    return { ...pull, report: { ...report, commentUrl: stored.commentUrl } }
  } catch (error) {
    const failure = describeGitHubFailure(
      error,
      `The cancels happened, but the outcomes could not be written into the comment of pull request #${report.number}`
    )
    return { ...pull, report: { ...report, failure } }
  }
}

/** The sweep's report, with the GitHub requests made so far. */
export function sweepReport(part: SweepPart): SweepReport {
  return { ...part.window, swept: part.pulls.map((pull) => pull.report), githubRequests: part.requests.count }
}

function batchIdsOf(pulls: SweptPull[]): string[] {
  return [...new Set(pulls.flatMap((pull) => pull.report.toCancel.map((record) => record.batchId)))]
}
