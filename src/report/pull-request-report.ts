import { describeState } from '../records/record-state.js'
import type { PullRequestBatches } from '../records/pull-request-batches.js'
import type { BatchRecord } from '../records/records.js'
import { counted } from '../helpers/counted.js'
import { cell, code, link } from '../helpers/markdown.js'
import { CANCEL_WORDING, type Wording } from './wording.js'

/** What became of a pull request's records in one cancel step, for the log and the summary. */
export interface PullRequestReport extends PullRequestBatches {
  /** Why the records could not be read; the step fails on it. */
  lookupFailure?: string
  /** Why the comment could not be updated after cancelling; a warning only, the cancels happened. */
  updateFailure?: string
}

const ids = (records: BatchRecord[]) => records.map((record) => record.batchId).join(', ')

/** The log lines about the pull request's records, before the batches are sent. */
export function pullRequestLogLines(report: PullRequestReport): string[] {
  const { number } = report
  if (report.lookupFailure) return []
  const lines = [
    report.records.length === 0
      ? `Pull request #${number}: no batches recorded.`
      : `Pull request #${number}: ${counted(report.records.length, 'batch', 'batches')} recorded in ${report.commentUrl ?? 'its comment'}.`
  ]
  if (report.alreadyDone.length > 0) lines.push(`  Already done, not sent again: ${ids(report.alreadyDone)}`)
  if (report.head) {
    lines.push(
      `  Only superseded renders: the current head is ${report.head.slice(0, 7)}` +
        (report.current.length > 0 ? `; left rendering: ${ids(report.current)}` : '')
    )
  }
  lines.push(
    report.toCancel.length === 0
      ? `Pull request #${number} has no batches left to cancel.`
      : `  To cancel: ${ids(report.toCancel)}`
  )
  return lines
}

/** The summary's section about the pull request's records. */
export function pullRequestSection(report: PullRequestReport, wording: Wording = CANCEL_WORDING): string {
  const heading = `### Pull request #${report.number}`
  if (report.lookupFailure) {
    // The failure may end in a `permissions:` block to add, shown as YAML.
    const [text = '', ...block] = report.lookupFailure.split('\n\n')
    return [
      heading,
      `> ❌ ${cell(text)}`,
      ...(block.length > 0 ? [`\`\`\`yaml\n${block.join('\n\n')}\n\`\`\``] : [])
    ].join('\n\n')
  }
  const where = report.commentUrl ? link('the records comment', report.commentUrl) : 'its records comment'
  const lines = [
    report.records.length === 0
      ? '- No batches are recorded on this pull request.'
      : `- ${counted(report.records.length, 'batch', 'batches')} recorded in ${where}.`
  ]
  for (const record of report.alreadyDone) {
    lines.push(`- ${code(record.batchId)}: already done (${describeState(record)}), not sent again.`)
  }
  if (report.head) {
    lines.push(`- Only superseded renders: the current head is ${code(report.head.slice(0, 7))}.`)
    for (const record of report.current)
      lines.push(`- ${code(record.batchId)}: recorded for the current head, left rendering.`)
  }
  lines.push(
    report.toCancel.length === 0
      ? '- Nothing is left to cancel.'
      : `- ${wording.dryRun ? 'Read, and not cancelled (a dry run)' : 'Sent now'}: ${report.toCancel.map((record) => code(record.batchId)).join(', ')}.`
  )
  for (const comment of report.unreadable) {
    const what =
      comment.newerVersion !== undefined
        ? 'was written by a newer version of this action'
        : `cannot be read: ${cell(comment.problem)}`
    lines.push(
      `- ❌ ${link('A records comment', comment.url)} ${what}; the batches it holds that could not be read were not cancelled.`
    )
  }
  const parts = [heading, lines.join('\n')]
  if (report.updateFailure) {
    parts.push(`> ⚠️ The cancels happened, but the comment was not updated: ${cell(report.updateFailure)}`)
  }
  return parts.join('\n\n')
}
