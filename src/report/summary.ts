import type { AnsweredBatch, BatchResult } from '../nexrender/batch-result.js'
import { batchFacts, skipReason } from './batch-facts.js'
import { uncertainRetryNote } from './batch-report.js'
import { counted } from '../helpers/counted.js'
import { cell, code, link, table } from '../helpers/markdown.js'
import { combinedStatus } from './outputs.js'
import { pullRequestSection, type PullRequestReport } from './pull-request-report.js'
import { sweepFailure, sweepSections, type SweepReport } from './sweep-report.js'
import { batchFailureReason } from './step-outcome.js'
import type { Strictness } from '../inputs/strictness.js'
import { CANCEL_WORDING, type Wording } from './wording.js'

/** What the summary says of where the run ran (the runner's `RunContext` fits). */
export interface SummaryContext {
  repository?: string
  eventName?: string
  pullRequestNumber?: number
  runUrl?: string
}

export interface SummaryInput {
  results: BatchResult[]
  strictness: Strictness
  context: SummaryContext
  /** Defaults to a real cancel's wording. */
  wording?: Wording
  /** The signal that cancelled the run, when the runner cancelled it. */
  cancelledBy?: string
  /** What became of a pull request's records, when one was given. */
  pullRequest?: PullRequestReport
  /** What the sweep found and did, in a sweep. */
  sweep?: SweepReport
}

const DRY_RUN_NOTE =
  '> **Dry run: nothing was cancelled.** The figures predict what a cancel would do now, from the ' +
  'top-level jobs: cascaded parents, children and siblings cannot be known in advance, and jobs may ' +
  'start rendering before a real cancel.'

/** GitHub refuses step summaries over 1 MiB; stay well below so that other steps have room too. */
export const SUMMARY_BUDGET_BYTES = 512 * 1024
const INITIAL_ROW_LIMIT = 100

/**
 * The job summary as Markdown. Long job tables end in a "… and N more" row; if the whole summary
 * would still be over budget (many big batches), the row limit is halved until it fits, and as a
 * last resort (thousands of batches) the trailing batches are left to the results file.
 */
export function renderSummary(input: SummaryInput): string {
  for (let rowLimit = INITIAL_ROW_LIMIT; rowLimit > 0; rowLimit = Math.floor(rowLimit / 2)) {
    const markdown = joinSections(renderSections(input, rowLimit))
    if (Buffer.byteLength(markdown) <= SUMMARY_BUDGET_BYTES) return markdown
  }
  return joinSections(keepWithinBudget(renderSections(input, 0)))
}

function joinSections(sections: string[]): string {
  return `${sections.join('\n\n')}\n`
}

/** Keeps whole sections from the start while they fit, and says how many batches were left out. */
function keepWithinBudget(sections: string[]): string[] {
  const kept: string[] = []
  let bytes = 200 // room for the closing line
  for (const section of sections) {
    bytes += Buffer.byteLength(section) + 2
    if (bytes > SUMMARY_BUDGET_BYTES) break
    kept.push(section)
  }
  const leftOut = sections.length - kept.length
  return leftOut === 0
    ? kept
    : [...kept, `… and ${counted(leftOut, 'more batch', 'more batches')}: see the results file.`]
}

/** The heading, the notes, the context line and one section per batch (batch sections last). */
function renderSections(
  { results, strictness, context, wording = CANCEL_WORDING, cancelledBy, pullRequest, sweep }: SummaryInput,
  rowLimit: number
): string[] {
  const headline = headlineOf(results, strictness, wording, cancelledBy, pullRequest, sweep)
  const title = sweep
    ? `Nexrender sweep of ${sweep.mode === 'closed' ? 'closed pull requests' : 'closed and superseded renders'}`
    : 'Nexrender batch cancel'
  return [
    `## ${title}${wording.dryRun ? ' (dry run)' : ''}: ${headline}`,
    ...(wording.dryRun ? [DRY_RUN_NOTE] : []),
    contextLine(context, strictness),
    ...(pullRequest ? [pullRequestSection(pullRequest)] : []),
    // A sweep lists its batches by pull request; every reply is in the results file.
    ...(sweep
      ? sweepSections(sweep, results, strictness, wording)
      : results.map((result) => batchSection(result, strictness, wording, rowLimit)))
  ]
}

/** The outcome in a few words, for the heading. */
function headlineOf(
  results: BatchResult[],
  strictness: Strictness,
  wording: Wording,
  cancelledBy: string | undefined,
  pullRequest: PullRequestReport | undefined,
  sweep: SweepReport | undefined
): string {
  const failures = results.filter((result) => batchFailureReason(result, strictness, wording) !== undefined).length
  if (cancelledBy !== undefined)
    return `⏹️ run cancelled (${cancelledBy}), ${failures} of ${results.length} not done or failed`
  if (pullRequest?.lookupFailure) return "❌ the pull request's batches could not be read"
  if (pullRequest && pullRequest.unreadable.length > 0)
    return '❌ a records comment of the pull request could not be read'
  if (sweep && sweepFailure(sweep) !== undefined) return "❌ some pull requests' records could not be read or written"
  if (results.length === 0) return '✅ nothing left to cancel'
  if (failures > 0) return `❌ ${failures} of ${results.length} ${wording.dryRun ? 'would fail' : 'failed'}`
  const statuses = results.flatMap((result) => (result.outcome === 'answered' ? [result.reply.status] : []))
  return `✅ ${wording.statusIs}${combinedStatus(statuses)}`
}

function contextLine(context: SummaryContext, strictness: Strictness): string {
  const parts = [`Strictness ${code(strictness)}`]
  if (context.repository) parts.push(`repository ${code(context.repository)}`)
  if (context.eventName) parts.push(`event ${code(context.eventName)}`)
  if (context.pullRequestNumber !== undefined) parts.push(`pull request #${context.pullRequestNumber}`)
  if (context.runUrl) parts.push(link('this run', context.runUrl))
  return parts.join(' · ')
}

function batchSection(result: BatchResult, strictness: Strictness, wording: Wording, rowLimit: number): string {
  const reason = batchFailureReason(result, strictness, wording)
  const verdict = reason === undefined ? '✅ pass' : '❌ fail'
  if (result.outcome === 'failed') {
    const what = result.interruption ?? 'failed'
    return [`### Batch ${code(result.batchId)}: ${what}`, `> ${cell(result.problem)}`].join('\n\n')
  }
  const heading = `### Batch ${code(result.batchId)}: ${wording.statusIs}${result.reply.status}`
  return [heading, ...answeredParts(result, verdict, wording, rowLimit)].join('\n\n')
}

function answeredParts(result: AnsweredBatch, verdict: string, wording: Wording, rowLimit: number): string[] {
  const { reply } = result
  const facts = batchFacts(reply)
  const [lastHeader, lastFigure] = wording.dryRun
    ? ['Rendering now', facts.renderingJobs.length]
    : ['Cascaded relatives', facts.cascadedRelatives]
  const parts = [
    table(
      ['Verdict', 'Status', 'Total', capitalized(wording.cancelled), capitalized(wording.skipped), lastHeader],
      [reply],
      1,
      (row) => [
        verdict,
        `${wording.statusIs}${row.status}`,
        String(row.totalJobs),
        String(row.cancelledCount),
        String(row.skippedCount),
        String(lastFigure)
      ]
    )
  ]
  if (result.notFound)
    parts.push('> ⚠️ The API answered 404: this batch was not found. It is reported as unchanged with zero jobs.')
  if (facts.countsDisagree) parts.push('> ⚠️ The counts do not add up: cancelled + skipped differs from total.')
  const uncertain = uncertainRetryNote(result)
  if (uncertain) parts.push(`> ⚠️ ${uncertain}`)
  if (wording.dryRun && facts.renderingJobs.length > 0) {
    parts.push(
      `#### Rendering now: cannot be stopped, will finish (${facts.renderingJobs.length})`,
      table(['Job'], facts.renderingJobs, rowLimit, (job) => [code(job.id)])
    )
  }
  if (facts.skippedJobs.length > 0) {
    parts.push(
      `#### ${wording.dryRun ? 'Would be skipped' : 'Skipped jobs'} (${facts.skippedJobs.length})`,
      table(['Job', 'Status', 'Reason'], facts.skippedJobs, rowLimit, (job) => [
        code(job.id),
        cell(job.status),
        cell(skipReason(job))
      ])
    )
  }
  const cancelled = facts.cancelledJobs
  if (cancelled.length > 0) {
    parts.push(
      wording.dryRun
        ? `#### Would be cancelled (${cancelled.length} top-level; cascades not known in advance)`
        : `#### Cancelled jobs (${cancelled.length})`,
      table(['Job', 'Template', 'Status', 'Output'], cancelled, rowLimit, (job) => [
        code(job.id),
        cell(job.templateId),
        cell(job.status),
        job.outputUrl ? link('output', job.outputUrl) : '–'
      ])
    )
  }
  return parts
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
