import { describe, expect, it } from '@jest/globals'
import { parseBatchView } from '../../src/nexrender/batch-view.js'
import { predictCancel } from '../../src/nexrender/predict-cancel.js'

const view = (statuses: string[]) => ({
  batchId: 'B',
  status: 'processing',
  stats: { total: statuses.length, finished: null },
  jobs: statuses.map((status, index) => ({
    index,
    id: `J${index}`,
    status,
    outputUrl: status === 'finished' ? 'https://cdn/x.mp4' : null
  }))
})

describe('predictCancel', () => {
  it.each([
    { statuses: ['queued', 'pending'], status: 'cancelled', cancelled: 2 },
    { statuses: ['queued', 'render:dorender', 'finished'], status: 'partial', cancelled: 1 },
    { statuses: ['finished', 'error', 'manually_cancelled', 'render:dorender'], status: 'unchanged', cancelled: 0 },
    { statuses: [], status: 'unchanged', cancelled: 0 }
  ])('$statuses would be $status', ({ statuses, status, cancelled }) => {
    expect(predictCancel(view(statuses))).toMatchObject({
      batchId: 'B',
      status,
      totalJobs: statuses.length,
      cancelledCount: cancelled,
      skippedCount: statuses.length - cancelled
    })
  })

  it('gives each job its predicted result, skipped ones with their status as the reason', () => {
    expect(predictCancel(view(['queued', 'render:dorender', 'finished'])).jobs).toEqual([
      { index: 0, id: 'J0', result: 'cancelled', status: 'queued' },
      { index: 1, id: 'J1', result: 'skipped', status: 'render:dorender', reason: 'rendering now' },
      { index: 2, id: 'J2', result: 'skipped', status: 'finished', reason: 'finished' }
    ])
  })

  it('lists only the top-level jobs that would be cancelled: cascades cannot be known', () => {
    expect(predictCancel(view(['pending', 'finished'])).cancelledJobs).toEqual([
      { id: 'J0', status: 'pending', outputUrl: null }
    ])
  })

  it('takes positions as indexes when the view has none', () => {
    expect(predictCancel({ batchId: 'B', jobs: [{ id: 'A', status: 'queued' }] }).jobs[0]?.index).toBe(0)
  })
})

describe('parseBatchView', () => {
  it('accepts a documented view and tolerates extra fields and nulls', () => {
    expect(parseBatchView(JSON.stringify(view(['queued'])))).toEqual(view(['queued']))
  })

  it.each([
    { body: '{"jobs":[]}', problem: "'batchId' is missing, expected a string" },
    { body: '{"batchId":"B"}', problem: "'jobs' is missing, expected an array" },
    { body: '{"batchId":"B","jobs":[{"status":"queued"}]}', problem: "'jobs[0]' has no string 'id'" },
    { body: '{"batchId":"B","jobs":[{"id":"J","status":3}]}', problem: "'jobs[0]' has no string 'status'" },
    { body: 'oops', problem: 'it is not JSON' }
  ])('rejects $body', ({ body, problem }) => {
    expect(() => parseBatchView(body)).toThrow(problem)
  })
})
