import type { PullRequestState } from '../github/github-api.js'
import { counted } from '../helpers/counted.js'
import type { UnreadableComment } from '../records/records-store.js'
import { isDone, type BatchRecord } from '../records/records.js'

/**
 * Why the record step fails on a closed pull request, or undefined when it need not: the cleanup that
 * ran on the close may not have seen these records, so nothing else would cancel them. Batches the
 * cleanup already cancelled are fine.
 */
export function closedPullRequestProblem(
  pull: PullRequestState,
  batchIds: string[],
  records: BatchRecord[]
): string | undefined {
  if (pull.open) return undefined
  const done = new Set(records.filter(isDone).map((record) => record.batchId))
  const open = batchIds.filter((batchId) => !done.has(batchId))
  if (open.length === 0) return undefined
  return (
    `Pull request #${pull.number} is ${pull.merged ? 'merged' : 'closed'}, and its cleanup may have run before ${open.join(', ')} ` +
    `${open.length === 1 ? 'was' : 'were'} recorded, so nothing may cancel ${open.length === 1 ? 'it' : 'them'}: this step fails so that the job's ` +
    'guard (its post step runs when the job fails) cancels the render. The records stay, so the scheduled sweep finds them too.'
  )
}

/** The record step's warning about a comment of ours it could not read: kept as it is, its own records went elsewhere. */
export function unreadableWarning(comment: UnreadableComment): string {
  if (comment.newerVersion !== undefined) {
    return `The records comment ${comment.url} was written by a newer version of this action (records format ${comment.newerVersion}); it is kept as it is, and this step's records went into a comment this version reads. Use that version for the record and cancel steps.`
  }
  return `The records comment ${comment.url} cannot be read: ${comment.problem}. It is kept as it is, and this step's records went into another comment; the cleanup cancels what it can read of it, then fails until it is mended or deleted.`
}

/** The cleanup's failure for the comments of ours it could not read: what it did, and what to do. */
export function unreadableFailure(pullRequest: number, comments: UnreadableComment[]): string | undefined {
  if (comments.length === 0) return undefined
  const lines = comments.map((comment) =>
    comment.newerVersion !== undefined
      ? `- ${comment.url}: a newer version of this action wrote it (records format ${comment.newerVersion}); run the cancel step at that version.`
      : `- ${comment.url}: ${comment.problem}. Mend its hidden part as the action wrote it, or cancel its batches with batch-id and delete the comment.`
  )
  return [
    `Pull request #${pullRequest} has ${counted(comments.length, 'records comment')} this step cannot read in full; what it could read was cancelled, the rest was not:`,
    ...lines
  ].join('\n')
}
