import type { GitHubApi, IssueComment, PullRequestState, ReactionTarget } from './github-api.js'
import type { GitHubClient } from './github-client.js'
import { GitHubAnswerUnusable, GitHubError, GraphQLErrors } from './github-errors.js'
import { PULL_REQUESTS_PER_QUERY, pullRequestAlias, pullRequestsQuery, VIEWER_LOGIN_QUERY } from './github-queries.js'
import type { ListItem } from './github-routes.js'
import type { Unverified } from './unverified.js'

/** A comment as GitHub's REST API answers it, listed, made or changed. */
type CommentJson = Unverified<ListItem<'GET /repos/{owner}/{repo}/issues/comments'>>

/** The action's GitHub calls, on the repository `owner/name`, through the client. */
export function restGitHubApi(client: GitHubClient, repository: string): GitHubApi {
  const [owner = '', repo = ''] = repository.split('/')
  const removeReaction = (target: ReactionTarget, reaction_id: number) =>
    'comment' in target
      ? client.request('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions/{reaction_id}', {
          owner,
          repo,
          comment_id: target.comment,
          reaction_id
        })
      : client.request('DELETE /repos/{owner}/{repo}/issues/{issue_number}/reactions/{reaction_id}', {
          owner,
          repo,
          issue_number: target.issue,
          reaction_id
        })

  return {
    async viewerLogin() {
      const login = (await client.graphql(VIEWER_LOGIN_QUERY, {}))?.viewer?.login
      if (typeof login !== 'string' || login === '')
        throw new GitHubAnswerUnusable('GitHub named no viewer for the token')
      return login
    },
    async listComments(pullRequest, since) {
      const comments = await client.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        owner,
        repo,
        issue_number: pullRequest,
        ...(since === undefined ? {} : { since }),
        per_page: 100
      })
      return comments.map(asComment)
    },
    async getComment(id) {
      try {
        const reply = await client.request('GET /repos/{owner}/{repo}/issues/comments/{comment_id}', {
          owner,
          repo,
          comment_id: id
        })
        return asComment(reply.data)
      } catch (error) {
        if (error instanceof GitHubError && error.status === 404) return undefined
        throw error
      }
    },
    async listRepositoryComments(since) {
      const comments = await client.paginate('GET /repos/{owner}/{repo}/issues/comments', {
        owner,
        repo,
        since,
        // By creation, which no write changes: sorted by `updated`, a comment updated while the pages
        // are read moves to the end, and the one after it in the listing slips back onto a page already read.
        sort: 'created',
        direction: 'asc',
        per_page: 100
      })
      // A comment updated into the window while the pages are read shifts the rest by one: the one
      // pushed over a page's end comes twice, and counts once, as its later copy.
      return [...new Map(comments.map(asComment).map((comment) => [comment.id, comment])).values()]
    },
    async createComment(pullRequest, body, options = {}) {
      const reply = await client.request(
        'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
        { owner, repo, issue_number: pullRequest },
        { ...options, body: { body }, lookBeforeResending: true }
      )
      return asComment(reply.data)
    },
    async updateComment(id, body, options = {}) {
      const reply = await client.request(
        'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
        { owner, repo, comment_id: id },
        { ...options, body: { body } }
      )
      return asComment(reply.data)
    },
    async deleteComment(id, options = {}) {
      await ignoringGone(
        client.request(
          'DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}',
          { owner, repo, comment_id: id },
          options
        )
      )
    },
    async pullRequest(number) {
      const { data } = await client.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
        owner,
        repo,
        pull_number: number
      })
      const head = data?.head?.sha
      if (typeof head !== 'string') throw new GitHubAnswerUnusable(`pull request #${number} came without its head`)
      return { number, open: data?.state === 'open', merged: data?.merged === true, head }
    },
    async pullRequests(numbers) {
      const found = new Map<number, PullRequestState>()
      const unresolved: number[] = []
      for (let start = 0; start < numbers.length; start += PULL_REQUESTS_PER_QUERY) {
        const chunk = numbers.slice(start, start + PULL_REQUESTS_PER_QUERY)
        const asked = Object.fromEntries(chunk.map((number, index) => [pullRequestAlias(index), number]))
        const { data, notFound } = await withUnresolvedFields(
          client.graphql(pullRequestsQuery(chunk.length), { owner, name: repo, ...asked }),
          chunk.map((_, index) => pullRequestAlias(index))
        )
        unresolved.push(...chunk.filter((_, index) => notFound.has(pullRequestAlias(index))))
        for (const [index, number] of chunk.entries()) {
          const pull = data?.repository?.[pullRequestAlias(index)]
          if (typeof pull?.headRefOid !== 'string' || typeof pull.state !== 'string') continue
          found.set(number, {
            number,
            open: pull.state === 'OPEN',
            merged: pull.state === 'MERGED',
            head: pull.headRefOid
          })
        }
      }
      return { found, unresolved }
    },
    async addReaction(target, content) {
      const reply =
        'comment' in target
          ? await client.request(
              'POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions',
              { owner, repo, comment_id: target.comment },
              { body: { content } }
            )
          : await client.request(
              'POST /repos/{owner}/{repo}/issues/{issue_number}/reactions',
              { owner, repo, issue_number: target.issue },
              { body: { content } }
            )
      const reaction = reply.data
      if (typeof reaction?.id !== 'number' || typeof reaction.created_at !== 'string') {
        throw new GitHubAnswerUnusable('GitHub answered a reaction without its id and time')
      }
      const date = Date.parse(reply.headers.date ?? '')
      return {
        created: reply.status === 201,
        reactionId: reaction.id,
        createdAt: reaction.created_at,
        ...(Number.isNaN(date) ? {} : { serverTime: date }),
        earlierAttemptMayHaveActed: reply.earlierAttemptMayHaveActed
      }
    },
    async deleteReaction(target, reactionId) {
      await ignoringGone(removeReaction(target, reactionId))
    }
  }
}

function asComment(comment: CommentJson): IssueComment {
  if (typeof comment?.id !== 'number' || typeof comment.html_url !== 'string') {
    throw new GitHubAnswerUnusable('GitHub answered with a comment that has no id or address')
  }
  return {
    id: comment.id,
    body: typeof comment.body === 'string' ? comment.body : '',
    author: typeof comment.user?.login === 'string' ? comment.user.login : '',
    url: comment.html_url,
    updatedAt: typeof comment.updated_at === 'string' ? comment.updated_at : '',
    issue: Number(typeof comment.issue_url === 'string' ? comment.issue_url.split('/').at(-1) : NaN)
  }
}

/**
 * A query on `repository` whose fields GitHub may fail to resolve one by one: `null` for such a field,
 * with a `NOT_FOUND` error whose `path` names it (a pull request hidden as spam, or removed). The
 * data it gave is used, and those fields named; any other error still throws.
 */
async function withUnresolvedFields<Data>(
  query: Promise<Unverified<Data>>,
  fields: string[]
): Promise<{ data: Unverified<Data>; notFound: Set<string> }> {
  try {
    return { data: await query, notFound: new Set() }
  } catch (error) {
    if (!(error instanceof GraphQLErrors) || !isObject(error.data?.repository)) throw error
    const asked = new Set(fields)
    const notFound = error.errors.map((item) =>
      item.type === 'NOT_FOUND' && Array.isArray(item.path) && item.path.length === 2 && item.path[0] === 'repository'
        ? String(item.path[1])
        : undefined
    )
    const repository = error.data.repository
    const partial = notFound.every((field) => field !== undefined && asked.has(field) && repository[field] === null)
    if (!partial) throw error
    return { data: error.data as Unverified<Data>, notFound: new Set(notFound as string[]) }
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Deleting what another step deleted first is done all the same. */
async function ignoringGone(call: Promise<unknown>): Promise<void> {
  try {
    await call
  } catch (error) {
    if (!(error instanceof GitHubError && error.status === 404)) throw error
  }
}
