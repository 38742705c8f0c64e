import { replyFacts } from './reply-facts.js'
import type { BatchResult } from './batch-result.js'
import { notFoundReply } from './batch-result.js'
import { parseBatchView } from './batch-view.js'
import { parseCancelReply, type CancelReply } from './cancel-reply.js'
import { errorMessage } from '../helpers/error-message.js'
import { describeHttpFailure } from '../http/http-failure.js'
import { judgeNotFound } from './not-found.js'
import { jsonBytesOf } from '../http/json-body.js'
import { predictCancel } from './predict-cancel.js'
import { ReplyContractError } from './reply-checks.js'
import { finalReason, sendWithRetries, type FinalOutcome, type RetryContext } from '../http/send-with-retries.js'
import type { Transport } from '../http/transport.js'

/** One request per batch, and how its answer becomes the reply the verdict judges. */
export interface BatchOperation {
  method: 'POST' | 'GET'
  path: (batchId: string) => string
  /** From the text of a 2xx body, the reply to judge (the results file keeps the body itself). */
  interpret: (text: string) => CancelReply
}

/** The real thing: `POST /batches/{id}/cancel`. */
export const CANCEL: BatchOperation = {
  method: 'POST',
  path: (batchId) => `/batches/${batchId}/cancel`,
  interpret: parseCancelReply
}

/** A dry run: `GET /batches/{id}`, and the cancel reply predicted from it. */
export const DRY_RUN: BatchOperation = {
  method: 'GET',
  path: (batchId) => `/batches/${batchId}`,
  interpret: (text) => predictCancel(parseBatchView(text))
}

/**
 * The most bytes read of one reply. The largest real one, 1,000 jobs whose cascades take several
 * relatives each along, is a few MB; 16 MiB leaves room for four times that while bounding what a
 * broken API or proxy can make the runner hold (the body, its text and the parsed reply).
 */
export const MAX_REPLY_BYTES = 16 * 1024 * 1024

export interface BatchContext extends RetryContext {
  transport: Transport
  apiUrl: string
  token: string
  timeoutMs: number
  /** The batches found in a pull request's records: they existed when they were recorded. */
  recorded?: ReadonlySet<string>
}

/** Runs the operation on one batch, retrying as the policy allows. Never throws: every outcome becomes a result. */
export async function runBatchOperation(
  batchId: string,
  operation: BatchOperation,
  context: BatchContext
): Promise<BatchResult> {
  const request = {
    method: operation.method,
    url: `${context.apiUrl}${operation.path(batchId)}`,
    token: context.token,
    timeoutMs: context.timeoutMs,
    maxBodyBytes: MAX_REPLY_BYTES,
    interrupt: context.interrupt
  }
  context.debug(`${batchId}: ${request.method} ${request.url}`)
  try {
    // A step with a time budget gives each attempt no more than the time left.
    const final = await sendWithRetries(
      (timeLeftMs = Infinity) => context.transport({ ...request, timeoutMs: Math.min(request.timeoutMs, timeLeftMs) }),
      batchId,
      context
    )
    return interpretFinalOutcome(batchId, final, operation, context.recorded?.has(batchId) ?? false)
  } catch (error) {
    return { batchId, outcome: 'failed', problem: `unexpected error: ${errorMessage(error)}`, attempts: 0 }
  }
}

/** A request that never reached a server: waiting longer rarely helps, the address usually does. */
function unreachable(reason: string): string {
  return `${reason}; nothing reached the API: check api-url (its host and port) and that the runner can reach it`
}

/**
 * Turns the last attempt into a result: a reply or a failure with its reason. The API's own 404
 * counts as `unchanged` for a batch given by hand, and fails a `recorded` one (see `not-found.ts`).
 */
export function interpretFinalOutcome(
  batchId: string,
  final: FinalOutcome,
  operation: BatchOperation,
  recorded = false
): BatchResult {
  const { last, attempts } = final
  // A GET changes nothing, so only an earlier POST can have cancelled anything.
  const earlierAttemptMayHaveActed = operation.method === 'POST' && final.earlierAttemptMayHaveActed
  const failed = (problem: string): BatchResult => ({
    batchId,
    outcome: 'failed',
    problem: finalReason(final, problem),
    attempts,
    ...(last.kind === 'network-failure' && last.interruption ? { interruption: last.interruption } : {})
  })
  const answered = (reply: CancelReply, record: Buffer, notFound: boolean): BatchResult => ({
    batchId,
    outcome: 'answered',
    reply,
    facts: replyFacts(reply),
    record,
    notFound,
    earlierAttemptMayHaveActed,
    attempts
  })

  if (last.kind === 'network-failure')
    return failed(last.mayHaveReachedServer || last.interruption ? last.reason : unreachable(last.reason))
  if (last.status === 404) {
    const notFound = judgeNotFound(last, recorded)
    if (notFound.kind === 'recorded-not-found') return { ...failed(notFound.problem), notFound: true }
    if (notFound.kind === 'not-the-api') return failed(notFound.problem)
    const reply = notFoundReply(batchId)
    return answered(reply, Buffer.from(JSON.stringify(reply)), true)
  }
  if (last.status < 200 || last.status >= 300) return failed(describeHttpFailure(last))
  try {
    const json = jsonBytesOf(last.body)
    const reply = operation.interpret(json.toString('utf8'))
    checkAboutBatch(reply, batchId)
    return answered(reply, json, false)
  } catch (error) {
    return failed(errorMessage(error))
  }
}

/** A caching proxy or a routing bug can answer with another batch's reply; its counts are not ours. */
function checkAboutBatch(reply: CancelReply, batchId: string): void {
  if (reply.batchId.toUpperCase() !== batchId) {
    throw new ReplyContractError(`it is about batch ${reply.batchId}, not ${batchId}, the batch asked for`)
  }
}
