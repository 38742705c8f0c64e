import { counted } from '../helpers/counted.js'
import { cell, code, link, table } from '../helpers/markdown.js'
import type { Strictness } from '../inputs/strictness.js'
import type { SweepMode } from '../inputs/sweep-mode.js'
import type { BatchResult } from '../nexrender/batch-result.js'
import { describeState } from '../records/record-state.js'
import type { PullRequestBatches } from '../records/pull-request-batches.js'
import { unreadableFailure } from './record-problems.js'
import { batchFailureReason } from './step-outcome.js'
import type { Wording } from './wording.js'

/** A pull request the sweep acted on: what it found there, and what became of it. */
export interface SweptPullRequest extends PullRequestBatches {
  /** Its page. */
  url: string
  state: 'open' | 'closed' | 'merged'
  /** Its live head, as GitHub reported it. */
  head: string
  /** Why its records could not be read, or its outcomes not written: the step fails on it at the end. */
  failure?: string
}

export interface SweepReport {
  mode: SweepMode
  days: number
  /** The window's start, ISO. */
  since: string
  /** Why the repository's comments could not be listed: nothing was swept. */
  listingFailure?: string
  /** Pull requests with a records comment of ours updated within the window. */
  found: number
  /** Of those, how many had nothing to cancel and no problem: counted, not listed. */
  nothingOpen: number
  /**
   * Of those, the numbers GitHub could not resolve (a pull request hidden as spam or removed by its
   * support): not swept, and named in a warning, the log and the summary; they do not fail the step.
   */
  unresolved: number[]
  /** The pull requests with batches to cancel, or a problem. */
  swept: SweptPullRequest[]
  /** GitHub requests the sweep made, retries included. */
  githubRequests: number
  /** The most GitHub requests it may make in a run (`sweep-budget`). */
  budget: number
  /** Pull requests with something to cancel that it did not look at, to stay within the budget: the next run takes them first. */
  left: number
}

/** What the sweep left for the next run, or nothing when it left none. */
export function leftLine(report: Pick<SweepReport, 'left' | 'budget'>): string | undefined {
  if (report.left === 0) return undefined
  return (
    `The sweep stopped before its budget of ${counted(report.budget, 'GitHub request')} ran out (sweep-budget) ` +
    `and left ${counted(report.left, 'pull request')} for the next run, which takes them first.`
  )
}

/** What a sweep of this mode sweeps, for its log line and its summary's heading. */
export const sweptWhat = (mode: SweepMode) =>
  mode === 'closed' ? 'closed pull requests' : 'closed and superseded renders'

/** The pull requests whose batches were sent a cancel (or would be, in a dry run), for the `pull-requests` output. */
export function sweptNumbers(report: SweepReport): number[] {
  return report.swept.filter((pull) => pull.toCancel.length > 0).map((pull) => pull.number)
}

/** The warning about the pull requests GitHub could not resolve, or undefined when it resolved them all. */
export function unresolvedWarning(report: Pick<SweepReport, 'unresolved'>): string | undefined {
  if (report.unresolved.length === 0) return undefined
  const numbers = report.unresolved.map((number) => `#${number}`).join(', ')
  const one = report.unresolved.length === 1
  return (
    `GitHub could not resolve ${one ? 'pull request' : 'pull requests'} ${numbers} (NOT_FOUND: hidden as spam, or removed by GitHub's support), ` +
    `so ${one ? 'its' : 'their'} records comments were not swept. Cancel what they still render with batch-id; ` +
    `the sweep stops looking at them once their comments are older than sweep-days.`
  )
}

/** The log lines about what the sweep found, before the batches are sent. */
export function sweepLogLines(report: SweepReport): string[] {
  if (report.listingFailure) return [report.listingFailure]
  const lines = [
    `Sweep of ${sweptWhat(report.mode)}: ${counted(report.found, 'pull request')} with records updated since ${report.since} (the last ${counted(report.days, 'day')}); ` +
      `${report.nothingOpen} with nothing to cancel${unresolvedCount(report)}.`
  ]
  for (const pull of report.swept) {
    const ids = pull.toCancel.map((record) => record.batchId).join(', ')
    lines.push(
      pull.failure
        ? `  #${pull.number} (${pull.state}): ${pull.failure}`
        : `  #${pull.number} (${pull.state}): to cancel ${ids}${pull.current.length > 0 ? `; left rendering for its head ${pull.head.slice(0, 7)}: ${pull.current.map((record) => record.batchId).join(', ')}` : ''}`
    )
  }
  const left = leftLine(report)
  if (left) lines.push(left)
  return lines
}

/** Why the sweep fails the step, apart from the verdict of its batches: one line per pull request that had a problem. */
export function sweepFailure(report: SweepReport): string | undefined {
  if (report.listingFailure) return report.listingFailure
  const problems = report.swept.flatMap((pull) => [
    ...(pull.failure ? [`Pull request #${pull.number}: ${pull.failure}`] : []),
    ...(pull.unreadable.length > 0 ? [unreadableFailure(pull.number, pull.unreadable) ?? ''] : [])
  ])
  return problems.length > 0 ? problems.join('\n') : undefined
}

/** The summary's sections for the sweep: what it looked at, then each pull request it acted on. */
export function sweepSections(
  report: SweepReport,
  results: BatchResult[],
  strictness: Strictness,
  wording: Wording
): string[] {
  if (report.listingFailure) return [`> ❌ ${cell(report.listingFailure)}`]
  const overview =
    `Looked at ${counted(report.found, 'pull request')} with records updated since ${report.since} ` +
    `(the last ${counted(report.days, 'day')}): ${counted(report.swept.length, 'pull request')} listed below, ` +
    `${report.nothingOpen} with nothing to cancel${unresolvedCount(report)}. ${counted(report.githubRequests, 'GitHub request')}.`
  const unresolved = unresolvedWarning(report)
  const left = leftLine(report)
  const byBatch = new Map(results.map((result) => [result.batchId, result]))
  return [
    overview,
    ...(left ? [`> ℹ️ ${cell(left)}`] : []),
    ...(unresolved ? [`> ⚠️ ${cell(unresolved)}`] : []),
    ...report.swept.map((pull) => pullSection(pull, byBatch, strictness, wording))
  ]
}

/** `, 2 GitHub could not resolve (#5, #9)`, or nothing. */
function unresolvedCount(report: SweepReport): string {
  if (report.unresolved.length === 0) return ''
  return `, ${report.unresolved.length} GitHub could not resolve (${report.unresolved.map((number) => `#${number}`).join(', ')})`
}

function pullSection(
  pull: SweptPullRequest,
  byBatch: Map<string, BatchResult>,
  strictness: Strictness,
  wording: Wording
): string {
  const heading = `### ${link(`Pull request #${pull.number}`, pull.url)} (${pull.state})`
  const parts = [heading]
  if (pull.failure) parts.push(`> ❌ ${cell(pull.failure)}`)
  for (const comment of pull.unreadable) {
    parts.push(`> ❌ ${link('A records comment', comment.url)} cannot be read in full: ${cell(comment.problem)}`)
  }
  if (pull.toCancel.length > 0) {
    parts.push(
      table(['Batch', 'Commit', 'Outcome', 'Verdict'], pull.toCancel, 100, (record) => {
        const result = byBatch.get(record.batchId)
        const reason = result && batchFailureReason(result, strictness, wording)
        return [
          code(record.batchId),
          code(record.commit.slice(0, 7)),
          cell(outcomeOf(result, wording)),
          result === undefined ? '–' : reason === undefined ? '✅ pass' : `❌ ${cell(reason)}`
        ]
      })
    )
  }
  if (pull.current.length > 0) {
    parts.push(
      `Left rendering, recorded for its head ${code(pull.head.slice(0, 7))}: ${pull.current.map((record) => `${code(record.batchId)} (${describeState(record)})`).join(', ')}.`
    )
  }
  return parts.join('\n\n')
}

function outcomeOf(result: BatchResult | undefined, wording: Wording): string {
  if (!result) return 'not sent'
  if (result.outcome === 'failed') return `${result.interruption ?? 'failed'}: ${result.problem}`
  return `${wording.statusIs}${result.reply.status}`
}
