import {
  describeStatus,
  finalReason,
  mayHaveActed,
  sendWithRetries,
  type RetryContext
} from '../http/send-with-retries.js'
import { jsonTextOf } from '../http/json-body.js'
import type { HttpAnswer, HttpRequest, Transport } from '../http/transport.js'
import {
  GitHubAnswerUnusable,
  GitHubError,
  GitHubUnreachable,
  GraphQLErrors,
  WriteMayHaveLanded,
  WriteWindowClosed,
  type GraphQLErrorItem
} from './github-errors.js'
import type { GitHubQuery } from './github-queries.js'
import {
  routeRequest,
  type ListItem,
  type ListRoute,
  type RestRoute,
  type RouteBody,
  type RouteParameters,
  type RouteReply
} from './github-routes.js'
import { gitHubRateLimitWait, MAX_RATE_LIMIT_WAIT_MS } from './rate-limits.js'
import type { Unverified } from './unverified.js'
import { MIN_WRITE_GAP_MS, writeSpacing } from './write-spacing.js'

/**
 * The most bytes read of one GitHub reply. A page of 100 comments of GitHub's longest (65,536
 * characters) is about 20 MB at worst; real pages are a small fraction of that.
 */
export const MAX_GITHUB_REPLY_BYTES = 32 * 1024 * 1024

export interface GitHubClientConfig extends RetryContext {
  transport: Transport
  token: string
  /** The REST API's base URL: the only origin the token is sent to. */
  apiUrl: string
  timeoutMs: number
  /** The least time between two mutating requests of this client (`write-spacing.ts`); a second by default. */
  writeGapMs?: number
}

export interface GitHubReply<Data = unknown> {
  status: number
  /** Lower-cased. */
  headers: Record<string, string>
  /** The parsed JSON body; undefined for an empty one. */
  data: Data
  /** True when an attempt before the answered one failed in a way GitHub may have applied (5xx, timeout). */
  earlierAttemptMayHaveActed: boolean
}

export interface RequestOptions<Body = unknown> {
  body?: Body
  /**
   * The latest time (by `now()`) at which this request may still be applied: an attempt that could
   * take longer is not sent. A writer under a lease passes the lease's end.
   */
  notAfter?: number
  /**
   * A write that must not be applied twice: after an attempt GitHub may have applied, it is not sent
   * again; WriteMayHaveLanded is thrown instead (once the retry's wait is over) for the caller to look.
   */
  lookBeforeResending?: boolean
}

/**
 * Each call names GitHub's route and its parameters, and gets the reply as GitHub's schema describes
 * it, unverified (see `github-routes.ts`, `github-queries.ts`).
 */
export interface GitHubClient {
  /** One call of the route. Throws on any answer but 2xx. */
  request<R extends RestRoute>(
    route: R,
    parameters: RouteParameters<R>,
    options?: RequestOptions<RouteBody<R>>
  ): Promise<GitHubReply<Unverified<RouteReply<R>>>>
  /** Every item of a listing, following its `Link: rel="next"` pages. */
  paginate<R extends ListRoute>(route: R, parameters: RouteParameters<R>): Promise<Array<Unverified<ListItem<R>>>>
  /** A GraphQL query's `data`; GraphQL's own errors throw `GraphQLErrors`, with the data given beside them. */
  graphql<Data, Variables>(query: GitHubQuery<Data, Variables>, variables: Variables): Promise<Unverified<Data>>
}

/**
 * The GitHub calls the action makes, over the action's own transport and retry policy, so that
 * GitHub's API gets the same care as Nexrender's: retries on network errors, 408, 429 and 5xx
 * honouring `Retry-After`, GitHub's rate limits waited out as it documents, a deadline per attempt,
 * a cap on the body, redirects never followed, and the token sent to the API's origin only.
 */
export function createGitHubClient(config: GitHubClientConfig): GitHubClient {
  const origin = new URL(config.apiUrl).origin
  const context: RetryContext = {
    ...config,
    policy: { ...config.policy, waitOut: { askedToWait: gitHubRateLimitWait, maxWaitMs: MAX_RATE_LIMIT_WAIT_MS } }
  }
  const spaced = writeSpacing(context, config.writeGapMs ?? MIN_WRITE_GAP_MS)
  const urlOf = (path: string) => (/^https?:\/\//.test(path) ? path : `${config.apiUrl}${path}`)

  async function request(
    method: HttpRequest['method'],
    path: string,
    options: RequestOptions = {}
  ): Promise<GitHubReply> {
    const url = urlOf(path)
    // A page link or any other address elsewhere must not get the token.
    if (new URL(url).origin !== origin) {
      throw new GitHubAnswerUnusable(
        `refused to send the token to ${new URL(url).origin}, which is not the GitHub API at ${config.apiUrl}`
      )
    }
    const body = options.body === undefined ? undefined : JSON.stringify(options.body)
    const sent: HttpRequest = {
      method,
      url,
      token: config.token,
      timeoutMs: config.timeoutMs,
      maxBodyBytes: MAX_GITHUB_REPLY_BYTES,
      headers: {
        accept: 'application/vnd.github+json',
        'x-github-api-version': '2022-11-28',
        ...(body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' })
      },
      ...(body === undefined ? {} : { body }),
      interrupt: config.interrupt
    }
    const { notAfter, lookBeforeResending } = options
    // GraphQL's queries read: only REST's other methods change anything.
    const mutating = method !== 'GET' && new URL(url).pathname !== new URL(graphqlPath(config.apiUrl)).pathname
    /** The latest attempt GitHub may have applied without saying so. */
    let unsure: { reason: string; endedAt: number } | undefined
    const final = await sendWithRetries(
      async () => {
        if (unsure && lookBeforeResending) throw new WriteMayHaveLanded(unsure.reason, unsure.endedAt)
        if (mutating) await spaced()
        if (notAfter !== undefined && context.now() + config.timeoutMs > notAfter)
          throw new WriteWindowClosed(unsure?.endedAt)
        const outcome = await config.transport(sent)
        if (mayHaveActed(outcome))
          unsure = {
            reason: outcome.kind === 'answer' ? describeStatus(outcome) : outcome.reason,
            endedAt: context.now()
          }
        return outcome
      },
      `GitHub ${method} ${new URL(url).pathname}`,
      context
    )
    const { last } = final
    // The tries ended on an attempt that may have been applied: the caller looks before anything else.
    if (unsure && lookBeforeResending) throw new WriteMayHaveLanded(unsure.reason, unsure.endedAt)
    if (last.kind === 'network-failure') throw new GitHubUnreachable(finalReason(final, last.reason))
    if (last.status >= 300 && last.status < 400) {
      const target = last.location ? ` to ${last.location}` : ''
      throw new GitHubAnswerUnusable(
        `HTTP ${last.status}: the GitHub API redirected${target}; the action never follows redirects, so the token stays with the API host`
      )
    }
    const data = parseBody(last)
    if (last.status < 200 || last.status >= 300) {
      throw new GitHubError(last.status, messageOf(data, last), last.headers ?? {}, final.attempts)
    }
    return {
      status: last.status,
      headers: last.headers ?? {},
      data,
      earlierAttemptMayHaveActed: final.earlierAttemptMayHaveActed
    }
  }

  return {
    // The JSON as it came: its type names the fields GitHub's schema has, and vouches for no value.
    async request<R extends RestRoute>(
      route: R,
      parameters: RouteParameters<R>,
      options?: RequestOptions<RouteBody<R>>
    ) {
      const { method, path } = routeRequest(route, parameters)
      return (await request(method, path, options)) as GitHubReply<Unverified<RouteReply<R>>>
    },
    async paginate<R extends ListRoute>(route: R, parameters: RouteParameters<R>) {
      const items: Array<Unverified<ListItem<R>>> = []
      for (let next: string | undefined = routeRequest(route, parameters).path; next !== undefined;) {
        const page = await request('GET', next)
        if (!Array.isArray(page.data)) throw new GitHubAnswerUnusable(`GET ${next} did not answer with a list`)
        items.push(...(page.data as Array<Unverified<ListItem<R>>>))
        next = nextPage(page.headers.link)
      }
      return items
    },
    async graphql<Data, Variables>(query: GitHubQuery<Data, Variables>, variables: Variables) {
      const reply = await request('POST', graphqlPath(config.apiUrl), { body: { query, variables } })
      const { data, errors } = (reply.data ?? {}) as {
        data?: Record<string, unknown>
        errors?: GraphQLErrorItem[]
      }
      if (Array.isArray(errors) && errors.length > 0) throw new GraphQLErrors(errors, data ?? undefined, reply.headers)
      if (!data) throw new GitHubAnswerUnusable('the GitHub GraphQL API answered without data')
      return data as Unverified<Data>
    }
  }
}

/** GraphQL beside the REST API: `/graphql` on github.com, `/api/graphql` beside GHES's `/api/v3`. */
export function graphqlPath(apiUrl: string): string {
  const { origin, pathname } = new URL(apiUrl)
  return /\/api\/v3\/?$/.test(pathname) ? `${origin}${pathname.replace(/\/v3\/?$/, '/graphql')}` : `${apiUrl}/graphql`
}

/** The `rel="next"` address of a `Link` header. */
function nextPage(link: string | undefined): string | undefined {
  return link?.match(/<([^>]+)>;\s*rel="next"/)?.[1]
}

function parseBody(answer: HttpAnswer): unknown {
  const text = jsonTextOf(answer.body)
  if (text === '') return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    if (answer.status >= 200 && answer.status < 300) {
      throw new GitHubAnswerUnusable(`HTTP ${answer.status}, but the GitHub API's answer is not JSON`)
    }
    return text
  }
}

/**
 * GitHub's `message`, with the messages of its `errors` (a 422 says there what was invalid), without
 * the link to its docs; or a short excerpt of whatever came.
 */
function messageOf(data: unknown, answer: HttpAnswer): string {
  const { message, errors } = (typeof data === 'object' && data !== null ? data : {}) as {
    message?: unknown
    errors?: unknown
  }
  const details = Array.isArray(errors)
    ? errors.flatMap((error: { message?: unknown }) => (typeof error?.message === 'string' ? [error.message] : []))
    : []
  const main = typeof message === 'string' ? message : typeof data === 'string' ? data : answer.statusText
  const text = details.length > 0 ? `${main}: ${details.join('; ')}` : main
  return text
    .replace(/\s*-?\s*https:\/\/docs\.github\.com\S*$/, '')
    .replace(/\s+/g, ' ')
    .slice(0, 300)
}
