import { BodyTooLarge } from './answer-body.js'
import type { HttpRequest, NetworkFailure } from './transport.js'

/** Failures before the request could reach the server: safe to retry, nothing happened. */
const NOT_SENT_CODES = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN']
/** Failures after the request may have reached the server: retryable, outcome unknown. */
const MAYBE_SENT_CODES = ['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED']

/** What an attempt that threw means: whether it is worth another, and whether the server may have acted. */
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
  return {
    kind: 'network-failure',
    // Node's messages often begin with their code already ("connect ECONNREFUSED …"): say it once.
    reason: code && !message.includes(code) ? `${code}: ${message}` : message,
    retryable: NOT_SENT_CODES.includes(code ?? '') || MAYBE_SENT_CODES.includes(code ?? ''),
    mayHaveReachedServer: !NOT_SENT_CODES.includes(code ?? '')
  }
}
