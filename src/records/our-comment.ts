import type { IssueComment } from '../github/github-api.js'
import { HEADING, inOurFormat, RECORDS_MARKER } from './records-format.js'

/**
 * The one rule for which comments hold our records, for the record step, the cleanup and the sweep:
 * written by whom the token acts as, and in our format from its first line (our heading, then our
 * hidden records part). Anyone can comment on a public pull request, and the same identity may write
 * other comments that quote ours (a welcome message, a build log): a marker anywhere else never makes
 * a comment ours. Only comments of ours are ever edited, and only our own are ever deleted.
 */
export function isOurComment(comment: IssueComment, viewer: string): boolean {
  return comment.author === viewer && inOurFormat(comment.body)
}

/** A comment that may be taken for ours: in our format by someone else, or mentioning the records by anyone. */
export function looksLikeOurs(comment: IssueComment): boolean {
  return comment.body.startsWith(HEADING) || comment.body.includes(RECORDS_MARKER)
}
