import { HttpClient } from '@actions/http-client'
import type { IncomingMessage } from 'node:http'
import type { RequestHandler } from '@actions/http-client/lib/interfaces'
import type { HttpRequest, NetworkFailure, Transport } from './transport.js'

/** Failures before the request could reach the server: safe to retry, nothing happened. */
const NOT_SENT_CODES = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN']
/** Failures after the request may have reached the server: retryable, outcome unknown. */
const MAYBE_SENT_CODES = ['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED']

/**
 * The real transport, on `@actions/http-client` (which also honours the runner's proxy settings).
 * Redirects are never followed and the token goes in this request's own headers only,
 * so it cannot be forwarded to another host. Each attempt has a hard deadline.
 */
export function createHttpTransport(userAgent: string): Transport {
  return async (request) => {
    const deadline = AbortSignal.timeout(request.timeoutMs)
    const client = new HttpClient(userAgent, [abortWith(deadline)], {
      allowRedirects: false,
      allowRetries: false,
      keepAlive: false,
      // The deadline above is the authority; this only cleans up an idle socket should it linger.
      socketTimeout: request.timeoutMs + 1000
    })
    try {
      const response = await client.request(request.method, request.url, request.method === 'POST' ? '' : null, {
        authorization: `Bearer ${request.token}`,
        accept: 'application/json'
      })
      const body = await readText(response.message)
      const { statusCode = 0, statusMessage = '', headers } = response.message
      return {
        kind: 'answer',
        status: statusCode,
        statusText: statusMessage,
        retryAfter: headerValue(headers['retry-after']),
        location: headerValue(headers.location),
        body
      }
    } catch (error) {
      return describeFailure(error, request, deadline)
    }
  }
}

/** Hands the deadline to node's http.request, which destroys the request and its socket when it fires. */
function abortWith(signal: AbortSignal): RequestHandler {
  return {
    prepareRequest: (options) => Object.assign(options, { signal }),
    canHandleAuthentication: () => false,
    handleAuthentication: () => Promise.reject(new Error('not used'))
  }
}

/**
 * The body as text. Not http-client's readBody(), which copies its whole buffer for every chunk
 * (slow and memory-hungry for a 20,000-job reply) and never settles if the deadline destroys the
 * response mid-body; iterating the stream joins the chunks once and throws on destruction.
 */
async function readText(message: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of message) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

export function describeFailure(error: unknown, request: HttpRequest, deadline: AbortSignal): NetworkFailure {
  // Duck-typed: errors from node's own modules may come from another realm than this code's Error.
  const { code, message } =
    typeof error === 'object' && error !== null && 'message' in error
      ? (error as NodeJS.ErrnoException)
      : { code: undefined, message: String(error) }
  if (deadline.aborted || message.startsWith('Request timeout')) {
    return {
      kind: 'network-failure',
      reason: `no complete answer within ${request.timeoutMs / 1000} s (timeout)`,
      retryable: true,
      mayHaveReachedServer: true
    }
  }
  const mayHaveReachedServer = !NOT_SENT_CODES.includes(code ?? '')
  return {
    kind: 'network-failure',
    reason: code ? `${code}: ${message}` : message,
    retryable: NOT_SENT_CODES.includes(code ?? '') || MAYBE_SENT_CODES.includes(code ?? ''),
    mayHaveReachedServer
  }
}
