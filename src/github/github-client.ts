import { quotableUrl } from '../helpers/quotable-url.js'
import {
  describeStatus,
  finalReason,
  mayHaveActed,
  sendWithRetries,
  type RetryContext,
  type TimeBudget
} from '../http/send-with-retries.js'
import { jsonTextOf } from '../http/json-body.js'
import { budgetWithin } from '../http/time-budget.js'
import { headerOf, type HttpAnswer, type HttpRequest, type Transport } from '../http/transport.js'
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
import { MAX_RATE_LIMIT_WAIT_MS, MAX_RATE_LIMIT_WAITS, rateLimitOfAnswer } from './rate-limits.js'
import type { Unverified } from './unverified.js'
import { MIN_WRITE_GAP_MS, writeSpacing } from './write-spacing.js'

/**
 * The most bytes read of one GitHub reply. A page of 100 comments of GitHub's longest (65,536
 * characters) is about 20 MB at worst; real pages are a small fraction of that.
 */
export const MAX_GITHUB_REPLY_BYTES = 32 * 1024 * 1024
/** The longest one GitHub call may take, its retries, rate-limit waits and pages included. */
export const MAX_GITHUB_CALL_MS = 10 * 60_000
/** The most pages one listing is read to: GitHub's longest in this action's use is a small fraction of it. */
export const MAX_LISTING_PAGES = 500
/** The most bytes read of one listing's pages in all. */
export const MAX_LISTING_BYTES = 256 * 1024 * 1024

/** What a request still without an answer when a call's time is over is reported as. */
const CALL_UNANSWERED = `no answer from the GitHub API within the ${MAX_GITHUB_CALL_MS / 60_000} minutes one GitHub call may take`
/** Why a request of a call is not sent once the call's time is over. */
const CALL_OVER = `the ${MAX_GITHUB_CALL_MS / 60_000} minutes one GitHub call may take, its retries, rate-limit waits and pages included, were over. Check GitHub's status and the runner's network, then re-run`
/** What to check when GitHub's answers do not let a call end. */
const CHECK_API =
  'check github-api-url (or GITHUB_API_URL) and any proxy in front of the API; GitHub itself never answers so'

export interface GitHubClientConfig extends RetryContext {
  transport: Transport
  token: string
  /** The REST API's base URL: the only origin the token is sent to. */
  apiUrl: string
  timeoutMs: number
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
  const policy = {
    ...config.policy,
    waitOut: { askedToWait: rateLimitOfAnswer, maxWaits: MAX_RATE_LIMIT_WAITS, maxWaitMs: MAX_RATE_LIMIT_WAIT_MS }
  }
  const context: RetryContext = { ...config, policy }
  /** The time one call has, from now: its own, or the step's if that ends first. */
  const callBudget = () => budgetWithin(context.now(), MAX_GITHUB_CALL_MS, CALL_UNANSWERED, config.budget)
  const spaced = writeSpacing(context, MIN_WRITE_GAP_MS)
  const urlOf = (path: string) => (/^https?:\/\//.test(path) ? path : `${config.apiUrl}${path}`)

  async function request(
    method: HttpRequest['method'],
    path: string,
    options: RequestOptions = {},
    budget: TimeBudget = callBudget()
  ): Promise<GitHubReply & { bytes: number; attempts: number }> {
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
    if (context.now() >= budget.endsAt)
      throw new GitHubUnreachable(
        `${method} ${new URL(url).pathname} was not sent: ${budget.unanswered === CALL_UNANSWERED ? CALL_OVER : 'no time was left for it'}`
      )
    const final = await sendWithRetries(
      async (timeLeftMs = Infinity) => {
        if (unsure && lookBeforeResending) throw new WriteMayHaveLanded(unsure.reason, unsure.endedAt)
        if (mutating) await spaced()
        if (notAfter !== undefined && context.now() + config.timeoutMs > notAfter)
          throw new WriteWindowClosed(unsure?.endedAt)
        // The time left is counted again after the gap between writes: the wait used some of it.
        const left = Math.min(timeLeftMs, Math.max(0, budget.endsAt - context.now()))
        const outcome = await config.transport({ ...sent, timeoutMs: Math.min(sent.timeoutMs, left) })
        if (mayHaveActed(outcome))
          unsure = {
            reason: outcome.kind === 'answer' ? describeStatus(outcome) : outcome.reason,
            endedAt: context.now()
          }
        return outcome
      },
      `GitHub ${method} ${new URL(url).pathname}`,
      { ...context, budget }
    )
    const { last } = final
    // The tries ended on an attempt that may have been applied: the caller looks before anything else.
    if (unsure && lookBeforeResending) throw new WriteMayHaveLanded(unsure.reason, unsure.endedAt)
    if (last.kind === 'network-failure')
      throw new GitHubUnreachable(finalReason(final, last.reason), !last.mayHaveReachedServer && !last.interruption)
    if (last.status >= 300 && last.status < 400) {
      const location = headerOf(last, 'location')
      // Quoted as any URL is: its query may carry a credential, the token's own among them.
      const target = location ? ` to ${quotableUrl(location)}` : ''
      throw new GitHubAnswerUnusable(
        `HTTP ${last.status}: the GitHub API redirected${target}; the action never follows redirects, so the token stays with the API host`
      )
    }
    const data = parseBody(last)
    if (last.status < 200 || last.status >= 300) {
      throw new GitHubError(last.status, messageOf(data, last), last.headers, final.attempts)
    }
    return {
      status: last.status,
      headers: last.headers,
      data,
      earlierAttemptMayHaveActed: final.earlierAttemptMayHaveActed,
      bytes: last.body.length,
      attempts: final.attempts
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
      const { status, headers, data, earlierAttemptMayHaveActed } = await request(method, path, options)
      return { status, headers, data, earlierAttemptMayHaveActed } as GitHubReply<Unverified<RouteReply<R>>>
    },
    // Bounded whatever the links say: a page already read, MAX_LISTING_PAGES pages, MAX_LISTING_BYTES
    // read, or the call's time, each ends the listing with an error that says which.
    async paginate<R extends ListRoute>(route: R, parameters: RouteParameters<R>) {
      const first = routeRequest(route, parameters).path
      const listing = `GET ${new URL(urlOf(first)).pathname}`
      const budget = callBudget()
      const items: Array<Unverified<ListItem<R>>> = []
      const seen = new Set<string>()
      let bytes = 0
      for (let next: string | undefined = first; next !== undefined;) {
        const address = new URL(urlOf(next)).href
        if (seen.has(address)) {
          throw new GitHubAnswerUnusable(
            `${listing}: the link to the next page points back at a page already read (page ${[...seen].indexOf(address) + 1} of ${seen.size}), so the listing would never end; it was stopped there. To fix: ${CHECK_API}`
          )
        }
        if (seen.size === MAX_LISTING_PAGES) {
          throw new GitHubAnswerUnusable(
            `${listing}: the listing did not end within ${MAX_LISTING_PAGES} pages (${items.length} items), the most the action reads of one; it was stopped there. To fix: ${CHECK_API}`
          )
        }
        seen.add(address)
        const page = await request('GET', next, {}, budget)
        if (!Array.isArray(page.data)) throw new GitHubAnswerUnusable(`GET ${next} did not answer with a list`)
        bytes += page.bytes
        if (bytes > MAX_LISTING_BYTES) {
          throw new GitHubAnswerUnusable(
            `${listing}: the listing's pages passed ${MAX_LISTING_BYTES / (1024 * 1024)} MiB in all after ${seen.size} pages, the most the action reads of one; it was stopped there. To fix: ${CHECK_API}`
          )
        }
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
      if (Array.isArray(errors) && errors.length > 0)
        throw new GraphQLErrors(errors, data ?? undefined, reply.headers, reply.attempts)
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
