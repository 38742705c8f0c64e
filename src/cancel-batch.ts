import type { BatchResult } from './batch-result.js'
import { notFoundReply } from './batch-result.js'
import { parseCancelReply, type CancelReply } from './cancel-reply.js'
import { describeHttpFailure } from './http-failure.js'
import { sendWithRetries, type FinalOutcome, type RetryContext } from './send-with-retries.js'
import type { Transport } from './transport.js'

export interface CancelContext extends RetryContext {
  transport: Transport
  apiUrl: string
  token: string
  timeoutMs: number
}

/** Cancels one batch, retrying as the policy allows. Never throws: every outcome becomes a result. */
export async function cancelBatch(batchId: string, context: CancelContext): Promise<BatchResult> {
  const request = {
    method: 'POST',
    url: `${context.apiUrl}/batches/${batchId}/cancel`,
    token: context.token,
    timeoutMs: context.timeoutMs
  } as const
  try {
    const final = await sendWithRetries(() => context.transport(request), batchId, context)
    return interpretFinalOutcome(batchId, final)
  } catch (error) {
    const problem = `unexpected error: ${error instanceof Error ? error.message : String(error)}`
    return { batchId, outcome: 'failed', problem, attempts: 0 }
  }
}

/** Turns the last attempt into a result: a reply (404 counts as `unchanged`) or a failure with its reason. */
export function interpretFinalOutcome(batchId: string, final: FinalOutcome): BatchResult {
  const { last, attempts, earlierAttemptMayHaveActed, exhausted } = final
  const failed = (problem: string): BatchResult => ({
    batchId,
    outcome: 'failed',
    problem: exhausted ? `gave up after ${attempts} attempts: ${problem}` : problem,
    attempts
  })
  const answered = (reply: CancelReply, notFound: boolean): BatchResult => ({
    batchId,
    outcome: 'answered',
    reply,
    notFound,
    earlierAttemptMayHaveActed,
    attempts
  })

  if (last.kind === 'network-failure') return failed(last.reason)
  if (last.status === 404) return answered(notFoundReply(batchId), true)
  if (last.status < 200 || last.status >= 300) return failed(describeHttpFailure(last))
  try {
    return answered(parseCancelReply(last.body), false)
  } catch (error) {
    return failed((error as Error).message)
  }
}
