import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { listening } from '../listening.js'

/**
 * A fake of the GitHub API calls the action makes, on 127.0.0.1 only, modelling what the records'
 * rules depend on: whom each token acts as (an installation token gets 403 from `GET /user`; GraphQL's
 * `viewer` answers for all), pull requests with their head and state, issue comments (listed page by
 * page with `Link` headers, per pull request or for the whole repository since a time, created,
 * updated and deleted by their author only, at most 65,536 characters), reactions (201 when new, 200
 * when the same identity already left one), locked conversations, rate limits, and writes held back
 * so that a test can let them be applied late. Any repository is accepted.
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
  /** Answer this 5xx (with this Retry-After) to the next `times` calls. */
  serverErrors?: { times: number; status?: number; retryAfter?: string }
  /** Answer the next `times` writes with GitHub's secondary rate limit (403), with this Retry-After if given. */
  secondaryRateLimit?: { times: number; retryAfter?: string }
  /** Answer the next `times` calls with a used-up primary rate limit (403, x-ratelimit-remaining: 0) resetting then. */
  primaryRateLimit?: { times: number; resetAt: number }
  /** Hold comment listings until this many are waiting, then answer them together: writers that read at once. */
  holdListings?: number
  /** Point every listing's next-page link here, as a broken or hostile API might. */
  nextPageAt?: string
}

export interface RecordedGitHubRequest {
  method: string
  path: string
  authorization?: string
  body: string
}

/** A write the fake holds back, neither applied nor answered until the test releases it. */
export interface HeldWrite {
  method: string
  path: string
  /** Applies the write now (however late) and answers it, if its client still listens. */
  release(): void
}

export interface RunningFakeGitHub {
  /** The REST API's base URL, for `GITHUB_API_URL` or the `github-api-url` input. */
  apiUrl: string
  comments: FakeComment[]
  reactions: FakeReaction[]
  /** Pull requests by number, in every repository. */
  pullRequests: Map<number, FakePullRequest>
  faults: FakeGitHubFaults
  requests: RecordedGitHubRequest[]
  /** A comment by anyone, as a test sets the scene. */
  addComment(issue: number, author: string, body: string, repository?: string, updatedAt?: number): FakeComment
  commentsOn(issue: number, repository?: string): FakeComment[]
  /** Holds the next write on comments or reactions (of this method only, if given); resolves once it has arrived. */
  holdNextWrite(method?: string): Promise<HeldWrite>
  close(): Promise<void>
}

export interface FakeGitHubOptions {
  tokens: Record<string, FakeIdentity>
  pullRequests?: Record<number, FakePullRequest>
  port?: number
  /** The web address comment links use. */
  serverUrl?: string
}

export const DEFAULT_REPOSITORY = 'acme/renders'
/** GitHub's limit on a comment's body. */
export const MAX_BODY_CHARS = 65_536
const DEFAULT_PAGE = 30
const MAX_PAGE = 100

type Answer = { status: number; body?: unknown; headers?: Record<string, string> }

export async function startFakeGitHub(options: FakeGitHubOptions): Promise<RunningFakeGitHub> {
  const serverUrl = options.serverUrl ?? 'https://github.com'
  const comments: FakeComment[] = []
  const reactions: FakeReaction[] = []
  const pullRequests = new Map(
    Object.entries(options.pullRequests ?? {}).map(([number, pull]) => [Number(number), pull])
  )
  const faults: FakeGitHubFaults = {}
  const requests: RecordedGitHubRequest[] = []
  const heldListings: Array<() => void> = []
  const writeHolders: Array<{ method?: string; hold: (held: HeldWrite) => void }> = []
  let nextId = 1000
  let apiUrl = ''

  const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
  const commentJson = (comment: FakeComment) => ({
    id: comment.id,
    node_id: `IC_${comment.id}`,
    url: `${apiUrl}/repos/${comment.repository}/issues/comments/${comment.id}`,
    html_url: `${serverUrl}/${comment.repository}/pull/${comment.issue}#issuecomment-${comment.id}`,
    issue_url: `${apiUrl}/repos/${comment.repository}/issues/${comment.issue}`,
    body: comment.body,
    user: { login: comment.author, id: 1, type: comment.kind === 'app' ? 'Bot' : 'User' },
    created_at: iso(comment.updatedAt),
    updated_at: iso(comment.updatedAt)
  })
  const reactionJson = (reaction: FakeReaction) => ({
    id: reaction.id,
    content: reaction.content,
    user: { login: reaction.login },
    created_at: iso(reaction.createdAt)
  })
  const addComment = (
    issue: number,
    author: string,
    body: string,
    repository = DEFAULT_REPOSITORY,
    updatedAt = Date.now()
  ) => {
    const comment: FakeComment = {
      id: nextId++,
      repository,
      issue,
      body,
      author,
      kind: author.endsWith('[bot]') ? 'app' : 'user',
      updatedAt
    }
    comments.push(comment)
    return comment
  }
  const commentsOn = (issue: number, repository = DEFAULT_REPOSITORY) =>
    comments.filter((comment) => comment.issue === issue && comment.repository === repository)
  const notFound: Answer = { status: 404, body: { message: 'Not Found' } }
  const locked: Answer = { status: 403, body: { message: 'Unable to create comment because issue is locked.' } }

  async function route(request: IncomingMessage, body: string): Promise<Answer> {
    const identity = identityOf(request.headers.authorization, options.tokens)
    if (!identity) return { status: 401, body: { message: 'Bad credentials' } }
    const url = new URL(request.url ?? '/', 'http://fake')
    const method = request.method ?? 'GET'
    const writing = method !== 'GET' && url.pathname !== '/graphql'
    const limited = rateLimited(writing)
    if (limited) return limited
    if (url.pathname === '/user' && method === 'GET') {
      return identity.kind === 'user'
        ? { status: 200, body: { login: identity.login, id: 1, type: 'User' } }
        : { status: 403, body: { message: 'Resource not accessible by integration', status: '403' } }
    }
    if (url.pathname === '/graphql' && method === 'POST') return graphql(identity, body)
    const pull = url.pathname.match(/^\/repos\/([^/]+\/[^/]+)\/pulls\/(\d+)$/)
    if (pull && method === 'GET') {
      const found = pullRequests.get(Number(pull[2]))
      return found
        ? {
            status: 200,
            body: {
              number: Number(pull[2]),
              state: found.state ?? 'open',
              merged: found.merged ?? false,
              locked: found.locked ?? false,
              head: { sha: found.head, ref: 'feature', repo: { fork: false } }
            }
          }
        : notFound
    }
    const repositoryComments = url.pathname.match(/^\/repos\/([^/]+\/[^/]+)\/issues\/comments$/)
    const onIssue = url.pathname.match(/^\/repos\/([^/]+\/[^/]+)\/issues\/(\d+)\/comments$/)
    const onComment = url.pathname.match(/^\/repos\/([^/]+\/[^/]+)\/issues\/comments\/(\d+)$/)
    const issueReactions = url.pathname.match(/^\/repos\/([^/]+\/[^/]+)\/issues\/(\d+)\/reactions(?:\/(\d+))?$/)
    const commentReactions = url.pathname.match(
      /^\/repos\/([^/]+\/[^/]+)\/issues\/comments\/(\d+)\/reactions(?:\/(\d+))?$/
    )
    if (!repositoryComments && !onIssue && !onComment && !issueReactions && !commentReactions) return notFound
    if (faults.comments) return { status: faults.comments.status, body: { message: faults.comments.message } }
    if (writing && identity.canWrite === false) {
      return { status: 403, body: { message: 'Resource not accessible by integration' } }
    }
    if (writing) await holdIfAsked(method, url.pathname)
    if (repositoryComments && method === 'GET') {
      const [, repository = ''] = repositoryComments
      const since = Date.parse(url.searchParams.get('since') ?? '') || 0
      const updated = comments
        .filter((comment) => comment.repository === repository && comment.updatedAt >= since)
        .sort((a, b) => a.updatedAt - b.updatedAt || a.id - b.id)
      return listPage(updated, url, commentJson)
    }
    if (onIssue) {
      const [, repository = '', issue = ''] = onIssue
      if (method === 'GET') {
        await holdListing()
        return listPage(commentsOn(Number(issue), repository), url, commentJson)
      }
      if (method !== 'POST') return notFound
      if (pullRequests.get(Number(issue))?.locked) return locked
      const text = (JSON.parse(body) as { body: string }).body
      if (text.length > MAX_BODY_CHARS) return tooLong()
      return { status: 201, body: commentJson(addComment(Number(issue), identity.login, text, repository)) }
    }
    const reactionsOn = commentReactions ?? issueReactions
    if (reactionsOn) {
      const [, , id = '', reactionId] = reactionsOn
      const target = commentReactions ? `comment:${id}` : `issue:${id}`
      if (commentReactions && !comments.some((comment) => comment.id === Number(id))) return notFound
      return reaction(identity, method, target, reactionId, body)
    }
    const comment = comments.find((candidate) => candidate.id === Number(onComment?.[2]))
    if (!comment) return notFound
    if (method === 'GET') return { status: 200, body: commentJson(comment) }
    if (comment.author !== identity.login)
      return { status: 403, body: { message: 'Must have admin rights to Repository.' } }
    if (pullRequests.get(comment.issue)?.locked) return locked
    if (method === 'PATCH') {
      const text = (JSON.parse(body) as { body: string }).body
      if (text.length > MAX_BODY_CHARS) return tooLong()
      comment.body = text
      comment.updatedAt = Date.now()
      return { status: 200, body: commentJson(comment) }
    }
    if (method === 'DELETE') {
      comments.splice(comments.indexOf(comment), 1)
      for (const gone of reactions.filter((item) => item.target === `comment:${comment.id}`))
        reactions.splice(reactions.indexOf(gone), 1)
      return { status: 204 }
    }
    return notFound
  }

  function reaction(
    identity: FakeIdentity,
    method: string,
    target: string,
    reactionId: string | undefined,
    body: string
  ): Answer {
    if (method === 'POST' && reactionId === undefined) {
      if (target.startsWith('issue:') && pullRequests.get(Number(target.slice(6)))?.locked) return locked
      const content = (JSON.parse(body) as { content: string }).content
      const existing = reactions.find(
        (item) => item.target === target && item.content === content && item.login === identity.login
      )
      if (existing) return { status: 200, body: reactionJson(existing) }
      const made: FakeReaction = { id: nextId++, target, content, login: identity.login, createdAt: Date.now() }
      reactions.push(made)
      return { status: 201, body: reactionJson(made) }
    }
    if (method === 'DELETE' && reactionId !== undefined) {
      const found = reactions.find((item) => item.id === Number(reactionId) && item.target === target)
      if (!found) return notFound
      if (found.login !== identity.login) return { status: 403, body: { message: 'Must have admin rights' } }
      reactions.splice(reactions.indexOf(found), 1)
      return { status: 204 }
    }
    return notFound
  }

  /**
   * `viewer { login }`, and the `issueOrPullRequest` fields the sweep asks for (each number given in
   * the query or as a variable), as GitHub's GraphQL answers them.
   */
  function graphql(identity: FakeIdentity, body: string): Answer {
    const { query = '', variables = {} } = JSON.parse(body || '{}') as {
      query?: string
      variables?: Record<string, unknown>
    }
    const data: Record<string, unknown> = {}
    if (/\bviewer\s*\{\s*login\s*\}/.test(query)) data.viewer = { login: identity.login }
    const fields = [...query.matchAll(/(\w+): issueOrPullRequest\(number: (?:(\d+)|\$(\w+))\)/g)]
    const missing = fields.find(
      ([, , literal, variable = '']) => literal === undefined && !Number.isInteger(variables[variable])
    )
    if (missing) {
      const message = `Variable $${missing[3]} of type Int! was provided invalid value`
      return { status: 200, body: { errors: [{ message }] } }
    }
    if (fields.length > 0) {
      data.repository = Object.fromEntries(
        fields.map(([, alias = '', literal, variable = '']) => {
          const number = literal ?? variables[variable]
          const pull = pullRequests.get(Number(number))
          const state = !pull ? undefined : pull.merged ? 'MERGED' : pull.state === 'closed' ? 'CLOSED' : 'OPEN'
          return [alias, pull ? { number: Number(number), state, headRefOid: pull.head } : {}]
        })
      )
    }
    if (Object.keys(data).length === 0) return { status: 200, body: { errors: [{ message: 'unknown query' }] } }
    return { status: 200, body: { data } }
  }

  function rateLimited(writing: boolean): Answer | undefined {
    const secondary = faults.secondaryRateLimit
    if (writing && secondary && secondary.times > 0) {
      secondary.times--
      return {
        status: 403,
        body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' },
        headers: secondary.retryAfter ? { 'retry-after': secondary.retryAfter } : {}
      }
    }
    const primary = faults.primaryRateLimit
    if (primary && primary.times > 0) {
      primary.times--
      return {
        status: 403,
        body: { message: 'API rate limit exceeded for installation ID 1.' },
        headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(primary.resetAt / 1000)) }
      }
    }
    if (faults.serverErrors && faults.serverErrors.times > 0) {
      faults.serverErrors.times--
      const { status = 502, retryAfter } = faults.serverErrors
      return { status, body: { message: 'Server Error' }, headers: retryAfter ? { 'retry-after': retryAfter } : {} }
    }
    return undefined
  }

  function tooLong(): Answer {
    return {
      status: 422,
      body: {
        message: 'Validation Failed',
        errors: [
          {
            resource: 'IssueComment',
            code: 'custom',
            field: 'body',
            message: 'body is too long (maximum is 65536 characters)'
          }
        ]
      }
    }
  }

  function listPage<T>(all: T[], url: URL, toJson: (item: T) => unknown): Answer {
    const perPage = Math.min(Number(url.searchParams.get('per_page') ?? DEFAULT_PAGE) || DEFAULT_PAGE, MAX_PAGE)
    const page = Math.max(Number(url.searchParams.get('page') ?? 1) || 1, 1)
    const last = Math.max(Math.ceil(all.length / perPage), 1)
    const link = (number: number, rel: string) => {
      const target = new URL(`${apiUrl}${url.pathname}${url.search}`)
      target.searchParams.set('per_page', String(perPage))
      target.searchParams.set('page', String(number))
      return `<${target.href}>; rel="${rel}"`
    }
    const links = faults.nextPageAt
      ? [`<${faults.nextPageAt}>; rel="next"`]
      : page < last
        ? [link(page + 1, 'next'), link(last, 'last')]
        : []
    return {
      status: 200,
      body: all.slice((page - 1) * perPage, page * perPage).map(toJson),
      headers: links.length > 0 ? { link: links.join(', ') } : {}
    }
  }

  /** With `holdListings`, waits until that many listings wait, then lets them all go. */
  function holdListing(): Promise<void> {
    const wanted = faults.holdListings ?? 0
    if (wanted <= 1) return Promise.resolve()
    return new Promise((release) => {
      heldListings.push(release)
      if (heldListings.length >= wanted) {
        faults.holdListings = 0
        for (const go of heldListings.splice(0)) go()
      }
    })
  }

  /** A write a test asked to hold: neither applied nor answered until released. */
  function holdIfAsked(method: string, path: string): Promise<void> {
    const index = writeHolders.findIndex((holder) => holder.method === undefined || holder.method === method)
    const [holder] = index === -1 ? [] : writeHolders.splice(index, 1)
    if (!holder) return Promise.resolve()
    return new Promise((release) => holder.hold({ method, path, release }))
  }

  const server = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk: Buffer) => (body += chunk.toString()))
    request.on('end', () => {
      requests.push({
        method: request.method ?? '',
        path: request.url ?? '',
        authorization: request.headers.authorization,
        body
      })
      void route(request, body).then((answer) => send(response, answer))
    })
  })
  await listening(server, options.port ?? 0, '127.0.0.1')
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    apiUrl,
    comments,
    reactions,
    pullRequests,
    faults,
    requests,
    addComment,
    commentsOn,
    holdNextWrite: (method) => new Promise((hold) => writeHolders.push({ method, hold })),
    close: () =>
      new Promise((resolve) => {
        for (const go of heldListings.splice(0)) go()
        writeHolders.splice(0)
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

function identityOf(header: string | undefined, tokens: Record<string, FakeIdentity>): FakeIdentity | undefined {
  const token = header?.match(/^(?:Bearer|token) (.+)$/i)?.[1]
  return token === undefined ? undefined : tokens[token]
}

function send(response: ServerResponse, answer: Answer): void {
  if (response.destroyed) return
  const headers = {
    date: new Date().toUTCString(),
    ...(answer.body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
    ...answer.headers
  }
  response.writeHead(answer.status, headers).end(answer.body === undefined ? undefined : JSON.stringify(answer.body))
}
