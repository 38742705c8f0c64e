import { describe, expect, it } from '@jest/globals'
import type { IssueComment } from '../../src/github/github-api.js'
import { commentBodies } from '../../simulator/github/records-bodies.js'
import { listingIsComplete, ourCommentsByPullRequest, sweepSelection, sweepSince } from '../../src/records/sweep.js'
import type { BatchRecord } from '../../src/records/records.js'

const BOT = 'github-actions[bot]'
const HEAD = '2'.repeat(40)
const OLD = '1'.repeat(40)
const id = (index: number) => `01KDVD${String(index).padStart(20, '0')}`
const record = (index: number, commit = HEAD, done = false): BatchRecord => ({
  batchId: id(index),
  commit,
  runUrl: `https://github.com/acme/renders/actions/runs/${9_000_000_000 + index}`,
  recordedAt: '2026-12-01T09:00:00Z',
  ...(done ? { cancel: { status: 'cancelled' as const, at: '2026-12-01T10:00:00Z' } } : {})
})
let nextId = 1
const comment = (issue: number, body: string, author = BOT): IssueComment => ({
  id: nextId++,
  issue,
  body,
  author,
  url: `https://github.com/acme/renders/pull/${issue}#issuecomment-${nextId}`,
  updatedAt: '2026-12-01T10:00:00Z'
})

describe('the sweep’s pieces', () => {
  it('starts its window the given number of days back', () => {
    expect(sweepSince(Date.parse('2026-12-02T08:00:00.500Z'), 30)).toBe('2026-11-02T08:00:00Z')
  })

  it('keeps the comments of ours, by pull request, by the one rule of ours', () => {
    const [body = ''] = commentBodies([record(1)])
    const ours = comment(7, body)
    const byNumber = ourCommentsByPullRequest(
      [ours, comment(7, body, 'mallory'), comment(8, `> ${body}`), comment(9, 'hello')],
      BOT
    )
    expect([...byNumber]).toEqual([[7, [ours]]])
  })

  it('knows when the listing holds all of a pull request’s records, and when it may miss some', () => {
    const many = Array.from({ length: 1000 }, (_, index) => record(index))
    const bodies = commentBodies(many)
    expect(bodies.length).toBeGreaterThan(1)
    const all = bodies.map((body) => comment(7, body))
    expect(listingIsComplete(all)).toBe(true)
    // A further comment not updated within the window is not listed; the first one alone is not all.
    expect(listingIsComplete(all.slice(0, 1))).toBe(false)
    expect(listingIsComplete(all.slice(1))).toBe(false)
    expect(listingIsComplete([comment(7, (bodies[0] ?? '').replace('{"v":1,', '{"v":9,'))])).toBe(false)
  })

  it('cancels every open record of a closed pull request, and on an open one those not of its live head', () => {
    const records = [record(1, OLD), record(2, HEAD), record(3, OLD, true)]
    const ids = (list: BatchRecord[]) => list.map((item) => item.batchId)
    const closed = sweepSelection({ number: 7, open: false, merged: true, head: HEAD }, records)
    expect([ids(closed.toCancel), ids(closed.alreadyDone)]).toEqual([[id(1), id(2)], [id(3)]])
    const open = sweepSelection({ number: 7, open: true, merged: false, head: HEAD }, records)
    expect([ids(open.toCancel), ids(open.current)]).toEqual([[id(1)], [id(2)]])
  })
})
