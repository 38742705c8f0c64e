import type { RouteBody } from './github-routes.js'

/**
 * The GitHub calls the action makes, as plain data in and out, so the records logic can be tested
 * against an in-memory stand-in. `rest-github-api.ts` makes them over the GitHub client.
 */
export interface IssueComment {
  id: number
  body: string
  /** The author's login, as REST spells it (`github-actions[bot]`). */
  author: string
  /** The comment's page address. */
  url: string
  /** ISO time of its last change. */
  updatedAt: string
  /** The issue or pull request it is on. */
  issue: number
}

/** A pull request as the records need it. */
export interface PullRequestState {
  number: number
  open: boolean
  merged: boolean
  /** The commit its head points at now. */
  head: string
}

/** The pull requests asked about at once, as far as GitHub could answer. */
export interface PullRequestStates {
  /** By number; an issue that is not a pull request is in neither this nor `unresolved`. */
  found: Map<number, PullRequestState>
  /**
   * Numbers GitHub could not resolve (`NOT_FOUND`): a pull request hidden as spam or removed by
   * GitHub's support, whose comments may still be listed.
   */
  unresolved: number[]
}

/** What a lease's reaction is left on: a comment, or the pull request itself. */
export type ReactionTarget = { comment: number } | { issue: number }

/** The reactions GitHub has (`eyes`, `rocket`…). */
export type ReactionContent = RouteBody<'POST /repos/{owner}/{repo}/issues/{issue_number}/reactions'>['content']

export interface ReactionAnswer {
  /** True when this call made the reaction (201); false when the same identity had already left it (200). */
  created: boolean
  reactionId: number
  /** ISO time GitHub made the reaction. */
  createdAt: string
  /** GitHub's clock when it answered (its `Date` header), in ms; undefined without a readable one. */
  serverTime?: number
  /** True when an earlier attempt of this request failed in a way GitHub may have applied (5xx, timeout). */
  earlierAttemptMayHaveActed: boolean
}

/** A write under a lease passes the lease's end: an attempt that could be applied later is not sent. */
export interface WriteOptions {
  notAfter?: number
}

export interface GitHubApi {
  /** The login the token acts as, for every kind of token (GraphQL's viewer). */
  viewerLogin(): Promise<string>
  /**
   * Every comment of the pull request, oldest first, all pages; with `since` (ISO), only those made
   * or changed at or after it.
   */
  listComments(pullRequest: number, since?: string): Promise<IssueComment[]>
  /** One comment by its id; undefined when GitHub no longer has it. */
  getComment(id: number): Promise<IssueComment | undefined>
  /** Every issue comment of the repository updated since `since` (ISO), oldest first, all pages. */
  listRepositoryComments(since: string): Promise<IssueComment[]>
  /**
   * Never sent twice blindly: after an attempt GitHub may have applied (5xx, timeout), throws
   * WriteMayHaveLanded for the caller to look for the comment before posting it again.
   */
  createComment(pullRequest: number, body: string, options?: WriteOptions): Promise<IssueComment>
  updateComment(id: number, body: string, options?: WriteOptions): Promise<IssueComment>
  /** Deleting a comment that is already gone is not an error. */
  deleteComment(id: number, options?: WriteOptions): Promise<void>
  pullRequest(number: number): Promise<PullRequestState>
  /** Several pull requests at once; numbers that are not pull requests are left out. */
  pullRequests(numbers: number[]): Promise<PullRequestStates>
  addReaction(target: ReactionTarget, content: ReactionContent): Promise<ReactionAnswer>
  /** Deleting a reaction that is already gone is not an error. */
  deleteReaction(target: ReactionTarget, reactionId: number): Promise<void>
}
