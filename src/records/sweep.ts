import { isoSeconds } from '../helpers/iso-seconds.js'
import type { IssueComment, PullRequestState } from '../github/github-api.js'
import { isOurComment } from './our-comment.js'
import { readRecordsPart } from './records-format.js'
import { mergeRecords, type BatchRecord } from './records.js'
import { selectBatches, type BatchSelection } from './select-batches.js'

/** A sweep looks back this far: records comments last updated before it are not listed. */
export function sweepSince(now: number, days: number): string {
  return isoSeconds(now - days * 86_400_000)
}

/** The comments of ours among the repository's, by the pull request they are on (the one rule of ours). */
export function ourCommentsByPullRequest(comments: IssueComment[], viewer: string): Map<number, IssueComment[]> {
  const byNumber = new Map<number, IssueComment[]>()
  for (const comment of comments) {
    if (!Number.isInteger(comment.issue) || !isOurComment(comment, viewer)) continue
    byNumber.set(comment.issue, [...(byNumber.get(comment.issue) ?? []), comment])
  }
  return byNumber
}

/**
 * Whether the listed comments of ours hold all of a pull request's records, so that it need not be
 * read again: the first comment says how many there are in all, and the listing holds that many.
 * Comments not updated within the window are not listed, so anything less is read in full.
 */
export function listingIsComplete(comments: IssueComment[]): boolean {
  const parts = [...comments].sort((a, b) => a.id - b.id).map((comment) => readRecordsPart(comment.body))
  const [first] = parts
  if (first?.kind !== 'readable' || first.total === undefined) return false
  if (parts.some((part) => part.kind !== 'readable')) return false
  return mergeRecords(...parts.map((part) => part.records)).length === first.total
}

/**
 * Which open records a sweep cancels on a pull request: every one on a closed pull request (merged
 * or not); on an open one (`sweep: superseded`), those recorded for commits other than its live head.
 */
export function sweepSelection(pull: PullRequestState, records: BatchRecord[]): BatchSelection {
  return pull.open ? selectBatches(records, pull.head) : selectBatches(records)
}
