import { HttpClient } from '@actions/http-client'
import type { RequestHandler } from '@actions/http-client/lib/interfaces'
import type { IncomingMessage } from 'node:http'
import type { HttpRequest } from './transport.js'

/**
 * One request through the runner's proxy, with `@actions/http-client` (its `tunnel` for https
 * through an http proxy). Loaded only when a proxy applies to the request's host (a chunk of its
 * own), so a run without one never pays for it. Redirects are not followed and the token goes in
 * this request's own headers only, so it cannot be forwarded to another host.
 */
export async function sendThroughProxy(
  request: HttpRequest,
  userAgent: string,
  signal: AbortSignal
): Promise<IncomingMessage> {
  const client = new HttpClient(userAgent, [prepareWith(signal)], {
    allowRedirects: false,
    allowRetries: false,
    keepAlive: false,
    // The deadline is the authority; this only cleans up an idle socket should it linger.
    socketTimeout: request.timeoutMs + 1000
  })
  const body = request.body ?? (request.method === 'GET' ? null : '')
  const response = await client.request(request.method, request.url, body, {
    accept: 'application/json',
    ...request.headers,
    authorization: `Bearer ${request.token}`
  })
  return response.message
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
