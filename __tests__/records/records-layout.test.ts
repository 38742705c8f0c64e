import { describe, expect, it } from '@jest/globals'
import { readRecordsPart } from '../../src/records/records-format.js'
import { MAX_COMMENT_CHARS } from '../../src/records/records-comment.js'
import { planRecordsLayout, type ExistingPart } from '../../src/records/records-layout.js'
import { commentBodies } from '../../simulator/github/records-bodies.js'
import type { BatchRecord } from '../../src/records/records.js'

const id = (index: number) => `01KDVD${String(index).padStart(20, '0')}`
/** A record with its own commit and run link, the least compact kind. */
const wide = (index: number, done = false): BatchRecord => ({
  batchId: id(index),
  commit: index.toString(16).padStart(40, 'a'),
  runUrl: `https://github.com/acme/renders/actions/runs/${9_000_000_000 + index}`,
  recordedAt: '2026-12-01T09:00:00Z',
  ...(done
    ? { cancel: { status: 'cancelled' as const, at: `2026-12-01T10:${String(index % 60).padStart(2, '0')}:00Z` } }
    : {})
})

/** Random numbers that repeat from a seed. */
function seeded(seed: number) {
  let state = seed
  return () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31
}

/** Existing comments as a first write of these record lists would have made them, each list its own comment. */
function existing(lists: BatchRecord[][]): ExistingPart[] {
  return lists.map((records, index) => ({
    id: index + 1,
    body: commentBodies(records)[0] ?? '',
    batchIds: records.map((record) => record.batchId)
  }))
}

describe('planRecordsLayout', () => {
  it('puts a few records in one comment with the table', () => {
    const { steps } = planRecordsLayout([wide(1), wide(2)], [])
    expect(steps).toEqual([{ kind: 'create', body: expect.stringContaining('2 batches recorded: 2 open, 0 done.') }])
  })

  it('spreads records over further comments when one cannot hold them, each within the limit', () => {
    const records = Array.from({ length: 1000 }, (_, index) => wide(index))
    const { steps, pruned } = planRecordsLayout(records, [])
    expect(pruned).toEqual([])
    expect(steps.length).toBeGreaterThan(1)
    const bodies = steps.map((step) => (step.kind === 'delete' ? '' : step.body))
    for (const body of bodies) expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS)
    expect(
      bodies.slice(1).every((body) => body.startsWith('### Nexrender renders of this pull request (continued)'))
    ).toBe(true)
    expect(bodies.flatMap((body) => readRecordsPart(body).records)).toEqual(records)
  })

  it('writes nothing when the comments already are as it would write them', () => {
    const records = [wide(1), wide(2)]
    expect(planRecordsLayout(records, existing([records])).steps).toEqual([])
  })

  it('merges a duplicate first comment into the older one, then deletes it', () => {
    const { steps } = planRecordsLayout([wide(1), wide(2)], existing([[wide(1)], [wide(2)]]))
    expect(steps.map((step) => step.kind)).toEqual(['update', 'delete'])
  })

  it('never leaves a record in no comment, whatever point a write stops at', () => {
    const random = seeded(7)
    for (let scenario = 0; scenario < 60; scenario++) {
      // Existing comments of random sizes, some records in two of them, some new ones, some now done.
      let next = 0
      const lists = Array.from({ length: 1 + Math.floor(random() * 3) }, () =>
        Array.from({ length: Math.floor(random() * 500) }, () => wide(next++))
      )
      const duplicated = lists[0]?.slice(0, Math.floor(random() * 5)) ?? []
      lists.at(-1)?.push(...duplicated)
      const fresh = Array.from({ length: Math.floor(random() * 400) }, () => wide(next++))
      const desired = [...new Map([...lists.flat(), ...fresh].map((record) => [record.batchId, record])).values()].map(
        (record) => (random() < 0.3 ? wide(Number(record.batchId.slice(6)), true) : record)
      )
      const parts = existing(lists)
      const { steps, pruned } = planRecordsLayout(desired, parts)
      const prunedIds = new Set(pruned.map((record) => record.batchId))
      expect(pruned.every((record) => record.cancel)).toBe(true)

      const holds = new Map<number | string, string[]>(parts.map((part) => [part.id, part.batchIds]))
      const mustStay = new Set(parts.flatMap((part) => part.batchIds).filter((batchId) => !prunedIds.has(batchId)))
      steps.forEach((step, index) => {
        if (step.kind === 'delete') holds.delete(step.id)
        else
          holds.set(
            step.kind === 'create' ? `new ${index}` : step.id,
            readRecordsPart(step.body).records.map((record) => record.batchId)
          )
        const held = new Set([...holds.values()].flat())
        expect([...mustStay].filter((batchId) => !held.has(batchId))).toEqual([])
      })
      const finally_ = new Set([...holds.values()].flat())
      expect(desired.filter((record) => !prunedIds.has(record.batchId) && !finally_.has(record.batchId))).toEqual([])
    }
  })
})
