import { describeState } from '../records/record-state.js'
import type { UnreadableComment } from '../records/records-store.js'
import type { BatchRecord } from '../records/records.js'
import { counted } from '../helpers/counted.js'
import { cell, code, link } from '../helpers/markdown.js'
import { CANCEL_WORDING, type Wording } from './wording.js'

/** What became of a pull request's records in one cancel step, for the log and the summary. */
export interface PullRequestReport {
  number: number
  /** Why the records could not be read; the step fails on it. */
  lookupFailure?: string
  commentUrl?: string
  recorded: BatchRecord[]
  /** Open records sent now. */
  toCancel: BatchRecord[]
  /** Records whose cancel already answered: not sent again. */
  alreadyDone: BatchRecord[]
  /** With only-superseded: open records of the current head, left rendering. */
  current: BatchRecord[]
  /** With only-superseded: the current head. */
  head?: string
  /** Why the comment could not be updated after cancelling; a warning only, the cancels happened. */
  updateFailure?: string
  /** Comments of ours that could not be read in full: the step fails on them after cancelling the rest. */
  unreadable: UnreadableComment[]
}

const ids = (records: BatchRecord[]) => records.map((record) => record.batchId).join(', ')

/** The log lines about the pull request's records, before the batches are sent. */
export function pullRequestLogLines(report: PullRequestReport): string[] {
  const { number } = report
  if (report.lookupFailure) return []
  const lines = [
    report.recorded.length === 0
      ? `Pull request #${number}: no batches recorded.`
      : `Pull request #${number}: ${counted(report.recorded.length, 'batch', 'batches')} recorded in ${report.commentUrl ?? 'its comment'}.`
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
    report.recorded.length === 0
      ? '- No batches are recorded on this pull request.'
      : `- ${counted(report.recorded.length, 'batch', 'batches')} recorded in ${where}.`
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
