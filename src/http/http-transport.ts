import { getProxyUrl } from '@actions/http-client/lib/proxy'
import type { Redactor } from '../helpers/redact.js'
import { answerOf } from './answer-body.js'
import { describeFailure } from './attempt-failure.js'
import { sendDirect } from './direct-request.js'
import type { Transport } from './transport.js'

/**
 * The real transport. Each attempt has a hard deadline, and a body is read only up to the request's
 * cap, so no answer can take the runner's memory. It goes straight through node's http or https, or,
 * when the runner's proxy settings apply to the host (`https_proxy`, `no_proxy`, as
 * `@actions/http-client` reads them), through that client, loaded only then. What comes back, an
 * answer or the reason there was none, has the secrets replaced by `redact` before anything reads it.
 */
export function createHttpTransport(userAgent: string, redact: Redactor): Transport {
  return async (request) => {
    const deadline = AbortSignal.timeout(request.timeoutMs)
    const signal = request.interrupt ? AbortSignal.any([deadline, request.interrupt]) : deadline
    try {
      const message = getProxyUrl(new URL(request.url))
        ? await (await import('./proxied-request.js')).sendThroughProxy(request, userAgent, signal)
        : await sendDirect(request, userAgent, signal)
      return await answerOf(message, request.maxBodyBytes, redact)
    } catch (error) {
      const failure = describeFailure(error, request, deadline)
      return { ...failure, reason: redact(failure.reason) }
    }
  }
}
