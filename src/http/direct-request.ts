import { request as httpRequest, type IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'
import type { HttpRequest } from './transport.js'

/**
 * One request straight through node's http or https, when no proxy applies: a fresh connection
 * closed after the answer, the token in this request's own headers, redirects not followed (node
 * never does), and `signal` ending it at once.
 */
export function sendDirect(request: HttpRequest, userAgent: string, signal: AbortSignal): Promise<IncomingMessage> {
  const url = new URL(request.url)
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest
  const body = request.body ?? (request.method === 'GET' ? undefined : '')
  return new Promise((resolve, reject) => {
    const outgoing = send(
      url,
      {
        method: request.method,
        agent: false,
        signal,
        headers: {
          accept: 'application/json',
          ...request.headers,
          'user-agent': userAgent,
          authorization: `Bearer ${request.token}`,
          ...(body === undefined ? {} : { 'content-length': Buffer.byteLength(body) })
        }
      },
      resolve
    )
    outgoing.on('error', reject)
    outgoing.end(body)
  })
}
