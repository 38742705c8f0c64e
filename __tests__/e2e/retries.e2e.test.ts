import { describe, expect, it } from '@jest/globals'
import { errorMessage, warnings } from '../../local-runner/run-action.js'
import { simulatorForEachTest } from '../support/simulator-fixture.js'

const fixture = simulatorForEachTest()

const retryLines = (stdout: string) => stdout.split('\n').filter((line) => line.includes('; retrying in'))

describe('retries', () => {
  it('waits as Retry-After says (real timing), logs the retry, then succeeds', async () => {
    fixture.simulator.faults.set(fixture.batches.complete, { rateLimit: { times: 1, retryAfter: '1' } })
    const run = await fixture.run(fixture.inputs(fixture.batches.complete), { NODE_OPTIONS: '' })

    expect(run.exitCode).toBe(0)
    expect(retryLines(run.stdout)).toEqual([
      `${fixture.batches.complete}: attempt 1 of 4 failed (HTTP 429 Too Many Requests); retrying in 1.0 s`
    ])
    expect(run.durationMs).toBeGreaterThanOrEqual(1000)
    expect(fixture.simulator.requests).toHaveLength(2)
  })

  it('retries 5xx with backoff until the API answers', async () => {
    fixture.simulator.faults.set(fixture.batches.complete, { serverError: { times: 2, status: 503 } })
    const run = await fixture.run(fixture.inputs(fixture.batches.complete))

    expect(run.exitCode).toBe(0)
    expect(retryLines(run.stdout)).toHaveLength(2)
    expect(run.outputs.status).toBe('cancelled')
  })

  it('gives up after max-retries and fails the batch with the last reason, even at strictness off', async () => {
    fixture.simulator.faults.set(fixture.batches.complete, { serverError: { times: 10, status: 502 } })
    const run = await fixture.run(fixture.inputs(fixture.batches.complete, { 'max-retries': '2', strictness: 'off' }))

    expect(run.exitCode).toBe(1)
    expect(errorMessage(run)).toBe(
      `Batch ${fixture.batches.complete}: gave up after 3 attempts: HTTP 502 Bad Gateway: Internal server error`
    )
    expect(fixture.simulator.requests).toHaveLength(3)
  })

  it('max-retries 0 means one attempt only', async () => {
    fixture.simulator.faults.set(fixture.batches.complete, { serverError: { times: 1 } })
    const run = await fixture.run(fixture.inputs(fixture.batches.complete, { 'max-retries': '0' }))

    expect(run.exitCode).toBe(1)
    expect(fixture.simulator.requests).toHaveLength(1)
    expect(errorMessage(run)).toMatch(
      new RegExp(`^Batch ${fixture.batches.complete}: failed \\(no retries configured\\): HTTP 500 `)
    )
  })

  it('retries a dropped connection', async () => {
    fixture.simulator.faults.set(fixture.batches.complete, { dropConnection: { times: 1 } })
    const run = await fixture.run(fixture.inputs(fixture.batches.complete))

    expect(run.exitCode).toBe(0)
    expect(retryLines(run.stdout)[0]).toMatch(/attempt 1 of 4 failed \(ECONNRESET: socket hang up\)/)
  })

  it('says when a dropped attempt may already have cancelled what the final reply reports as skipped', async () => {
    fixture.simulator.faults.set(fixture.batches.complete, { dropConnection: { times: 1, afterApplying: true } })
    const run = await fixture.run(fixture.inputs(fixture.batches.complete, { strictness: 'off' }))

    expect(run.exitCode).toBe(0)
    expect(run.outputs.status).toBe('unchanged')
    const note = 'an earlier attempt ended without a clear answer and may already have cancelled'
    expect(warnings(run).some((warning) => warning.includes(note))).toBe(true)
    expect(run.summary).toContain(note)
  })

  it('a hang hits timeout-seconds, and the retry succeeds', async () => {
    fixture.simulator.faults.set(fixture.batches.complete, { hang: { times: 1 } })
    const run = await fixture.run(fixture.inputs(fixture.batches.complete, { 'timeout-seconds': '0.5' }))

    expect(run.exitCode).toBe(0)
    expect(retryLines(run.stdout)[0]).toContain('attempt 1 of 4 failed (no complete answer within 0.5 s (timeout))')
    expect(run.durationMs).toBeGreaterThanOrEqual(500)
  })

  it('a server that never answers fails the batch after the retries, and the process still exits', async () => {
    fixture.simulator.faults.set(fixture.batches.complete, { hang: { times: 99 } })
    const run = await fixture.run(
      fixture.inputs(fixture.batches.complete, { 'timeout-seconds': '0.3', 'max-retries': '1' })
    )

    expect(run.exitCode).toBe(1)
    expect(errorMessage(run)).toContain('gave up after 2 attempts: no complete answer within 0.3 s (timeout)')
  })

  it('a refused connection is retried, then reported', async () => {
    const closedPort = fixture.simulator.baseUrl
    await fixture.simulator.close()
    const run = await fixture.run({
      ...fixture.inputs(fixture.batches.complete),
      'api-url': closedPort,
      'max-retries': '1'
    })

    expect(run.exitCode).toBe(1)
    expect(retryLines(run.stdout)).toHaveLength(1)
    expect(errorMessage(run)).toMatch(
      /gave up after 2 attempts: connect ECONNREFUSED 127\.0\.0\.1:\d+; nothing reached the API: check api-url \(its host and port\)/
    )
  })
})

describe('fan-out', () => {
  it('keeps at most 4 requests in flight', async () => {
    const ids = Object.values(fixture.batches)
    for (const id of ids) fixture.simulator.faults.set(id, { delayMs: 150 })
    const extra = ['01ARZ3NDEKTSV4RRFFQ69G5FB0', '01ARZ3NDEKTSV4RRFFQ69G5FB1', '01ARZ3NDEKTSV4RRFFQ69G5FB2']
    for (const id of extra) fixture.simulator.faults.set(id, { delayMs: 150 })
    const run = await fixture.run(fixture.inputs([...ids, ...extra].join(','), { strictness: 'off' }))

    expect(fixture.simulator.requests).toHaveLength(8)
    expect(fixture.simulator.peakInFlight).toBe(4)
    expect(run.outputs['batch-id']?.split(',')).toEqual([...ids, ...extra])
  })
})
