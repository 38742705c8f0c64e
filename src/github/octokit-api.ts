import { getOctokit } from '@actions/github'
import type { GitHubApi, IssueComment } from './github-api.js'

export interface OctokitApiConfig {
  token: string
  /** The REST API's base URL, `GITHUB_API_URL` on a runner. */
  apiUrl: string
  /** `owner/name`. */
  repository: string
  userAgent: string
  /** How Octokit sends its requests: the action's own transport (see `transport-fetch.ts`). */
  fetch: typeof fetch
}

/** Octokit's log goes nowhere: every failure reaches the step through the errors it throws. */
const QUIET = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined }

/** The action's GitHub calls, made by `@actions/github`'s Octokit. */
export function octokitApi(config: OctokitApiConfig): GitHubApi {
  const [owner = '', repo = ''] = config.repository.split('/')
  // Giving `request` replaces @actions/github's defaults (its undici fetch) as a whole.
  const octokit = getOctokit(config.token, {
    baseUrl: config.apiUrl,
    userAgent: config.userAgent,
    request: { fetch: config.fetch },
    log: QUIET
  })
  const asComment = (comment: { id: number; body?: string; user: { login: string } | null; html_url: string }) =>
    ({
      id: comment.id,
      body: comment.body ?? '',
      author: comment.user?.login ?? '',
      url: comment.html_url
    }) satisfies IssueComment

  return {
    async tokenLogin() {
      try {
        return (await octokit.rest.users.getAuthenticated()).data.login
      } catch (error) {
        // An app installation token, the workflow's default among them, has no user to show.
        if ((error as { status?: number }).status === 403) return undefined
        throw error
      }
    },
    async listComments(pullRequest) {
      const comments = await octokit.paginate(octokit.rest.issues.listComments, {
        owner,
        repo,
        issue_number: pullRequest,
        per_page: 100
      })
      return comments.map(asComment)
    },
    async createComment(pullRequest, body) {
      return asComment((await octokit.rest.issues.createComment({ owner, repo, issue_number: pullRequest, body })).data)
    },
    async updateComment(id, body) {
      return asComment((await octokit.rest.issues.updateComment({ owner, repo, comment_id: id, body })).data)
    },
    async deleteComment(id) {
      await octokit.rest.issues.deleteComment({ owner, repo, comment_id: id })
    },
    async pullRequestHead(pullRequest) {
      return (await octokit.rest.pulls.get({ owner, repo, pull_number: pullRequest })).data.head.sha
    }
  }
}
