import { finalReason, sendWithRetries, type RetryContext } from '../http/send-with-retries.js'
import type { HttpRequest, Transport } from '../http/transport.js'

/**
 * The most bytes read of one GitHub reply. A page of 100 comments of GitHub's longest (65,536
 * characters) is about 20 MB at worst; real pages are a small fraction of that.
 */
export const MAX_GITHUB_REPLY_BYTES = 32 * 1024 * 1024

/** Carries how many attempts a GitHub request took, for the failure message. */
export const ATTEMPTS_HEADER = 'x-nexrender-cancel-attempts'

export interface FetchContext extends RetryContext {
  transport: Transport
  token: string
  /** The REST API's base URL: the only origin the token is sent to. */
  apiUrl: string
  timeoutMs: number
}

/** Why GitHub gave no usable answer; Octokit reports it as the cause of its error. */
export class GitHubUnreachable extends Error {
  constructor(reason: string) {
    super(reason)
    this.name = 'GitHubUnreachable'
  }
}

const METHODS: readonly HttpRequest['method'][] = ['GET', 'POST', 'PATCH', 'DELETE']
/** Headers the transport sets itself: the token goes in each request's own headers, and only there. */
const OWN_HEADERS = new Set(['authorization', 'user-agent', 'content-length', 'host'])

/**
 * A `fetch` for Octokit that sends through the action's own transport, so GitHub's API gets the same
 * care as Nexrender's: retries on network errors, 408, 429 and 5xx honouring `Retry-After`, a
 * deadline per attempt, a cap on the body, redirects never followed, proxies as the runner sets them.
 */
export function fetchOverTransport(context: FetchContext): typeof fetch {
  return async (input, init = {}) => {
    const url = input instanceof Request ? input.url : String(input)
    // Octokit follows the `Link` headers of a reply when it pages: a link elsewhere must not get the token.
    if (new URL(url).origin !== new URL(context.apiUrl).origin) {
      throw new TypeError('fetch failed', {
        cause: new GitHubUnreachable(
          `refused to send the token to ${new URL(url).origin}, which is not the GitHub API at ${context.apiUrl}`
        )
      })
    }
    const method = (init.method ?? 'GET').toUpperCase() as HttpRequest['method']
    if (!METHODS.includes(method))
      throw new TypeError(`fetch failed`, { cause: new GitHubUnreachable(`${method} is not used`) })
    const headers = Object.fromEntries(
      Object.entries((init.headers ?? {}) as Record<string, string>)
        .map(([name, value]) => [name.toLowerCase(), String(value)] as const)
        .filter(([name]) => !OWN_HEADERS.has(name))
    )
    const request: HttpRequest = {
      method,
      url,
      token: context.token,
      timeoutMs: context.timeoutMs,
      maxBodyBytes: MAX_GITHUB_REPLY_BYTES,
      headers,
      ...(typeof init.body === 'string' ? { body: init.body } : {}),
      interrupt: context.interrupt
    }
    const label = `GitHub ${method} ${new URL(url).pathname}`
    const final = await sendWithRetries(() => context.transport(request), label, context)
    const { last, attempts } = final
    if (last.kind === 'network-failure') {
      throw new TypeError('fetch failed', { cause: new GitHubUnreachable(finalReason(final, last.reason)) })
    }
    if (last.status >= 300 && last.status < 400 && last.status !== 304) {
      const target = last.location ? ` to ${last.location}` : ''
      throw new TypeError('fetch failed', {
        cause: new GitHubUnreachable(
          `HTTP ${last.status}: the GitHub API redirected${target}; the action never follows redirects, so the token stays with the API host`
        )
      })
    }
    const noBody = [204, 205, 304].includes(last.status)
    return new Response(noBody ? null : last.body, {
      status: last.status,
      statusText: last.statusText,
      headers: { ...last.headers, [ATTEMPTS_HEADER]: String(attempts) }
    })
  }
}
