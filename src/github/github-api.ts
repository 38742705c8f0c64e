/**
 * The GitHub REST calls the action makes, as plain data in and out, so the records logic can be
 * tested against an in-memory stand-in. `octokit-api.ts` makes them through `@actions/github`.
 */
export interface IssueComment {
  id: number
  body: string
  /** The author's login. */
  author: string
  /** The comment's page address. */
  url: string
}

export interface GitHubApi {
  /** The login the token acts as, or undefined for an app installation token (it has no user). */
  tokenLogin(): Promise<string | undefined>
  /** Every comment of the pull request, oldest first, all pages. */
  listComments(pullRequest: number): Promise<IssueComment[]>
  createComment(pullRequest: number, body: string): Promise<IssueComment>
  updateComment(id: number, body: string): Promise<IssueComment>
  deleteComment(id: number): Promise<void>
  /** The commit the pull request's head points at now. */
  pullRequestHead(pullRequest: number): Promise<string>
}

/** Who writes comments with the workflow's default token (an app installation token). */
export const DEFAULT_TOKEN_LOGIN = 'github-actions[bot]'
