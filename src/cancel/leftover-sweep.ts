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
import { readRecordsPart } from '../records/records-format.js'
import { latestChange, type RecordsStore } from '../records/records-store.js'
import { mergeRecords } from '../records/records.js'
import { listingIsComplete, ourCommentsByPullRequest, sweepSelection, sweepSince } from '../records/sweep.js'
import { sweepLogLines, unresolvedWarning, type SweepReport, type SweptPullRequest } from '../report/sweep-report.js'

export interface SweepConfig extends GitHubConnectionConfig {
  mode: SweepMode
  days: number
  /** The most GitHub requests this run makes: the pull requests past it are left for the next run. */
  requestBudget: number
  /** The web address of the GitHub server, for the pull requests' links. */
  serverUrl: string
}

/** A pull request the sweep acts on, and where its outcomes go: its store, and its comments as listed. */
interface SweptPull {
  report: SweptPullRequest
  /** `anchor`: the latest change the repository's listing held, by GitHub's clock. */
  writeBack?: { store: RecordsStore; listed?: IssueComment[]; anchor?: string }
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

/**
 * What writing one pull request's outcomes back costs: the lease's 👀 and its removal, its comment
 * read by id, the update; three of them content-creating.
 */
export const WRITE_BACK_REQUESTS = 4
export const WRITE_BACK_CREATING = 3
/**
 * The most content-creating requests one run sends: under GitHub's 500 an hour, with room for the
 * record steps and cleanups of the same hour. (Sent a second apart, they stay within its 80 a minute.)
 */
export const MAX_SWEEP_CREATING = 300

/** Writes lines to the log, folded under a title that shows when the group is closed. */
export type LogGroup = (title: string, lines: string[]) => void

/** Finds what the sweep cancels. Never throws: a failure is in the report. */
export async function findSweepBatches(config: SweepConfig, group: LogGroup): Promise<SweepPart> {
  const requests = new RequestCounter(config.transport)
  const since = sweepSince(config.now(), config.days)
  const window = {
    mode: config.mode,
    days: config.days,
    since,
    found: 0,
    nothingOpen: 0,
    unresolved: [],
    budget: config.requestBudget,
    left: 0
  }
  const found = await findPulls(config, requests, window).catch((error: unknown) => ({
    window: { ...window, listingFailure: `The sweep could not find the records: ${errorMessage(error)}` },
    pulls: []
  }))
  const part = { ...found, requests, batchIds: batchIdsOf(found.pulls) }
  // The headline, with a line a pull request folded under it: a sweep may find hundreds.
  const [headline = '', ...lines] = sweepLogLines(sweepReport(part))
  group(headline, lines)
  const unresolved = unresolvedWarning(found.window)
  if (unresolved) config.warn(unresolved)
  if (found.window.left > 0 && found.pulls.length === 0)
    config.warn(
      `The sweep's budget of ${config.requestBudget} GitHub requests went on finding the records (${requests.count} requests): ` +
        `no pull request could be swept. Raise sweep-budget, or lower sweep-days so that fewer comments are listed.`
    )
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
  const numbers = oldestFirst(ours)
  const anchor = latestChange(listed)
  const states = await calling(`Reading the state of ${counted(numbers.length, 'pull request')}`, () =>
    github.api.pullRequests(numbers)
  )
  const pulls: SweptPull[] = []
  // The writes are counted ahead: a pull request is taken on only while its outcomes can be written back
  // within the budget; the rest are left as they are, for the next run.
  let writeBacks = 0
  const fits = (writes: number) =>
    requests.count + writes * WRITE_BACK_REQUESTS <= config.requestBudget &&
    writes * WRITE_BACK_CREATING <= MAX_SWEEP_CREATING
  let stopped = numbers.length
  for (const [index, number] of numbers.entries()) {
    if (!fits(writeBacks + 1)) {
      stopped = index
      break
    }
    const pull = await lookAt(github, config, states.found.get(number), ours.get(number) ?? [], anchor)
    if (!pull) continue
    // Its own reading may have taken what its writing needed: then it waits for the next run with the rest.
    if (!fits(writeBacks + (pull.writeBack ? 1 : 0))) {
      stopped = index
      break
    }
    pulls.push(pull)
    if (pull.writeBack) writeBacks++
  }
  const left = leftovers(config, numbers.slice(stopped), states.found, ours)
  const looked = new Set(numbers.slice(0, stopped))
  const { unresolved } = states
  const nothingOpen = looked.size - pulls.length - unresolved.filter((number) => looked.has(number)).length
  // Taken oldest leftovers first; sent and reported in the order of their numbers.
  pulls.sort((a, b) => a.report.number - b.report.number)
  return { window: { ...window, found: numbers.length, nothingOpen, unresolved, left }, pulls }
}

/**
 * One pull request: what it has to cancel, or a problem; undefined when it has nothing (issues that
 * are not pull requests, open pull requests when only closed ones are swept, nothing open).
 */
async function lookAt(
  github: GitHubConnection,
  config: SweepConfig,
  pull: PullRequestState | undefined,
  comments: IssueComment[],
  anchor: string | undefined
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
      ...(report.toCancel.length > 0 ? { writeBack: { store, ...(complete ? { listed: comments, anchor } : {}) } } : {})
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
    const stored = await writeBack.store.write(changes, writeBack.listed, writeBack.anchor)
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

/**
 * The pull requests, oldest leftovers first: by the last change of their records comments (a pull
 * request swept goes to the back, as writing its outcomes changes them), then by number. The same
 * comments give the same order, so a run left short continues where the last one stopped.
 */
function oldestFirst(ours: Map<number, IssueComment[]>): number[] {
  const lastChange = (number: number) =>
    Math.max(...(ours.get(number) ?? []).map((comment) => Date.parse(comment.updatedAt) || 0))
  return [...ours.keys()].sort((a, b) => lastChange(a) - lastChange(b) || a - b)
}

/**
 * Of the pull requests not looked at, those that may have something to cancel: by their comments as
 * listed when those hold all their records, else each counts.
 */
function leftovers(
  config: SweepConfig,
  numbers: number[],
  found: Map<number, PullRequestState>,
  ours: Map<number, IssueComment[]>
): number {
  return numbers.filter((number) => {
    const pull = found.get(number)
    if (!pull || (pull.open && config.mode === 'closed')) return false
    const comments = ours.get(number) ?? []
    if (!listingIsComplete(comments)) return true
    const records = mergeRecords(...comments.map((comment) => readRecordsPart(comment.body).records))
    return sweepSelection(pull, records).toCancel.length > 0
  }).length
}

function batchIdsOf(pulls: SweptPull[]): string[] {
  return [...new Set(pulls.flatMap((pull) => pull.report.toCancel.map((record) => record.batchId)))]
}
