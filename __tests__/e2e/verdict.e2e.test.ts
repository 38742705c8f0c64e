import { describe, expect, it } from '@jest/globals'
import { errorMessage } from '../../local-runner/run-action.js'
import { simulatorForEachTest, TEST_TOKEN } from '../support/simulator-fixture.js'

const fixture = simulatorForEachTest()

describe('the verdict, end to end against the simulator', () => {
  type Cell = { batch: 'complete' | 'partial' | 'unchanged'; strictness: string; exitCode: number }
  it.each<Cell>([
    { batch: 'complete', strictness: 'strict', exitCode: 0 },
    { batch: 'complete', strictness: 'lenient', exitCode: 0 },
    { batch: 'complete', strictness: 'off', exitCode: 0 },
    { batch: 'partial', strictness: 'strict', exitCode: 1 },
    { batch: 'partial', strictness: 'lenient', exitCode: 0 },
    { batch: 'partial', strictness: 'off', exitCode: 0 },
    { batch: 'unchanged', strictness: 'strict', exitCode: 1 },
    { batch: 'unchanged', strictness: 'lenient', exitCode: 1 },
    { batch: 'unchanged', strictness: 'off', exitCode: 0 }
  ])('a $batch batch at strictness $strictness exits $exitCode', async ({ batch, strictness, exitCode }) => {
    const batchId = fixture.batches[batch]
    const run = await fixture.run(fixture.inputs(batchId, { strictness }))

    expect(run.exitCode).toBe(exitCode)
    const expectedStatus = batch === 'complete' ? 'cancelled' : batch
    expect(run.outputs.status).toBe(expectedStatus)
    expect(run.outputs['batch-id']).toBe(batchId)
    const failure = `status ${expectedStatus} fails at strictness ${strictness}`
    expect(errorMessage(run)).toMatch(exitCode === 1 ? new RegExp(failure) : /^$/)
    expect(run.summary).toContain(`### Batch \`${batchId}\`: ${expectedStatus}`)
  })

  it('sets every output, and the results file holds the full reply', async () => {
    const run = await fixture.run(fixture.inputs(fixture.batches.complete))

    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({
      status: 'cancelled',
      'total-jobs': '2',
      'cancelled-count': '2',
      'skipped-count': '0',
      'cancelled-jobs-count': '4'
    })
    const ids = JSON.parse(run.outputs['cancelled-job-ids'] ?? '') as string[]
    expect(ids).toHaveLength(4)
    const [reply] = JSON.parse(run.files.results ?? '') as Array<{
      batchId: string
      cancelledJobs: Array<{ id: string }>
    }>
    expect(reply?.batchId).toBe(fixture.batches.complete)
    expect(reply?.cancelledJobs.map((job) => job.id)).toEqual(ids)
    expect(run.outputs['results-file']).toMatch(/^\/.*results\.json$/)
  })

  it('sends one POST per batch with the bearer token, JSON accept and a User-Agent naming the action', async () => {
    await fixture.run(fixture.inputs(fixture.batches.complete))

    expect(fixture.simulator.requests).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: `/api/v2/batches/${fixture.batches.complete}/cancel`,
        headers: expect.objectContaining({
          authorization: `Bearer ${TEST_TOKEN}`,
          accept: 'application/json',
          'user-agent': expect.stringMatching(/^nexrender-cancel-batch-action\/\d+\.\d+\.\d+/)
        })
      })
    ])
  })

  it('logs the request details at debug level', async () => {
    const run = await fixture.run(fixture.inputs(fixture.batches.complete))
    const batchId = fixture.batches.complete
    expect(run.stdout).toContain(`::debug::${batchId}: POST ${fixture.simulator.baseUrl}/batches/${batchId}/cancel`)
    expect(run.stdout).toMatch(new RegExp(`::debug::${batchId}: attempt 1: HTTP 200 OK, \\d+ bytes`))
  })

  it('reports a second cancel of the same batch as unchanged, as the API does', async () => {
    const first = await fixture.run(fixture.inputs(fixture.batches.complete))
    const second = await fixture.run(fixture.inputs(fixture.batches.complete, { strictness: 'lenient' }))

    expect(first.outputs.status).toBe('cancelled')
    expect(second.outputs.status).toBe('unchanged')
    expect(second.exitCode).toBe(1)
    expect(second.outputs['skipped-count']).toBe('2')
  })
})
