import { describe, expect, it } from '@jest/globals'
import { recordCancelOutcomes } from '../../src/records/pull-request-batches.js'
import type { BatchRecord, RecordChange } from '../../src/records/records.js'
import type { RecordsStore } from '../../src/records/records-store.js'
import { answered, failed, reply } from '../support/replies.js'

const record = (batchId: string): BatchRecord => ({
  batchId,
  commit: '1'.repeat(40),
  recordedAt: '2026-11-29T00:00:00.000Z'
})
const AT = new Date('2026-11-29T05:00:00.000Z')
const AT_SECOND = '2026-11-29T05:00:00Z'

function batches(records: BatchRecord[]) {
  const written: RecordChange[][] = []
  const store = {
    pullRequest: 7,
    write: async (changes: RecordChange[]) => (written.push(changes), { records, commentUrl: 'u' })
  }
  const value = { records, unreadable: [] }
  return { store: store as unknown as RecordsStore, value, written }
}

describe('recordCancelOutcomes', () => {
  it('makes an answered batch done, keeps a failed one open, and leaves one never sent as it was', async () => {
    const { store, value, written } = batches([record('A'), record('B'), record('C')])
    await recordCancelOutcomes(
      store,
      value,
      [
        answered({ batchId: 'A', reply: reply({ batchId: 'A', status: 'cancelled' }) }),
        failed('HTTP 500', 'B'),
        { ...failed('the run was cancelled before it was sent', 'C'), interruption: 'not attempted' },
        answered({ batchId: 'GIVEN-BY-ID' })
      ],
      AT
    )
    expect(written).toEqual([
      [
        { kind: 'cancelled', batchId: 'A', status: 'cancelled', at: AT_SECOND },
        { kind: 'cancel-failed', batchId: 'B', at: AT_SECOND }
      ]
    ])
  })

  it('keeps a recorded batch the API does not know open, and writes a repeated not-found nowhere', async () => {
    const before = { ...record('B'), failedAt: '2026-11-28T00:00:00Z' }
    const { store, value, written } = batches([record('A'), before])
    const notFound = (batchId: string) => ({
      ...failed('HTTP 404 Not Found: Batch not found', batchId),
      notFound: true as const
    })
    await recordCancelOutcomes(store, value, [notFound('A'), notFound('B')], AT)
    expect(written).toEqual([[{ kind: 'cancel-failed', batchId: 'A', at: AT_SECOND }]])
  })

  it('writes nothing when no recorded batch was sent', async () => {
    const { store, value, written } = batches([record('A')])
    expect(await recordCancelOutcomes(store, value, [answered({ batchId: 'OTHER' })], AT)).toBe(value)
    expect(written).toEqual([])
  })
})
