import { describe, expect, it } from '@jest/globals'
import type { BatchRecord } from '../../src/records/records.js'
import { selectBatches } from '../../src/records/select-batches.js'

const OLD = '1'.repeat(40)
const HEAD = '2'.repeat(40)
const record = (batchId: string, commit: string, extra: Partial<BatchRecord> = {}): BatchRecord => ({
  batchId,
  commit,
  recordedAt: '2026-11-29T00:00:00.000Z',
  ...extra
})
const openOld = record('A', OLD)
const failedOld = record('B', OLD, { failedAt: '2026-11-29T01:00:00.000Z' })
const doneOld = record('C', OLD, { cancel: { status: 'cancelled', at: '2026-11-29T01:00:00.000Z' } })
const openHead = record('D', HEAD)
const doneHead = record('E', HEAD, { cancel: { status: 'unchanged', at: '2026-11-29T01:00:00.000Z' } })
const all = [openOld, failedOld, doneOld, openHead, doneHead]

describe('selectBatches', () => {
  it('cancels every open record, a failed one included, and never a done one', () => {
    expect(selectBatches(all)).toEqual({
      toCancel: [openOld, failedOld, openHead],
      alreadyDone: [doneOld, doneHead],
      current: []
    })
  })

  it('with a head, cancels only what other commits recorded, and says what it leaves rendering', () => {
    expect(selectBatches(all, HEAD)).toEqual({
      toCancel: [openOld, failedOld],
      alreadyDone: [doneOld, doneHead],
      current: [openHead]
    })
  })
})
