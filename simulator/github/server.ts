import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A fake of the GitHub REST API calls the action makes, on 127.0.0.1 only: the token's user, a pull
 * request's head, and the issue comments of a pull request (listed page by page with `Link` headers,
 * created, updated and deleted by their author only). Any repository is accepted.
 */

/** Whom a token acts as: a user (a personal token), or an app such as github-actions[bot] (the workflow's token). */
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
}

/** Faults a test can set while the fake runs. */
export interface FakeGitHubFaults {
  /** Every call on comments answers this (403 plays a missing permission). */
  comments?: { status: number; message: string }
  /** Answer this 5xx (with this Retry-After) to the next `times` calls. */
  serverErrors?: { times: number; status?: number; retryAfter?: string }
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

export interface RunningFakeGitHub {
  /** The REST API's base URL, for `GITHUB_API_URL` or the `github-api-url` input. */
  apiUrl: string
  comments: FakeComment[]
  /** Pull request heads by number, in every repository. */
  pullRequests: Map<number, { head: string }>
  faults: FakeGitHubFaults
  requests: RecordedGitHubRequest[]
  /** A comment by anyone, as a test sets the scene. */
  addComment(issue: number, author: string, body: string, repository?: string): FakeComment
  commentsOn(issue: number, repository?: string): FakeComment[]
  close(): Promise<void>
}

export interface FakeGitHubOptions {
  tokens: Record<string, FakeIdentity>
  pullRequests?: Record<number, { head: string }>
  port?: number
  /** The web address comment links use. */
  serverUrl?: string
}

export const DEFAULT_REPOSITORY = 'acme/renders'
const DEFAULT_PAGE = 30
const MAX_PAGE = 100

type Answer = { status: number; body?: unknown; headers?: Record<string, string> }

export async function startFakeGitHub(options: FakeGitHubOptions): Promise<RunningFakeGitHub> {
  const serverUrl = options.serverUrl ?? 'https://github.com'
  const comments: FakeComment[] = []
  const pullRequests = new Map(
    Object.entries(options.pullRequests ?? {}).map(([number, pull]) => [Number(number), pull])
  )
  const faults: FakeGitHubFaults = {}
  const requests: RecordedGitHubRequest[] = []
  const heldListings: Array<() => void> = []
  let nextId = 1000
  let apiUrl = ''

  const commentJson = (comment: FakeComment) => ({
    id: comment.id,
    node_id: `IC_${comment.id}`,
    url: `${apiUrl}/repos/${comment.repository}/issues/comments/${comment.id}`,
    html_url: `${serverUrl}/${comment.repository}/pull/${comment.issue}#issuecomment-${comment.id}`,
    body: comment.body,
    user: { login: comment.author, id: 1, type: comment.kind === 'app' ? 'Bot' : 'User' },
    created_at: '2026-11-29T00:00:00Z',
    updated_at: '2026-11-29T00:00:00Z'
  })
  const addComment = (issue: number, author: string, body: string, repository = DEFAULT_REPOSITORY) => {
    const comment: FakeComment = {
      id: nextId++,
      repository,
      issue,
      body,
      author,
      kind: author.endsWith('[bot]') ? 'app' : 'user'
    }
    comments.push(comment)
    return comment
  }
  const commentsOn = (issue: number, repository = DEFAULT_REPOSITORY) =>
    comments.filter((comment) => comment.issue === issue && comment.repository === repository)

  async function route(request: IncomingMessage, body: string): Promise<Answer> {
    const identity = identityOf(request.headers.authorization, options.tokens)
    if (!identity) return { status: 401, body: { message: 'Bad credentials' } }
    const url = new URL(request.url ?? '/', 'http://fake')
    const method = request.method ?? 'GET'
    if (faults.serverErrors && faults.serverErrors.times > 0) {
      faults.serverErrors.times--
      const { status = 502, retryAfter } = faults.serverErrors
      return { status, body: { message: 'Server Error' }, headers: retryAfter ? { 'retry-after': retryAfter } : {} }
    }
    if (url.pathname === '/user' && method === 'GET') {
      return identity.kind === 'user'
        ? { status: 200, body: { login: identity.login, id: 1, type: 'User' } }
        : { status: 403, body: { message: 'Resource not accessible by integration', status: '403' } }
    }
    const pull = url.pathname.match(/^\/repos\/([^/]+\/[^/]+)\/pulls\/(\d+)$/)
    if (pull && method === 'GET') {
      const found = pullRequests.get(Number(pull[2]))
      return found
        ? { status: 200, body: { number: Number(pull[2]), state: 'open', head: { sha: found.head, ref: 'feature' } } }
        : { status: 404, body: { message: 'Not Found' } }
    }
    const onIssue = url.pathname.match(/^\/repos\/([^/]+\/[^/]+)\/issues\/(\d+)\/comments$/)
    const onComment = url.pathname.match(/^\/repos\/([^/]+\/[^/]+)\/issues\/comments\/(\d+)$/)
    if (!onIssue && !onComment) return { status: 404, body: { message: 'Not Found' } }
    if (faults.comments) return { status: faults.comments.status, body: { message: faults.comments.message } }
    const writing = method !== 'GET'
    if (writing && identity.canWrite === false) {
      return { status: 403, body: { message: 'Resource not accessible by integration' } }
    }
    if (onIssue) {
      const [, repository = '', issue = ''] = onIssue
      if (method === 'GET') {
        await holdListing()
        return listPage(commentsOn(Number(issue), repository), url)
      }
      if (method === 'POST') {
        const text = (JSON.parse(body) as { body: string }).body
        return { status: 201, body: commentJson(addComment(Number(issue), identity.login, text, repository)) }
      }
      return { status: 404, body: { message: 'Not Found' } }
    }
    const comment = comments.find((candidate) => candidate.id === Number(onComment?.[2]))
    if (!comment) return { status: 404, body: { message: 'Not Found' } }
    if (comment.author !== identity.login)
      return { status: 403, body: { message: 'Must have admin rights to Repository.' } }
    if (method === 'PATCH') {
      comment.body = (JSON.parse(body) as { body: string }).body
      return { status: 200, body: commentJson(comment) }
    }
    if (method === 'DELETE') {
      comments.splice(comments.indexOf(comment), 1)
      return { status: 204 }
    }
    return { status: 404, body: { message: 'Not Found' } }
  }

  function listPage(all: FakeComment[], url: URL): Answer {
    const perPage = Math.min(Number(url.searchParams.get('per_page') ?? DEFAULT_PAGE) || DEFAULT_PAGE, MAX_PAGE)
    const page = Math.max(Number(url.searchParams.get('page') ?? 1) || 1, 1)
    const last = Math.max(Math.ceil(all.length / perPage), 1)
    const link = (number: number, rel: string) => {
      const target = new URL(`${apiUrl}${url.pathname}`)
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
      body: all.slice((page - 1) * perPage, page * perPage).map(commentJson),
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
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    apiUrl,
    comments,
    pullRequests,
    faults,
    requests,
    addComment,
    commentsOn,
    close: () =>
      new Promise((resolve) => {
        for (const go of heldListings.splice(0)) go()
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
  const headers = {
    ...(answer.body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
    ...answer.headers
  }
  response.writeHead(answer.status, headers).end(answer.body === undefined ? undefined : JSON.stringify(answer.body))
}
