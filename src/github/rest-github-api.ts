import type { GitHubApi, IssueComment, PullRequestState, ReactionTarget } from './github-api.js'
import type { GitHubClient } from './github-client.js'
import { GitHubAnswerUnusable, GitHubError, GraphQLErrors } from './github-errors.js'

interface CommentJson {
  id?: unknown
  body?: unknown
  user?: { login?: unknown } | null
  html_url?: unknown
  updated_at?: unknown
  issue_url?: unknown
}

interface ReactionJson {
  id?: unknown
  created_at?: unknown
}

/** At most this many pull requests are asked about in one GraphQL query. */
const PULL_REQUESTS_PER_QUERY = 50

/** The action's GitHub calls, on the repository `owner/name`, through the client. */
export function restGitHubApi(client: GitHubClient, repository: string): GitHubApi {
  const repo = `/repos/${repository}`
  const [owner = '', name = ''] = repository.split('/')
  const reactionsOf = (target: ReactionTarget) =>
    'comment' in target
      ? `${repo}/issues/comments/${target.comment}/reactions`
      : `${repo}/issues/${target.issue}/reactions`

  return {
    async viewerLogin() {
      const data = await client.graphql('query { viewer { login } }')
      const login = (data.viewer as { login?: unknown } | undefined)?.login
      if (typeof login !== 'string' || login === '')
        throw new GitHubAnswerUnusable('GitHub named no viewer for the token')
      return login
    },
    async listComments(pullRequest) {
      return (await client.paginate(`${repo}/issues/${pullRequest}/comments?per_page=100`)).map(asComment)
    },
    async listRepositoryComments(since) {
      const query = `since=${encodeURIComponent(since)}&sort=updated&direction=asc&per_page=100`
      return (await client.paginate(`${repo}/issues/comments?${query}`)).map(asComment)
    },
    async createComment(pullRequest, body, options = {}) {
      const reply = await client.request('POST', `${repo}/issues/${pullRequest}/comments`, {
        ...options,
        body: { body }
      })
      return asComment(reply.data)
    },
    async updateComment(id, body, options = {}) {
      return asComment(
        (await client.request('PATCH', `${repo}/issues/comments/${id}`, { ...options, body: { body } })).data
      )
    },
    async deleteComment(id, options = {}) {
      await ignoringGone(client.request('DELETE', `${repo}/issues/comments/${id}`, options))
    },
    async pullRequest(number) {
      const data = (await client.request('GET', `${repo}/pulls/${number}`)).data as {
        state?: unknown
        merged?: unknown
        head?: { sha?: unknown }
      }
      if (typeof data.head?.sha !== 'string')
        throw new GitHubAnswerUnusable(`pull request #${number} came without its head`)
      return { number, open: data.state === 'open', merged: data.merged === true, head: data.head.sha }
    },
    async pullRequests(numbers) {
      const found = new Map<number, PullRequestState>()
      const unresolved: number[] = []
      for (let start = 0; start < numbers.length; start += PULL_REQUESTS_PER_QUERY) {
        const chunk = numbers.slice(start, start + PULL_REQUESTS_PER_QUERY)
        const fields = chunk.map(
          (number) =>
            `n${number}: issueOrPullRequest(number: ${number}) { ... on PullRequest { number state headRefOid } }`
        )
        const { data, notFound } = await withUnresolvedFields(
          client.graphql(
            `query($owner: String!, $name: String!) { repository(owner: $owner, name: $name) { ${fields.join(' ')} } }`,
            { owner, name }
          ),
          chunk.map((number) => `n${number}`)
        )
        unresolved.push(...chunk.filter((number) => notFound.has(`n${number}`)))
        const answers = (data.repository ?? {}) as Record<
          string,
          { number?: unknown; state?: unknown; headRefOid?: unknown } | null
        >
        for (const number of chunk) {
          const pull = answers[`n${number}`]
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
      const reply = await client.request('POST', reactionsOf(target), { body: { content } })
      const reaction = reply.data as ReactionJson
      if (typeof reaction.id !== 'number' || typeof reaction.created_at !== 'string') {
        throw new GitHubAnswerUnusable('GitHub answered a reaction without its id and time')
      }
      const date = Date.parse(reply.headers.date ?? '')
      return {
        created: reply.status === 201,
        reactionId: reaction.id,
        createdAt: reaction.created_at,
        serverTime: Number.isNaN(date) ? Date.now() : date
      }
    },
    async deleteReaction(target, reactionId) {
      await ignoringGone(client.request('DELETE', `${reactionsOf(target)}/${reactionId}`))
    }
  }
}

function asComment(item: unknown): IssueComment {
  const comment = item as CommentJson
  if (typeof comment.id !== 'number' || typeof comment.html_url !== 'string') {
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
async function withUnresolvedFields(
  query: Promise<Record<string, unknown>>,
  fields: string[]
): Promise<{ data: Record<string, unknown>; notFound: Set<string> }> {
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
    return { data: error.data, notFound: new Set(notFound as string[]) }
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
