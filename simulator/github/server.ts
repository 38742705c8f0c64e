import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { listening } from '../listening.js'
import { cannotWrite, notFound, send, type Answer } from './answers.js'
import { commentRouteOf, commentRoutes } from './comments.js'
import { graphql } from './graphql.js'
import { createHolds, type HeldWrite } from './held.js'
import {
  addComment,
  commentsOn,
  createState,
  type FakeComment,
  type FakeGitHubFaults,
  type FakeIdentity,
  type FakePullRequest,
  type FakeReaction,
  type RecordedGitHubRequest
} from './model.js'
import { limitedByFaults } from './rate-limits.js'
import { createSecondaryLimiter, GITHUB_SECONDARY_LIMITS, type SecondaryLimits } from './secondary-limits.js'

/**
 * A fake of the GitHub API calls the action makes, on 127.0.0.1 only, modelling what the records'
 * rules depend on: whom each token acts as (an installation token gets 403 from `GET /user`; GraphQL's
 * `viewer` answers for all, `graphql.ts`), pull requests with their head and state, issue comments and
 * reactions (`comments.ts`, `reactions.ts`, `listing.ts`), locked conversations, rate limits
 * (`rate-limits.ts`), and writes held back so that a test can let them be applied late (`held.ts`).
 * This file routes a request to them.
 */

export { DEFAULT_REPOSITORY } from './model.js'
export type {
  FakeComment,
  FakeGitHubFaults,
  FakeIdentity,
  FakePullRequest,
  FakeReaction,
  RecordedGitHubRequest
} from './model.js'
export type { HeldWrite } from './held.js'
export { MAX_BODY_CHARS } from './answers.js'

export interface RunningFakeGitHub {
  /** The REST API's base URL, for `GITHUB_API_URL` or the `github-api-url` input. */
  apiUrl: string
  comments: FakeComment[]
  reactions: FakeReaction[]
  /** Pull requests by number, in every repository. */
  pullRequests: Map<number, FakePullRequest>
  /** Issues that are not pull requests; any other number without a pull request cannot be resolved. */
  issues: Set<number>
  faults: FakeGitHubFaults
  requests: RecordedGitHubRequest[]
  /** A comment by anyone, as a test sets the scene. */
  addComment(issue: number, author: string, body: string, repository?: string, updatedAt?: number): FakeComment
  commentsOn(issue: number, repository?: string): FakeComment[]
  /** When each request over one of GitHub's secondary limits came (ms). */
  secondaryLimitsTripped: number[]
  /** Holds the next write on comments or reactions (of this method only, if given); resolves once it has arrived. */
  holdNextWrite(method?: string): Promise<HeldWrite>
  close(): Promise<void>
}

export interface FakeGitHubOptions {
  tokens: Record<string, FakeIdentity>
  pullRequests?: Record<number, FakePullRequest>
  issues?: number[]
  port?: number
  /** The web address comment links use. */
  serverUrl?: string
  /** Serve as GitHub Enterprise Server does: REST under `/api/v3`, GraphQL at `/api/graphql`. */
  enterprise?: boolean
  /** GitHub's secondary limits, enforced per identity (`secondary-limits.ts`); false for none. */
  secondaryLimits?: SecondaryLimits | false
  /** The clock the secondary limits count time by; the real one unless a test runs the client on a fake one. */
  now?: () => number
}

export async function startFakeGitHub(options: FakeGitHubOptions): Promise<RunningFakeGitHub> {
  const state = createState(options.serverUrl ?? 'https://github.com', options.pullRequests ?? {}, options.issues)
  const holds = createHolds()
  const limiter = createSecondaryLimiter(options.secondaryLimits ?? GITHUB_SECONDARY_LIMITS, options.now)
  // Where GitHub serves its APIs: at the root on github.com, beside each other under /api on GHES.
  const paths = options.enterprise ? { rest: '/api/v3', graphql: '/api/graphql' } : { rest: '', graphql: '/graphql' }

  async function route(request: IncomingMessage, body: string): Promise<Answer> {
    const identity = identityOf(request.headers.authorization, options.tokens)
    if (!identity) return { status: 401, body: { message: 'Bad credentials' } }
    const url = new URL(request.url ?? '/', 'http://fake')
    const isGraphql = url.pathname === paths.graphql
    // The routes below are REST's paths from its base: anything outside the base is not the API.
    if (!isGraphql && !url.pathname.startsWith(`${paths.rest}/`)) return notFound
    if (!isGraphql) url.pathname = url.pathname.slice(paths.rest.length)
    const method = request.method ?? 'GET'
    const writing = method !== 'GET' && !isGraphql
    const limited = limitedByFaults(state.faults, writing, request.headers.authorization ?? '', isGraphql)
    if (limited) return limited
    const overLimit = isGraphql ? undefined : limiter.check(identity.login, writing)
    if (overLimit) return overLimit
    if (url.pathname === '/user' && method === 'GET') {
      return identity.kind === 'user'
        ? { status: 200, body: { login: identity.login, id: 1, type: 'User' } }
        : { status: 403, body: { message: 'Resource not accessible by integration', status: '403' } }
    }
    if (isGraphql && method === 'POST') return graphql(state, identity, body)
    const pull = url.pathname.match(/^\/repos\/([^/]+\/[^/]+)\/pulls\/(\d+)$/)
    if (pull && method === 'GET') return pullRequest(Number(pull[2]))
    const commentRoute = commentRouteOf(url.pathname)
    if (!commentRoute) return notFound
    if (state.faults.comments)
      return { status: state.faults.comments.status, body: { message: state.faults.comments.message } }
    if (writing && identity.canWrite === false) return cannotWrite
    if (writing) await holds.holdIfAsked(method, url.pathname)
    const answer = await commentRoutes(state, holds, identity, method, url, commentRoute, body)
    const kind = commentRoute.commentReactions || commentRoute.issueReactions ? 'reactions' : 'comments'
    return writing ? appliedButFailed(state.faults, kind, answer) : answer
  }

  function pullRequest(number: number): Answer {
    const found = state.pullRequests.get(number)
    if (!found) return notFound
    return {
      status: 200,
      body: {
        number,
        state: found.state ?? 'open',
        merged: found.merged ?? false,
        locked: found.locked ?? false,
        head: { sha: found.head, ref: 'feature', repo: { fork: false } }
      }
    }
  }

  const server = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk: Buffer) => (body += chunk.toString()))
    request.on('end', () => {
      const recorded: RecordedGitHubRequest = {
        method: request.method ?? '',
        path: request.url ?? '',
        authorization: request.headers.authorization,
        body,
        at: Date.now()
      }
      state.requests.push(recorded)
      void route(request, body).then((answer) => {
        recorded.answered = answer.status
        send(response, answer, dateOf(state.faults))
      })
    })
  })
  await listening(server, options.port ?? 0, '127.0.0.1')
  state.apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}${paths.rest}`
  return {
    apiUrl: state.apiUrl,
    comments: state.comments,
    reactions: state.reactions,
    pullRequests: state.pullRequests,
    issues: state.issues,
    faults: state.faults,
    requests: state.requests,
    secondaryLimitsTripped: limiter.tripped,
    addComment: (...args) => addComment(state, ...args),
    commentsOn: (...args) => commentsOn(state, ...args),
    holdNextWrite: (method) => holds.holdNextWrite(method),
    close: () =>
      new Promise((resolve) => {
        holds.releaseAll()
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

/** A write made, answered with a 5xx all the same when a test asked for it. */
function appliedButFailed(faults: FakeGitHubFaults, kind: 'comments' | 'reactions', answer: Answer): Answer {
  const fault = faults.appliedServerErrors
  if (!fault || fault.times <= 0 || answer.status >= 300 || (fault.only && fault.only !== kind)) return answer
  fault.times--
  return { status: fault.status ?? 502, body: { message: 'Server Error' } }
}

/** The `Date` an answer carries, as the faults say. */
function dateOf(faults: FakeGitHubFaults): Date | undefined {
  if (faults.date === 'omitted') return undefined
  return new Date(Date.now() + (faults.date?.skewMs ?? 0))
}

function identityOf(header: string | undefined, tokens: Record<string, FakeIdentity>): FakeIdentity | undefined {
  const token = header?.match(/^(?:Bearer|token) (.+)$/i)?.[1]
  return token === undefined ? undefined : tokens[token]
}
