import type { StoredRecords } from '../records/records-store.js'
import { isDone } from '../records/records.js'
import { counted } from '../helpers/counted.js'
import { cell, code, link } from '../helpers/markdown.js'

/** The record step's job summary: what it recorded, and where the records are kept. */
export function recordSummary(
  recorded: { batchIds: string[]; pullRequest: number; commit: string },
  stored: StoredRecords
): string {
  const open = stored.records.filter((record) => !isDone(record)).length
  const where = stored.commentUrl ? link('its records comment', stored.commentUrl) : 'its records comment'
  return [
    `## Nexrender batches recorded on pull request #${recorded.pullRequest}`,
    `Recorded ${recorded.batchIds.map(code).join(', ')} for commit ${code(recorded.commit.slice(0, 7))}.`,
    `The pull request has ${counted(stored.records.length, 'batch', 'batches')} recorded, ${open} still open: see ${where}. ` +
      'A cancel step with `pull-request` cancels the open ones.'
  ].join('\n\n')
}

/**
 * The record step's job summary when a GitHub call failed after its inputs were read: the batches
 * may not be recorded, so no cleanup may find them, and what stops them then.
 */
export function recordFailureSummary(recording: { batchIds: string[]; pullRequest: number }, message: string): string {
  return [
    `## Nexrender batches recorded on pull request #${recording.pullRequest}: ❌ fails`,
    `> ${cell(message)}`,
    `${recording.batchIds.map(code).join(', ')} may not be recorded, so the cleanups may not find ${recording.batchIds.length === 1 ? 'it' : 'them'}. ` +
      "The job's guard, if it has one, cancels them now that this step failed; otherwise re-run the job, or cancel them by hand."
  ].join('\n\n')
}
