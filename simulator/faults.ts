/**
 * Faults a test can inject for one batch. Counted faults are used up one request at a time, in
 * the order listed here; once spent, the batch answers normally.
 */
export interface BatchFaults {
  /** Answer `429 Too Many Requests` with this `Retry-After`, `times` times. */
  rateLimit?: { times: number; retryAfter?: string }
  /** Answer this 5xx status (500 by default), `times` times. */
  serverError?: { times: number; status?: number }
  /** Destroy the connection without an answer, `times` times; with `afterApplying`, only after carrying out the request. */
  dropConnection?: { times: number; afterApplying?: boolean }
  /** Never answer, `times` times (the connection stays open until the client gives up). */
  hang?: { times: number }
  /** Wait this long before every answer. */
  delayMs?: number
  /** Send every answer's headers at once, then its body one byte at a time, this many ms apart. */
  trickleMs?: number
  /** Answer 200 with a body that breaks the contract, or that is about another batch. */
  malformed?: 'not-json' | 'missing-field' | 'other-batch'
  /**
   * Answer 200 with this text, written from the answer the simulator would give (the cancel carried
   * out as usual): how a hostile or broken server could write it, nested deep or with a BOM before it.
   */
  rewrite?: (answer: Record<string, unknown>) => string
  /** Answer `307` pointing here instead of answering. */
  redirectTo?: string
  /** Answer 400 with an error that quotes the request's Authorization header, as a careless API might. */
  echoAuthorization?: boolean
}

export type FaultAction =
  | { kind: 'rate-limit'; retryAfter?: string }
  | { kind: 'server-error'; status: number }
  | { kind: 'drop'; afterApplying: boolean }
  | { kind: 'hang' }
  | { kind: 'redirect'; location: string }
  | { kind: 'echo-authorization' }

/** Takes the next counted fault for a request, using it up; undefined when the request should be served. */
export function takeFault(faults: BatchFaults | undefined): FaultAction | undefined {
  if (!faults) return undefined
  if (faults.redirectTo) return { kind: 'redirect', location: faults.redirectTo }
  if (faults.echoAuthorization) return { kind: 'echo-authorization' }
  if (use(faults.rateLimit)) return { kind: 'rate-limit', retryAfter: faults.rateLimit?.retryAfter }
  if (use(faults.serverError)) return { kind: 'server-error', status: faults.serverError?.status ?? 500 }
  if (use(faults.dropConnection)) return { kind: 'drop', afterApplying: faults.dropConnection?.afterApplying ?? false }
  if (use(faults.hang)) return { kind: 'hang' }
  return undefined
}

function use(counter: { times: number } | undefined): boolean {
  if (!counter || counter.times <= 0) return false
  counter.times -= 1
  return true
}
