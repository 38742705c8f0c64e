/**
 * What the fake GitHub holds: identities, pull requests, issue comments and reactions, and the faults a
 * test sets, with the JSON shapes GitHub answers them in. Any repository is accepted.
 */

/** Whom a token acts as: a user (a personal token), or an app such as github-actions[bot]. */
export interface FakeIdentity {
  login: string
  kind: 'user' | 'app'
  /** False plays a token without `pull-requests: write`: every write is refused with 403. */
  canWrite?: boolean
}

export interface FakeComment {
  id: number
  repository: string
  issue: number
  body: string
  author: string
  kind: 'user' | 'app'
  /** ms since the epoch. */
  updatedAt: number
}

export interface FakePullRequest {
  head: string
  state?: 'open' | 'closed'
  merged?: boolean
  /** A locked conversation refuses every write on it. */
  locked?: boolean
}

export interface FakeReaction {
  id: number
  /** `comment:ID` or `issue:NUMBER`. */
  target: string
  content: string
  login: string
  /** ms since the epoch. */
  createdAt: number
}

/** Faults a test can set while the fake runs. */
export interface FakeGitHubFaults {
  /** Every call on comments answers this (403 plays a missing permission). */
  comments?: { status: number; message: string }
  /**
   * Answer this 5xx (with this Retry-After) to the next `times` calls; its message made from the
   * request's Authorization header if given, as a careless proxy in front of the API might.
   */
  serverErrors?: { times: number; status?: number; retryAfter?: string; message?: (authorization: string) => string }
  /**
   * Apply the next `times` writes on comments and reactions (or `only` those), then answer them with
   * this 5xx (502 by default) all the same: a front end that lost the answer of a write the back end made.
   */
  appliedServerErrors?: { times: number; status?: number; only?: 'comments' | 'reactions' }
  /** Every answer's `Date` header: off by `skewMs` (a front end with a wrong clock), or left out. */
  date?: { skewMs: number } | 'omitted'
  /**
   * Answer the next `times` calls `on` writes (the default), GraphQL, or both with GitHub's secondary
   * rate limit, as 403 (the default) or 429, with this Retry-After if given: `0` or a date in the
   * past plays a hostile or broken front end that asks for no wait at all.
   */
  secondaryRateLimit?: { times: number; retryAfter?: string; status?: 403 | 429; on?: 'writes' | 'graphql' | 'both' }
  /**
   * Answer every GraphQL call until `resetAt` (ms since the epoch) as GitHub answers a used-up GraphQL
   * limit: HTTP 200 with an error of type RATE_LIMITED, x-ratelimit-remaining 0 and the reset.
   */
  graphqlRateLimit?: { resetAt: number }
  /**
   * Listings that never end: `same page` links each page to itself as its next; `endless` links
   * each to one more, every one with the first page's comments, as a hostile API might.
   */
  endlessListing?: 'same page' | 'endless'
  /** Answer the next `times` calls with a used-up primary rate limit (403, x-ratelimit-remaining: 0) resetting then. */
  primaryRateLimit?: { times: number; resetAt: number }
  /** Hold comment listings until this many are waiting, then answer them together: writers that read at once. */
  holdListings?: number
  /** Point every listing's next-page link here, as a broken or hostile API might. */
  nextPageAt?: string
  /**
   * Update this comment once a repository-wide listing has answered `afterPages` pages: a writer
   * elsewhere, while the action pages through (a listing sorted by `updated` moves it to its end).
   */
  updateWhileListing?: { commentId: number; afterPages: number }
}

export interface RecordedGitHubRequest {
  method: string
  path: string
  authorization?: string
  body: string
  /** When it arrived (ms since the epoch), and the status it was answered with. */
  at?: number
  answered?: number
}

export const DEFAULT_REPOSITORY = 'acme/renders'

/** The fake's state, shared by its routes. */
export interface FakeGitHubState {
  /** The REST API's base URL, known once the server listens. */
  apiUrl: string
  /** The web address comment links use. */
  serverUrl: string
  comments: FakeComment[]
  reactions: FakeReaction[]
  pullRequests: Map<number, FakePullRequest>
  /** Issues that are not pull requests; any other number without a pull request is one GitHub cannot resolve. */
  issues: Set<number>
  faults: FakeGitHubFaults
  requests: RecordedGitHubRequest[]
  /** The next id for a comment or a reaction. */
  nextId(): number
}

export function createState(
  serverUrl: string,
  pullRequests: Record<number, FakePullRequest>,
  issues: number[] = []
): FakeGitHubState {
  let nextId = 1000
  return {
    apiUrl: '',
    serverUrl,
    comments: [],
    reactions: [],
    pullRequests: new Map(Object.entries(pullRequests).map(([number, pull]) => [Number(number), pull])),
    issues: new Set(issues),
    faults: {},
    requests: [],
    nextId: () => nextId++
  }
}

/** A comment by anyone, as a test sets the scene or a client creates one. */
export function addComment(
  state: FakeGitHubState,
  issue: number,
  author: string,
  body: string,
  repository = DEFAULT_REPOSITORY,
  updatedAt = Date.now()
): FakeComment {
  const comment: FakeComment = {
    id: state.nextId(),
    repository,
    issue,
    body,
    author,
    kind: author.endsWith('[bot]') ? 'app' : 'user',
    updatedAt
  }
  state.comments.push(comment)
  return comment
}

export function commentsOn(state: FakeGitHubState, issue: number, repository = DEFAULT_REPOSITORY): FakeComment[] {
  return state.comments.filter((comment) => comment.issue === issue && comment.repository === repository)
}

/** GitHub's times: ISO 8601 to the second. */
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')

export function commentJson(state: FakeGitHubState, comment: FakeComment) {
  return {
    id: comment.id,
    node_id: `IC_${comment.id}`,
    url: `${state.apiUrl}/repos/${comment.repository}/issues/comments/${comment.id}`,
    html_url: `${state.serverUrl}/${comment.repository}/pull/${comment.issue}#issuecomment-${comment.id}`,
    issue_url: `${state.apiUrl}/repos/${comment.repository}/issues/${comment.issue}`,
    body: comment.body,
    user: { login: comment.author, id: 1, type: comment.kind === 'app' ? 'Bot' : 'User' },
    created_at: iso(comment.updatedAt),
    updated_at: iso(comment.updatedAt)
  }
}

export function reactionJson(reaction: FakeReaction) {
  return {
    id: reaction.id,
    content: reaction.content,
    user: { login: reaction.login },
    created_at: iso(reaction.createdAt)
  }
}
