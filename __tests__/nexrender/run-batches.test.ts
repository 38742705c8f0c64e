import { describe, expect, it } from '@jest/globals'
import { CANCEL, type BatchContext } from '../../src/nexrender/batch-operation.js'
import { MAX_IN_FLIGHT, runBatches } from '../../src/nexrender/run-batches.js'
import { DEFAULT_RETRY_POLICY } from '../../src/http/retry-policy.js'
import type { HttpRequest } from '../../src/http/transport.js'
import { reply } from '../support/replies.js'

const ids = Array.from({ length: 10 }, (_, i) => `01ARZ3NDEKTSV4RRFFQ69G5F${String.fromCharCode(65 + i)}0`)

function context(transport: BatchContext['transport']): BatchContext {
  return {
    transport,
    apiUrl: 'https://api.example.com',
    token: 't',
    timeoutMs: 1000,
    policy: { ...DEFAULT_RETRY_POLICY, retries: 0 },
    sleep: async () => undefined,
    random: () => 0.5,
    now: () => 0,
    log: () => undefined,
    debug: () => undefined
  }
}

describe('runBatches', () => {
  it(`attempts every batch with at most ${MAX_IN_FLIGHT} in flight and returns results in input order`, async () => {
    let inFlight = 0
    let peak = 0
    const transport = async (request: HttpRequest) => {
      peak = Math.max(peak, ++inFlight)
      const id = request.url.split('/').at(-2) ?? ''
      // Later batches answer sooner, so completion order differs from input order.
      await new Promise((resolve) => setTimeout(resolve, 50 - ids.indexOf(id) * 4))
      inFlight--
      if (ids.indexOf(id) % 3 === 1) throw new Error(`lost ${id}`)
      return {
        kind: 'answer' as const,
        status: 200,
        statusText: 'OK',
        headers: {},
        body: Buffer.from(JSON.stringify(reply({ batchId: id })))
      }
    }
    const results = await runBatches(ids, CANCEL, context(transport))

    expect(peak).toBe(MAX_IN_FLIGHT)
    expect(results.map((result) => result.batchId)).toEqual(ids)
    expect(results.map((result) => result.outcome)).toEqual(ids.map((_, i) => (i % 3 === 1 ? 'failed' : 'answered')))
  })

  it('runs more at once when the caller says so', async () => {
    let inFlight = 0
    let peak = 0
    const transport = async (request: HttpRequest) => {
      peak = Math.max(peak, ++inFlight)
      await new Promise((resolve) => setTimeout(resolve, 20))
      inFlight--
      const id = request.url.split('/').at(-2) ?? ''
      return {
        kind: 'answer' as const,
        status: 200,
        statusText: 'OK',
        headers: {},
        body: Buffer.from(JSON.stringify(reply({ batchId: id })))
      }
    }
    const results = await runBatches(ids, CANCEL, context(transport), ids.length)

    expect(peak).toBe(ids.length)
    expect(results.map((result) => result.outcome)).toEqual(ids.map(() => 'answered'))
  })
})
