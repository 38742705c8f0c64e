import { describe, expect, it } from '@jest/globals'
import { errorMessage, warnings } from '../../local-runner/run-action.js'
import { simulatorForEachTest } from '../support/simulator-fixture.js'

const fixture = simulatorForEachTest()

const posts = () => fixture.simulator.requests.filter((request) => request.method === 'POST')

describe('dry run', () => {
  type Cell = { batch: 'complete' | 'partial' | 'unchanged'; strictness: string; exitCode: number }
  it.each<Cell>([
    { batch: 'complete', strictness: 'strict', exitCode: 0 },
    { batch: 'partial', strictness: 'strict', exitCode: 1 },
    { batch: 'partial', strictness: 'lenient', exitCode: 0 },
    { batch: 'unchanged', strictness: 'lenient', exitCode: 1 },
    { batch: 'unchanged', strictness: 'off', exitCode: 0 }
  ])(
    'predicts a $batch batch at strictness $strictness: exit $exitCode, and sends no POST',
    async ({ batch, strictness, exitCode }) => {
      const batchId = fixture.batches[batch]
      const run = await fixture.run(fixture.inputs(batchId, { strictness, 'dry-run': 'true' }))
      const predicted = batch === 'complete' ? 'cancelled' : batch

      expect(run.exitCode).toBe(exitCode)
      expect(posts()).toEqual([])
      expect(fixture.simulator.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
        `GET /api/v2/batches/${batchId}`
      ])
      expect(run.outputs).toMatchObject({ status: predicted, 'dry-run': 'true' })
      const failure = `predicted status ${predicted} would fail at strictness ${strictness}`
      expect(errorMessage(run)).toMatch(exitCode === 1 ? new RegExp(failure) : /^$/)
      expect(run.stdout).toContain('Dry run: nothing was cancelled.')
      expect(run.summary).toContain('**Dry run: nothing was cancelled.**')
    }
  )

  it('predicts the top-level counts the real cancel then gives, and lists the jobs rendering now', async () => {
    const { partial } = fixture.batches
    const dry = await fixture.run(fixture.inputs(partial, { strictness: 'off', 'dry-run': 'true' }))
    const real = await fixture.run(fixture.inputs(partial, { strictness: 'off' }))

    for (const output of ['status', 'total-jobs', 'cancelled-count', 'skipped-count'] as const) {
      expect(dry.outputs[output]).toBe(real.outputs[output])
    }
    expect(real.outputs['dry-run']).toBe('false')
    const predictedIds = JSON.parse(dry.outputs['cancelled-job-ids'] ?? '') as string[]
    const cancelledIds = JSON.parse(real.outputs['cancelled-job-ids'] ?? '') as string[]
    expect(cancelledIds).toEqual(expect.arrayContaining(predictedIds))
    expect(dry.stdout).toContain(
      `${partial}: would be partial: 4 jobs, 2 would be cancelled, 2 would be skipped, 1 rendering now (will finish)`
    )
    expect(dry.summary).toContain('> ⚠️ 1 job is rendering now: the API cannot stop it; it will finish.')
    expect(warnings(dry)).toContain(`Batch ${partial}: 1 job is rendering now: the API cannot stop it; it will finish.`)
  })

  it('predicts a cascading batch without knowing its cascades', async () => {
    const { complete } = fixture.batches
    const dry = await fixture.run(fixture.inputs(complete, { 'dry-run': 'true' }))
    const real = await fixture.run(fixture.inputs(complete))

    expect(dry.outputs['cancelled-count']).toBe(real.outputs['cancelled-count'])
    expect(dry.outputs['cancelled-jobs-count']).toBe('2')
    expect(real.outputs['cancelled-jobs-count']).toBe('4')
  })

  it('writes the batch views as read to the results file', async () => {
    const run = await fixture.run(fixture.inputs(fixture.batches.partial, { 'dry-run': 'true', strictness: 'off' }))
    const [view] = JSON.parse(run.files.results ?? '') as Array<{
      batchId: string
      status: string
      stats: unknown
      jobs: unknown[]
    }>
    expect(view).toMatchObject({ batchId: fixture.batches.partial, status: 'processing', stats: { total: 4 } })
    expect(view?.jobs).toHaveLength(4)
  })

  it('treats 404 as in a real run', async () => {
    const run = await fixture.run(fixture.inputs(fixture.batches.unknown, { 'dry-run': 'true', strictness: 'off' }))
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({ status: 'unchanged', 'total-jobs': '0' })
  })

  it('retries the GET like the cancel', async () => {
    fixture.simulator.faults.set(fixture.batches.complete, { serverError: { times: 1, status: 503 } })
    const run = await fixture.run(fixture.inputs(fixture.batches.complete, { 'dry-run': 'true' }))
    expect(run.exitCode).toBe(0)
    expect(fixture.simulator.requests.map((request) => request.method)).toEqual(['GET', 'GET'])
    expect(run.stdout).not.toContain('may already have cancelled')
  })

  it('rejects a dry-run value that is not a boolean, before any request', async () => {
    const run = await fixture.run(fixture.inputs(fixture.batches.complete, { 'dry-run': 'maybe' }))
    expect(run.exitCode).toBe(1)
    expect(errorMessage(run)).toBe("Input 'dry-run' must be true or false; got 'maybe'")
    expect(fixture.simulator.requests).toEqual([])
  })
})
