/** One HTTP attempt and what came of it, independent of the HTTP library underneath. */
export interface HttpRequest {
  method: 'POST' | 'GET'
  url: string
  token: string
  timeoutMs: number
}

export interface HttpAnswer {
  kind: 'answer'
  status: number
  statusText: string
  /** Only the headers the action reads, lower-cased. */
  retryAfter?: string
  location?: string
  body: string
}

export interface NetworkFailure {
  kind: 'network-failure'
  /** What went wrong, for the log: never contains request headers. */
  reason: string
  /** Whether another attempt may succeed (resets, refusals, DNS hiccups, timeouts). */
  retryable: boolean
  /** Whether the server may have received and acted on the request before it failed. */
  mayHaveReachedServer: boolean
}

export type AttemptOutcome = HttpAnswer | NetworkFailure

export type Transport = (request: HttpRequest) => Promise<AttemptOutcome>
