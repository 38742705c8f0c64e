import { describe, expect, it } from '@jest/globals'
import {
  CANCEL,
  DRY_RUN,
  MAX_REPLY_BYTES,
  interpretFinalOutcome,
  runBatchOperation,
  type BatchContext
} from '../../src/nexrender/batch-operation.js'
import { notFoundReply } from '../../src/nexrender/batch-result.js'
import { DEFAULT_RETRY_POLICY } from '../../src/http/retry-policy.js'
import type { FinalOutcome } from '../../src/http/send-with-retries.js'
import type { AttemptOutcome, HttpRequest } from '../../src/http/transport.js'
import { BATCH, reply } from '../support/replies.js'

const answer = (status: number, body = '', headers: Record<string, string> = {}): AttemptOutcome => ({
  kind: 'answer',
  status,
  statusText: '',
  headers,
  body: Buffer.from(body)
})
const final = (last: AttemptOutcome, extra: Partial<FinalOutcome> = {}): FinalOutcome => ({
  last,
  attempts: 1,
  earlierAttemptMayHaveActed: false,
  exhausted: false,
  ...extra
})

describe('interpretFinalOutcome', () => {
  it('parses a 200 reply', () => {
    expect(
      interpretFinalOutcome(
        BATCH,
        final(answer(200, JSON.stringify(reply())), { attempts: 2, earlierAttemptMayHaveActed: true }),
        CANCEL
      )
    ).toEqual({
      batchId: BATCH,
      outcome: 'answered',
      reply: reply(),
      // Worked out once, here, for the log, the outputs and the summary.
      facts: expect.objectContaining({ cancelledJobIds: ['J1', 'C1', 'J2'], cascadedRelatives: 1 }),
      record: Buffer.from(JSON.stringify(reply())),
      notFound: false,
      earlierAttemptMayHaveActed: true,
      attempts: 2
    })
  })

  it('reports 404 as an unchanged batch with zero jobs', () => {
    expect(interpretFinalOutcome(BATCH, final(answer(404, '{"error":"Batch not found"}')), CANCEL)).toMatchObject({
      outcome: 'answered',
      notFound: true,
      reply: {
        batchId: BATCH,
        status: 'unchanged',
        totalJobs: 0,
        cancelledCount: 0,
        skippedCount: 0,
        jobs: [],
        cancelledJobs: []
      },
      record: Buffer.from(JSON.stringify(notFoundReply(BATCH)))
    })
  })

  it('fails a recorded batch the API does not know, marking it not found, whatever the operation', () => {
    for (const operation of [CANCEL, DRY_RUN]) {
      const result = interpretFinalOutcome(BATCH, final(answer(404, '{"error":"Batch not found"}')), operation, true)
      expect(result).toMatchObject({ batchId: BATCH, outcome: 'failed', notFound: true, attempts: 1 })
      expect(result.outcome === 'failed' && result.problem).toContain(
        'HTTP 404: Batch not found: the batch is recorded'
      )
    }
  })

  it.each([false, true])('fails a 404 that is not the API’s own error (recorded: %s), naming api-url', (recorded) => {
    const result = interpretFinalOutcome(BATCH, final(answer(404, '<h1>Not Found</h1>')), CANCEL, recorded)
    expect(result).toEqual({
      batchId: BATCH,
      outcome: 'failed',
      problem: expect.stringContaining("HTTP 404: <h1>Not Found</h1>: this is not the Nexrender API's own error"),
      attempts: 1
    })
    expect(result.outcome === 'failed' && result.problem).toContain('check api-url')
  })

  it.each([
    { last: answer(200, 'oops'), problem: 'the reply does not match the API contract: it is not JSON' },
    { last: answer(401, '{"error":"Invalid token"}'), problem: 'HTTP 401: Invalid token: check the token secret' },
    {
      last: answer(302, '', { location: 'https://elsewhere.example/' }),
      problem: 'HTTP 302: the API redirected to https://elsewhere.example/'
    },
    { last: answer(100), problem: 'HTTP 100' },
    {
      last: {
        kind: 'network-failure' as const,
        reason: 'ENOTFOUND: getaddrinfo',
        retryable: true,
        mayHaveReachedServer: false
      },
      problem:
        'ENOTFOUND: getaddrinfo; nothing reached the API: check api-url (its host and port) and that the runner can reach it'
    },
    {
      last: {
        kind: 'network-failure' as const,
        reason: 'ECONNRESET: socket hang up',
        retryable: true,
        mayHaveReachedServer: true
      },
      problem: 'ECONNRESET: socket hang up'
    }
  ])('fails the batch: $problem', ({ last, problem }) => {
    const result = interpretFinalOutcome(BATCH, final(last), CANCEL)
    expect(result.outcome).toBe('failed')
    expect(result.outcome === 'failed' && result.problem).toContain(problem)
  })

  it.each([
    { operation: CANCEL, body: JSON.stringify(reply({ batchId: '01KDVDNA01E9NK47NS912KC35A' })) },
    { operation: DRY_RUN, body: JSON.stringify({ batchId: '01KDVDNA01E9NK47NS912KC35A', jobs: [] }) }
  ])('fails a $operation.method reply about another batch, naming both', ({ operation, body }) => {
    expect(interpretFinalOutcome(BATCH, final(answer(200, body)), operation)).toEqual({
      batchId: BATCH,
      outcome: 'failed',
      problem: `the reply does not match the API contract: it is about batch 01KDVDNA01E9NK47NS912KC35A, not ${BATCH}, the batch asked for`,
      attempts: 1
    })
  })

  it('accepts a reply that spells the batch id in lower case', () => {
    const body = JSON.stringify(reply({ batchId: BATCH.toLowerCase() }))
    expect(interpretFinalOutcome(BATCH, final(answer(200, body)), CANCEL).outcome).toBe('answered')
  })

  it('keeps the body as sent, without the whitespace around it', () => {
    const body = `\n  ${JSON.stringify(reply())}\r\n`
    const result = interpretFinalOutcome(BATCH, final(answer(200, body)), CANCEL)
    expect(result.outcome === 'answered' && result.record.toString()).toBe(JSON.stringify(reply()))
  })

  it.each([
    { operation: CANCEL, json: JSON.stringify(reply()) },
    { operation: DRY_RUN, json: JSON.stringify({ batchId: BATCH, jobs: [{ id: 'J1', status: 'queued' }] }) }
  ])('accepts a $operation.method reply after a byte order mark, and keeps it without', ({ operation, json }) => {
    const result = interpretFinalOutcome(BATCH, final(answer(200, `\uFEFF${json}\n`)), operation)
    expect(result).toMatchObject({ outcome: 'answered', record: Buffer.from(json) })
  })

  it('marks a batch the run cancellation kept from being done', () => {
    const last = {
      kind: 'network-failure' as const,
      reason: 'the run was cancelled before it was sent',
      retryable: false,
      mayHaveReachedServer: false,
      interruption: 'not attempted' as const
    }
    expect(interpretFinalOutcome(BATCH, final(last, { attempts: 0 }), CANCEL)).toEqual({
      batchId: BATCH,
      outcome: 'failed',
      problem: 'the run was cancelled before it was sent',
      attempts: 0,
      interruption: 'not attempted'
    })
  })

  it('says when the tries ran out', () => {
    const result = interpretFinalOutcome(
      BATCH,
      final(answer(503, '{"error":"busy"}'), { attempts: 4, exhausted: true }),
      CANCEL
    )
    expect(result).toMatchObject({
      outcome: 'failed',
      problem: 'gave up after 4 attempts: HTTP 503: busy',
      attempts: 4
    })
  })
})

describe('runBatchOperation', () => {
  const context = (transport: BatchContext['transport']): BatchContext => ({
    transport,
    apiUrl: 'https://api.example.com/api/v2',
    token: 'secret-token',
    timeoutMs: 1234,
    policy: DEFAULT_RETRY_POLICY,
    sleep: async () => undefined,
    random: () => 0.5,
    now: () => 0,
    log: () => undefined,
    debug: () => undefined
  })

  it('POSTs to the batch cancel path with the token and timeout', async () => {
    const seen: HttpRequest[] = []
    await runBatchOperation(
      BATCH,
      CANCEL,
      context(async (request) => (seen.push(request), answer(200, JSON.stringify(reply()))))
    )
    expect(seen).toEqual([
      {
        method: 'POST',
        url: `https://api.example.com/api/v2/batches/${BATCH}/cancel`,
        token: 'secret-token',
        timeoutMs: 1234,
        maxBodyBytes: MAX_REPLY_BYTES
      }
    ])
  })

  it('judges a 404 by whether the batch is among the recorded ones', async () => {
    const notFound = context(async () => answer(404, '{"error":"Batch not found"}'))
    const byHand = await runBatchOperation(BATCH, CANCEL, {
      ...notFound,
      recorded: new Set(['01KDVDNA01E9NK47NS912KC35A'])
    })
    const recorded = await runBatchOperation(BATCH, CANCEL, { ...notFound, recorded: new Set([BATCH]) })
    expect([byHand, recorded]).toMatchObject([
      { outcome: 'answered', notFound: true, reply: { status: 'unchanged' } },
      { outcome: 'failed', notFound: true }
    ])
  })

  it.each([
    { endsAt: 1000, timeoutMs: 1000 },
    { endsAt: 5000, timeoutMs: 1234 }
  ])('under a budget ending at $endsAt ms, gives an attempt $timeoutMs ms', async ({ endsAt, timeoutMs }) => {
    const seen: HttpRequest[] = []
    await runBatchOperation(BATCH, CANCEL, {
      ...context(async (request) => (seen.push(request), answer(200, JSON.stringify(reply())))),
      budget: { endsAt, unanswered: 'unknown' }
    })
    expect(seen.map((request) => request.timeoutMs)).toEqual([timeoutMs])
  })

  it('reports a cancel the budget’s end left without an answer in the budget’s words, as failed', async () => {
    let now = 0
    const hang = async (request: HttpRequest): Promise<AttemptOutcome> => {
      now += request.timeoutMs
      return {
        kind: 'network-failure',
        reason: `no complete answer within ${request.timeoutMs / 1000} s (timeout)`,
        retryable: true,
        mayHaveReachedServer: true
      }
    }
    const result = await runBatchOperation(BATCH, CANCEL, {
      ...context(hang),
      now: () => now,
      budget: { endsAt: 2000, unanswered: 'not known whether cancelled: no answer in time' }
    })
    // 1.234 s, a wait of 1 s that would pass the end: out of time.
    expect(result).toEqual({
      batchId: BATCH,
      outcome: 'failed',
      problem:
        'not known whether cancelled: no answer in time; its one attempt: no complete answer within 1.234 s (timeout)',
      attempts: 1
    })
  })

  it('turns an unexpected exception into a failed batch instead of throwing', async () => {
    const result = await runBatchOperation(
      BATCH,
      CANCEL,
      context(async () => Promise.reject(new Error('boom')))
    )
    expect(result).toEqual({ batchId: BATCH, outcome: 'failed', problem: 'unexpected error: boom', attempts: 0 })
  })
})

describe('the dry-run operation', () => {
  const view = {
    batchId: BATCH,
    status: 'processing',
    stats: { total: 2 },
    jobs: [
      { index: 0, id: 'J1', status: 'queued' },
      { index: 1, id: 'J2', status: 'render:dorender' }
    ]
  }

  it('GETs the batch and judges the predicted reply, keeping the view for the results file', () => {
    expect(DRY_RUN.method).toBe('GET')
    expect(DRY_RUN.path(BATCH)).toBe(`/batches/${BATCH}`)
    const result = interpretFinalOutcome(BATCH, final(answer(200, JSON.stringify(view))), DRY_RUN)
    expect(result).toMatchObject({
      outcome: 'answered',
      record: Buffer.from(JSON.stringify(view)),
      reply: { status: 'partial', cancelledCount: 1, skippedCount: 1 }
    })
  })

  it('never says an earlier attempt may have cancelled anything: a GET changes nothing', () => {
    const result = interpretFinalOutcome(
      BATCH,
      final(answer(200, JSON.stringify(view)), { earlierAttemptMayHaveActed: true }),
      DRY_RUN
    )
    expect(result).toMatchObject({ earlierAttemptMayHaveActed: false })
  })

  it('fails on a view that breaks the contract', () => {
    const result = interpretFinalOutcome(
      BATCH,
      final(answer(200, JSON.stringify({ batchId: BATCH, jobs: [{ id: 'J1' }] }))),
      DRY_RUN
    )
    expect(result).toMatchObject({
      outcome: 'failed',
      problem:
        "the reply does not match the API contract: 'jobs[0].status' is missing, expected a string of at most 4,096 characters"
    })
  })
})
