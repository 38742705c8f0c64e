import { describe, expect, it } from '@jest/globals'
import {
  applyChanges,
  holdsChanges,
  mergeRecords,
  type BatchRecord,
  type RecordChange
} from '../../src/records/records.js'

const A = '01KDVDNA01E9NK47NS912KC35A'
const B = '01KDVDNA07TXH63FZT7APV6KX1'
const C1 = '1'.repeat(40)
const C2 = '2'.repeat(40)
const record = (batchId: string, recordedAt: string, extra: Partial<BatchRecord> = {}): BatchRecord => ({
  batchId,
  commit: C1,
  recordedAt,
  ...extra
})

describe('mergeRecords', () => {
  it('keeps every batch once, oldest recording first', () => {
    const merged = mergeRecords(
      [record(B, '2026-01-02T00:00:00Z')],
      [record(A, '2026-01-01T00:00:00Z'), record(B, '2026-01-03T00:00:00Z', { commit: C2 })]
    )
    expect(merged).toEqual([record(A, '2026-01-01T00:00:00Z'), record(B, '2026-01-02T00:00:00Z')])
  })

  it('lets an outcome beat none, the later of two outcomes win, and keeps the latest failure', () => {
    const open = record(A, '2026-01-01T00:00:00Z', { failedAt: '2026-01-02T00:00:00Z' })
    const cancelled = record(A, '2026-01-01T00:00:00Z', { cancel: { status: 'cancelled', at: '2026-01-03T00:00:00Z' } })
    const unchanged = record(A, '2026-01-01T00:00:00Z', {
      cancel: { status: 'unchanged', at: '2026-01-04T00:00:00Z' },
      failedAt: '2026-01-01T12:00:00Z'
    })
    expect(mergeRecords([open], [cancelled])).toEqual([{ ...cancelled, failedAt: '2026-01-02T00:00:00Z' }])
    expect(mergeRecords([cancelled, unchanged])).toEqual([unchanged])
  })

  it('gives the same result whichever order the views come in, so writers agree', () => {
    const views = [
      record(A, '2026-01-01T00:00:00Z', { runUrl: 'https://github.com/a/b/actions/runs/1' }),
      record(A, '2026-01-01T00:00:00Z', { cancel: { status: 'partial', at: '2026-01-05T00:00:00Z' } }),
      record(A, '2026-01-02T00:00:00Z', { commit: C2, failedAt: '2026-01-04T00:00:00Z' }),
      record(B, '2026-01-01T00:00:00Z')
    ]
    const expected = mergeRecords(views)
    for (const order of [
      [3, 2, 1, 0],
      [1, 3, 0, 2],
      [2, 0, 3, 1]
    ]) {
      expect(mergeRecords(order.map((index) => views[index] as BatchRecord))).toEqual(expected)
    }
  })
})

describe('applyChanges and holdsChanges', () => {
  const base = [record(A, '2026-01-01T00:00:00Z')]

  it.each<[string, RecordChange, Partial<BatchRecord>]>([
    ['a new record', { kind: 'record', record: record(B, '2026-01-02T00:00:00Z') }, {}],
    [
      'an outcome',
      { kind: 'cancelled', batchId: A, status: 'cancelled', at: '2026-01-05T00:00:00Z' },
      { cancel: { status: 'cancelled', at: '2026-01-05T00:00:00Z' } }
    ],
    [
      'a failed cancel',
      { kind: 'cancel-failed', batchId: A, at: '2026-01-05T00:00:00Z' },
      { failedAt: '2026-01-05T00:00:00Z' }
    ]
  ])('makes %s, and then holds it', (_what, change, expectedOnA) => {
    expect(holdsChanges(base, [change])).toBe(false)
    const changed = applyChanges(base, [change])
    expect(changed.find((item) => item.batchId === A)).toEqual({ ...base[0], ...expectedOnA })
    expect(holdsChanges(changed, [change])).toBe(true)
  })

  it('keeps one record of a batch recorded again, with its first recording', () => {
    const again = applyChanges(base, [{ kind: 'record', record: record(A, '2026-02-01T00:00:00Z', { commit: C2 }) }])
    expect(again).toEqual(base)
  })

  it('counts a later outcome by another step as holding an earlier one', () => {
    const later = [record(A, '2026-01-01T00:00:00Z', { cancel: { status: 'unchanged', at: '2026-01-09T00:00:00Z' } })]
    expect(
      holdsChanges(later, [{ kind: 'cancelled', batchId: A, status: 'cancelled', at: '2026-01-05T00:00:00Z' }])
    ).toBe(true)
    expect(holdsChanges(later, [{ kind: 'cancel-failed', batchId: A, at: '2026-01-10T00:00:00Z' }])).toBe(true)
  })

  it('does not hold a change about a batch it does not know', () => {
    expect(
      holdsChanges(base, [{ kind: 'cancelled', batchId: B, status: 'cancelled', at: '2026-01-05T00:00:00Z' }])
    ).toBe(false)
  })
})
