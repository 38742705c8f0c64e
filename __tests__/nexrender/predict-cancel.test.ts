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
    { body: '{"jobs":[]}', problem: "'batchId' is missing, expected a string of at most 4,096 characters" },
    { body: '{"batchId":"B"}', problem: "'jobs' is missing, expected an array" },
    { body: '{"batchId":"B","jobs":[{"status":"queued"}]}', problem: "'jobs[0].id' is missing, expected a string" },
    {
      body: '{"batchId":"B","jobs":[{"id":"J","status":3}]}',
      problem: "'jobs[0].status' is number 3, expected a string"
    },
    {
      body: `{"batchId":"B","jobs":[{"id":"J","status":"queued","index":1e308}]}`,
      problem: "'jobs[0].index' is number 1e+308, expected a whole number from 0 to 1,000"
    },
    {
      body: `{"batchId":"B","jobs":[{"id":"J","status":"queued","index":-2}]}`,
      problem: "'jobs[0].index' is number -2"
    },
    {
      body: `{"batchId":"B","jobs":[{"id":"J","status":"queued","outputUrl":[]}]}`,
      problem: "'jobs[0].outputUrl' is an array, expected a string of at most 4,096 characters, or null"
    },
    { body: 'oops', problem: 'it is not JSON' }
  ])('rejects $body', ({ body, problem }) => {
    expect(() => parseBatchView(body)).toThrow(problem)
  })

  it.each(['id', 'status', 'outputUrl'])("rejects a 10,000-deep object in a job's %s, naming it", (key) => {
    const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`
    const job = { id: 'J', status: 'queued', [key]: '__DEEP__' }
    const body = JSON.stringify({ batchId: 'B', jobs: [job] }).replace('"__DEEP__"', deep)
    expect(() => parseBatchView(body)).toThrow(`'jobs[0].${key}' is an object, expected a string`)
  })

  it('takes 1,000 top-level jobs, and refuses one more: no batch holds that many', () => {
    const many = (count: number) => JSON.stringify(view(Array.from({ length: count }, () => 'queued')))
    expect(parseBatchView(many(1000)).jobs).toHaveLength(1000)
    expect(() => parseBatchView(many(1001))).toThrow("'jobs' holds 1,001 items, expected at most 1,000")
  })
})
