import type { AnsweredBatch, BatchResult } from '../nexrender/batch-result.js'
import type { CancelReply } from '../nexrender/cancel-reply.js'
import { NOT_FOUND_CHECKS } from '../nexrender/not-found.js'
import { skipReason } from '../nexrender/reply-facts.js'
import { renderingNote, uncertainRetryNote } from './batch-report.js'
import { counted } from '../helpers/counted.js'
import { cell, code, link, table } from '../helpers/markdown.js'
import { combinedStatus } from './outputs.js'
import { pullRequestSection, type PullRequestReport } from './pull-request-report.js'
import { sweepFailure, sweepSections, sweptWhat, type SweepReport } from './sweep-report.js'
import { batchFailureReason, verdictWords } from './step-outcome.js'
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
  /** The heading before the verdict; the step's name by default. */
  title?: string
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
  {
    results,
    strictness,
    context,
    wording = CANCEL_WORDING,
    cancelledBy,
    pullRequest,
    sweep,
    title: given
  }: SummaryInput,
  rowLimit: number
): string[] {
  const headline = headlineOf(results, strictness, wording, cancelledBy, pullRequest, sweep)
  const title = given ?? (sweep ? `Nexrender sweep of ${sweptWhat(sweep.mode)}` : 'Nexrender batch cancel')
  return [
    `## ${title}${wording.dryRun ? ' (dry run)' : ''}: ${headline}`,
    ...(wording.dryRun ? [DRY_RUN_NOTE] : []),
    contextLine(context, strictness),
    ...(pullRequest ? [pullRequestSection(pullRequest, wording)] : []),
    ...(results.length > 1 && !sweep ? [overviewTable(results, strictness, wording)] : []),
    // A sweep lists its batches by pull request; every reply is in the results file.
    ...(sweep
      ? sweepSections(sweep, results, strictness, wording)
      : results.map((result) => batchSection(result, strictness, wording, rowLimit)))
  ]
}

/** The step's verdict in a few words, for the heading. */
function headlineOf(
  results: BatchResult[],
  strictness: Strictness,
  wording: Wording,
  cancelledBy: string | undefined,
  pullRequest: PullRequestReport | undefined,
  sweep: SweepReport | undefined
): string {
  const failing = results.filter((result) => batchFailureReason(result, strictness, wording) !== undefined)
  const fails = wording.dryRun ? 'would fail' : 'fails'
  if (cancelledBy !== undefined) {
    return `⏹️ the run was cancelled (${cancelledBy}): ${failing.length} of ${counted(results.length, 'batch', 'batches')} not done or failed`
  }
  if (pullRequest?.lookupFailure) return `❌ ${fails}: the pull request's batches could not be read`
  if (pullRequest && pullRequest.unreadable.length > 0)
    return `❌ ${fails}: a records comment of the pull request could not be read`
  if (sweep && sweepFailure(sweep) !== undefined)
    return `❌ ${fails}: some pull requests' records could not be read or written`
  const passes = wording.dryRun ? 'would pass' : 'passes'
  if (results.length === 0) return `✅ ${passes}: nothing left to cancel`
  const [only] = results
  if (failing.length > 0) {
    return results.length === 1 && only
      ? `❌ ${fails}: ${verdictWords(only, strictness, wording)}`
      : `❌ ${fails}: ${failing.length} of ${counted(results.length, 'batch', 'batches')} ${wording.dryRun ? 'would fail' : 'fail'} their verdict`
  }
  const statuses = results.flatMap((result) => (result.outcome === 'answered' ? [result.reply.status] : []))
  return `✅ ${passes}: ${combinedStatus(statuses)}`
}

function contextLine(context: SummaryContext, strictness: Strictness): string {
  const parts = [`Strictness ${code(strictness)}`]
  if (context.repository) parts.push(`repository ${code(context.repository)}`)
  if (context.eventName) parts.push(`event ${code(context.eventName)}`)
  if (context.pullRequestNumber !== undefined) parts.push(`pull request #${context.pullRequestNumber}`)
  if (context.runUrl) parts.push(link('this run', context.runUrl))
  return parts.join(' · ')
}

/** Every batch on a row with its verdict, and a total row: for a summary of several batches. */
function overviewTable(results: BatchResult[], strictness: Strictness, wording: Wording): string {
  const answered = results.flatMap((result) => (result.outcome === 'answered' ? [result] : []))
  const sum = (pick: (reply: CancelReply) => number) =>
    String(answered.reduce((total, result) => total + pick(result.reply), 0))
  const rows = results.map((result) => [
    code(result.batchId),
    ...(result.outcome === 'failed'
      ? [verdictCell(result, strictness, wording), '–', '–', '–', '–', '–']
      : figureCells(result, verdictCell(result, strictness, wording), wording))
  ])
  const total = [
    `**Total (${counted(results.length, 'batch', 'batches')})**`,
    '',
    '',
    sum((reply) => reply.totalJobs),
    sum((reply) => reply.cancelledCount),
    sum((reply) => reply.skippedCount),
    String(answered.reduce((total, result) => total + lastFigureOf(result, wording), 0))
  ]
  return table(['Batch', ...figureHeaders(wording)], [...rows, total], results.length + 1, (row) => row)
}

/** The figures a batch is summed up by, and their headers: the same in a batch's table and the overview. */
function figureHeaders(wording: Wording): string[] {
  const last = wording.dryRun ? 'Rendering now' : 'Cascaded relatives'
  return ['Verdict', 'Status', 'Total', capitalized(wording.cancelled), capitalized(wording.skipped), last]
}

function figureCells(result: AnsweredBatch, verdict: string, wording: Wording): string[] {
  const { reply } = result
  return [
    verdict,
    `${wording.statusIs}${reply.status}`,
    String(reply.totalJobs),
    String(reply.cancelledCount),
    String(reply.skippedCount),
    String(lastFigureOf(result, wording))
  ]
}

/** A dry run counts the jobs rendering now; a cancel, the relatives it took along. */
function lastFigureOf({ facts }: AnsweredBatch, wording: Wording): number {
  return wording.dryRun ? facts.renderingJobs.length : facts.cascadedRelatives
}

function verdictCell(result: BatchResult, strictness: Strictness, wording: Wording): string {
  const words = verdictWords(result, strictness, wording)
  return words === 'pass' ? '✅ pass' : `❌ ${cell(words)}`
}

function batchSection(result: BatchResult, strictness: Strictness, wording: Wording, rowLimit: number): string {
  if (result.outcome === 'failed') {
    const what = result.interruption ?? 'failed'
    return [`### Batch ${code(result.batchId)}: ${what}`, `> ❌ ${cell(result.problem)}`].join('\n\n')
  }
  const heading = `### Batch ${code(result.batchId)}: ${wording.statusIs}${result.reply.status}`
  const reason = batchFailureReason(result, strictness, wording)
  return [
    heading,
    ...answeredParts(result, verdictCell(result, strictness, wording), wording, rowLimit),
    ...(reason === undefined ? [] : [`> ❌ ${cell(reason)}`])
  ].join('\n\n')
}

function answeredParts(result: AnsweredBatch, verdict: string, wording: Wording, rowLimit: number): string[] {
  const { facts } = result
  const parts = [table(figureHeaders(wording), [result], 1, (row) => figureCells(row, verdict, wording))]
  if (result.notFound)
    parts.push(
      `> ⚠️ The API answered 404: this batch was not found. It is reported as unchanged with zero jobs. Check the id, ${NOT_FOUND_CHECKS}.`
    )
  if (facts.countsDisagree) parts.push('> ⚠️ The counts do not add up: cancelled + skipped differs from total.')
  const uncertain = uncertainRetryNote(result)
  if (uncertain) parts.push(`> ⚠️ ${uncertain}`)
  const rendering = renderingNote(result, wording)
  if (rendering) parts.push(`> ⚠️ ${capitalized(rendering)}`)
  if (facts.skippedJobs.length > 0) {
    parts.push(
      `#### ${wording.dryRun ? 'Would be skipped' : 'Skipped jobs'} (${facts.skippedJobs.length})`,
      // In a dry run the reason says why in words, so the status would only repeat it.
      wording.dryRun
        ? table(['Job', 'Reason'], facts.skippedJobs, rowLimit, (job) => [code(job.id), cell(skipReason(job))])
        : table(['Job', 'Status', 'Reason'], facts.skippedJobs, rowLimit, (job) => [
            code(job.id),
            cell(job.status),
            cell(skipReason(job))
          ])
    )
  }
  const cancelled = facts.cancelledJobs
  if (cancelled.length > 0) {
    // A batch view has no templates: a dry run leaves that column out rather than show it empty.
    const columns = wording.dryRun ? ['Job', 'Status', 'Output'] : ['Job', 'Template', 'Status', 'Output']
    parts.push(
      wording.dryRun
        ? `#### Would be cancelled (${cancelled.length} top-level; cascades not known in advance)`
        : `#### Cancelled jobs (${cancelled.length})`,
      table(columns, cancelled, rowLimit, (job) => [
        code(job.id),
        ...(wording.dryRun ? [] : [cell(job.templateId)]),
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
