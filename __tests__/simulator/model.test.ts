import { describe, expect, it } from '@jest/globals'
import { StateBuilder, jobsOf } from '../../simulator/builder.js'
import { batchView, cancelBatch, type SimulatorState } from '../../simulator/model.js'
import { seedState } from '../../simulator/seed.js'

function cancel(state: SimulatorState, batchId: string) {
  const batch = state.batches.get(batchId)
  if (!batch) throw new Error('no such batch')
  return cancelBatch(state, batch)
}

describe('the simulator model: cancelling a batch', () => {
  it('cancels queued and pending top-level jobs and skips the rest with a reason', () => {
    const builder = new StateBuilder()
    const id = builder.batch(
      [
        { status: 'queued' },
        { status: 'pending' },
        { status: 'render:dorender' },
        { status: 'finished' },
        { status: 'error' },
        { status: 'manually_cancelled' }
      ],
      { missingJobs: 1 }
    )
    const reply = cancel(builder.state, id)

    expect(reply).toMatchObject({ batchId: id, status: 'partial', totalJobs: 7, cancelledCount: 2, skippedCount: 5 })
    expect(reply.jobs.map(({ index, result, status, reason }) => ({ index, result, status, reason }))).toEqual([
      { index: 0, result: 'cancelled', status: 'manually_cancelled', reason: undefined },
      { index: 1, result: 'cancelled', status: 'manually_cancelled', reason: undefined },
      { index: 2, result: 'skipped', status: 'render:dorender', reason: 'already rendering' },
      { index: 3, result: 'skipped', status: 'finished', reason: 'already finished' },
      { index: 4, result: 'skipped', status: 'error', reason: 'failed' },
      { index: 5, result: 'skipped', status: 'manually_cancelled', reason: 'already cancelled' },
      { index: 6, result: 'skipped', status: 'missing', reason: 'job not found' }
    ])
  })

  it('a parent takes its waiting children, not the ones already rendering', () => {
    const builder = new StateBuilder()
    const id = builder.batch([
      { status: 'pending', children: [{ status: 'queued' }, { status: 'render:dorender' }, { status: 'pending' }] }
    ])
    const reply = cancel(builder.state, id)

    expect(reply.status).toBe('cancelled')
    expect(reply.cancelledCount).toBe(1)
    expect(reply.cancelledJobs).toHaveLength(3)
    const parent = builder.state.jobs.get(reply.jobs[0]?.id ?? '')
    const childStatuses = parent?.childIds.map((childId) => builder.state.jobs.get(childId)?.status)
    expect(childStatuses).toEqual(['manually_cancelled', 'render:dorender', 'manually_cancelled'])
  })

  it('a child takes its parent and its waiting siblings', () => {
    const builder = new StateBuilder()
    const parentBatch = builder.batch([
      { status: 'pending', children: [{ status: 'queued' }, { status: 'queued' }, { status: 'finished' }] }
    ])
    const parent = builder.state.jobs.get(builder.state.batches.get(parentBatch)?.jobIds[0] ?? '')
    const [firstChild = ''] = parent?.childIds ?? []
    // A second batch whose only top-level job is the first child.
    builder.state.batches.set('CHILDBATCH', { id: 'CHILDBATCH', jobIds: [firstChild] })
    const reply = cancel(builder.state, 'CHILDBATCH')

    expect(reply).toMatchObject({ status: 'cancelled', totalJobs: 1, cancelledCount: 1 })
    expect(reply.cancelledJobs.map((job) => job.id).sort()).toEqual(
      [parent?.id, ...(parent?.childIds.slice(0, 2) ?? [])].sort()
    )
  })

  it('counts a top-level job taken by an earlier cascade of the same request as cancelled', () => {
    const builder = new StateBuilder()
    const parentBatch = builder.batch([{ status: 'pending', children: jobsOf(2, 'queued') }])
    const parent = builder.state.jobs.get(builder.state.batches.get(parentBatch)?.jobIds[0] ?? '')
    builder.state.batches.set('SIBLINGS', { id: 'SIBLINGS', jobIds: parent?.childIds ?? [] })
    const reply = cancel(builder.state, 'SIBLINGS')

    expect(reply).toMatchObject({ status: 'cancelled', cancelledCount: 2, skippedCount: 0 })
    expect(reply.cancelledJobs).toHaveLength(3)
  })

  it('answers unchanged on a second cancel, and for an empty batch', () => {
    const builder = new StateBuilder()
    const id = builder.batch(jobsOf(3, 'queued'))
    const empty = builder.batch([])
    expect(cancel(builder.state, id).status).toBe('cancelled')
    expect(cancel(builder.state, id)).toMatchObject({
      status: 'unchanged',
      cancelledCount: 0,
      skippedCount: 3,
      cancelledJobs: []
    })
    expect(cancel(builder.state, empty)).toMatchObject({ status: 'unchanged', totalJobs: 0 })
  })

  it('keeps cancelledJobs free of repeats and job views in the documented shape', () => {
    const builder = new StateBuilder()
    const id = builder.batch([{ status: 'queued', children: jobsOf(2, 'queued') }])
    const { cancelledJobs } = cancel(builder.state, id)
    expect(new Set(cancelledJobs.map((job) => job.id)).size).toBe(cancelledJobs.length)
    expect(Object.keys(cancelledJobs[0] ?? {}).sort()).toEqual([
      'id',
      'outputUrl',
      'progress',
      'stats',
      'status',
      'templateId'
    ])
  })
})

describe('the simulator model: reading a batch', () => {
  it('agrees with the state the cancel leaves', () => {
    const builder = new StateBuilder()
    const id = builder.batch([
      { status: 'queued' },
      { status: 'render:dorender' },
      { status: 'finished' },
      { status: 'error' }
    ])
    const before = batchView(builder.state, builder.state.batches.get(id)!)
    expect(before).toMatchObject({
      batchId: id,
      status: 'processing',
      stats: { total: 4, finished: 1, error: 1, pending: 2 }
    })
    cancel(builder.state, id)
    const after = batchView(builder.state, builder.state.batches.get(id)!)
    expect(after.jobs.map((job) => job.status)).toEqual(['manually_cancelled', 'render:dorender', 'finished', 'error'])
  })

  it.each([
    { statuses: ['finished', 'manually_cancelled'], status: 'finished' },
    { statuses: ['error', 'error'], status: 'error' },
    { statuses: ['error', 'finished'], status: 'finished' },
    { statuses: ['pending', 'finished'], status: 'processing' }
  ] as const)('a batch of $statuses is $status', ({ statuses, status }) => {
    const builder = new StateBuilder()
    const id = builder.batch(statuses.map((jobStatus) => ({ status: jobStatus })))
    expect(batchView(builder.state, builder.state.batches.get(id)!).status).toBe(status)
  })
})

describe('the seeded demo data', () => {
  it('has one batch for each outcome, with cascades in the complete one', () => {
    const { state, batches } = seedState()
    const complete = cancel(state, batches.complete)
    expect(complete.status).toBe('cancelled')
    expect(complete.cancelledJobs.length).toBeGreaterThan(complete.cancelledCount)
    expect(cancel(state, batches.partial).status).toBe('partial')
    expect(cancel(state, batches.unchanged).status).toBe('unchanged')
  })

  it('uses the same valid ids on every start', () => {
    expect(seedState().batches).toEqual(seedState().batches)
    for (const id of Object.values(seedState().batches)) expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/)
  })
})
