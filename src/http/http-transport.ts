import { HttpClient } from '@actions/http-client'
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http'
import type { RequestHandler } from '@actions/http-client/lib/interfaces'
import type { HttpRequest, NetworkFailure, Transport } from './transport.js'

/** Failures before the request could reach the server: safe to retry, nothing happened. */
const NOT_SENT_CODES = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN']
/** Failures after the request may have reached the server: retryable, outcome unknown. */
const MAYBE_SENT_CODES = ['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED']

/** Thrown while reading a body that passes the request's cap. */
class BodyTooLarge extends Error {
  constructor(
    readonly status: number,
    readonly limit: number
  ) {
    super(
      `HTTP ${status}, but the reply is larger than the ${formatBytes(limit)} the action reads (the cap); it stopped reading`
    )
  }
}

/**
 * The real transport, on `@actions/http-client` (which also honours the runner's proxy settings).
 * Redirects are never followed and the token goes in this request's own headers only,
 * so it cannot be forwarded to another host. Each attempt has a hard deadline, and a body is
 * read only up to the request's cap, so no answer can take the runner's memory.
 */
export function createHttpTransport(userAgent: string): Transport {
  return async (request) => {
    const deadline = AbortSignal.timeout(request.timeoutMs)
    const signal = request.interrupt ? AbortSignal.any([deadline, request.interrupt]) : deadline
    const client = new HttpClient(userAgent, [prepareWith(signal)], {
      allowRedirects: false,
      allowRetries: false,
      keepAlive: false,
      // The deadline above is the authority; this only cleans up an idle socket should it linger.
      socketTimeout: request.timeoutMs + 1000
    })
    try {
      const body = request.body ?? (request.method === 'GET' ? null : '')
      const response = await client.request(request.method, request.url, body, {
        accept: 'application/json',
        ...request.headers,
        authorization: `Bearer ${request.token}`
      })
      const { statusCode = 0, statusMessage = '', headers } = response.message
      return {
        kind: 'answer',
        status: statusCode,
        statusText: statusMessage,
        retryAfter: headerValue(headers['retry-after']),
        location: headerValue(headers.location),
        headers: flatHeaders(headers),
        body: await readBody(response.message, request.maxBodyBytes)
      }
    } catch (error) {
      return describeFailure(error, request, deadline)
    }
  }
}

/**
 * Hands the abort signal to node's http.request, which destroys the request and its socket when it
 * fires; and unwraps an IPv6 literal, which http-client passes on bracketed (`[::1]`) as a host name.
 */
function prepareWith(signal: AbortSignal): RequestHandler {
  return {
    prepareRequest: (options) => {
      if (typeof options.host === 'string') options.host = options.host.replace(/^\[(.*)\]$/, '$1')
      return Object.assign(options, { signal })
    },
    canHandleAuthentication: () => false,
    handleAuthentication: () => Promise.reject(new Error('not used'))
  }
}

/**
 * The body, up to `limit` bytes. Not http-client's readBody(), which copies its whole buffer for
 * every chunk and never settles if the deadline destroys the response mid-body; iterating the
 * stream joins the chunks once and throws on destruction. A declared length over the cap is
 * refused before reading, and a body that grows past it is dropped at once.
 */
async function readBody(message: IncomingMessage, limit: number): Promise<Buffer> {
  const status = message.statusCode ?? 0
  if (Number(message.headers['content-length']) > limit) {
    message.destroy()
    throw new BodyTooLarge(status, limit)
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of message) {
    size += (chunk as Buffer).length
    if (size > limit) {
      message.destroy()
      throw new BodyTooLarge(status, limit)
    }
    chunks.push(chunk as Buffer)
  }
  return chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks, size)
}

/** A number of bytes as people read it: `16 MiB`, `512 KiB`, `900 bytes`. */
function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MiB`
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KiB`
  return `${bytes} bytes`
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

function flatHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) flat[name] = String(value)
  return flat
}

export function describeFailure(error: unknown, request: HttpRequest, deadline: AbortSignal): NetworkFailure {
  if (error instanceof BodyTooLarge) {
    // The server answered, so a cancel may have been carried out; another try would only read as much again.
    return { kind: 'network-failure', reason: error.message, retryable: false, mayHaveReachedServer: true }
  }
  if (request.interrupt?.aborted) {
    return {
      kind: 'network-failure',
      reason: 'the run was cancelled while the request waited for its answer; its outcome is unknown',
      retryable: false,
      mayHaveReachedServer: true,
      interruption: 'interrupted'
    }
  }
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
    // Node's messages often begin with their code already ("connect ECONNREFUSED …"): say it once.
    reason: code && !message.includes(code) ? `${code}: ${message}` : message,
    retryable: NOT_SENT_CODES.includes(code ?? '') || MAYBE_SENT_CODES.includes(code ?? ''),
    mayHaveReachedServer
  }
}
