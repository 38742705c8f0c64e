/** One HTTP attempt and what came of it, independent of the HTTP library underneath. */
export interface HttpRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  url: string
  /** Sent as `Authorization: Bearer <token>`, in this request's own headers only. */
  token: string
  timeoutMs: number
  /** The most body bytes read from an answer; reading stops as soon as the answer is larger. */
  maxBodyBytes: number
  /** Headers besides authorization and user-agent; `accept` defaults to JSON. */
  headers?: Record<string, string>
  /** A JSON body, for the GitHub API's writes. */
  body?: string
  /** Aborts the attempt at once: the run is being cancelled and its grace for requests is over. */
  interrupt?: AbortSignal
}

export interface HttpAnswer {
  kind: 'answer'
  status: number
  statusText: string
  /** The headers as sent, lower-cased, a repeated one joined: `retry-after`, `location`, GitHub's `link`. */
  headers: Record<string, string>
  /** The body as the server sent it; decoded only where it is read. */
  body: Buffer
}

export interface NetworkFailure {
  kind: 'network-failure'
  /** What went wrong, for the log: never contains request headers. */
  reason: string
  /** Whether another attempt may succeed (resets, refusals, DNS hiccups, timeouts). */
  retryable: boolean
  /** Whether the server may have received and acted on the request before it failed. */
  mayHaveReachedServer: boolean
  /** Set when the run's cancellation, not the network, ended the request or kept it from being sent. */
  interruption?: Interruption
}

export type Interruption = 'not attempted' | 'interrupted'

export type AttemptOutcome = HttpAnswer | NetworkFailure

/** One header of an answer, by its lower-case name; undefined when it was not sent. */
export function headerOf(answer: HttpAnswer, name: string): string | undefined {
  return answer.headers[name]
}

export type Transport = (request: HttpRequest) => Promise<AttemptOutcome>
