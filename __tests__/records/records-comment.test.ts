import { describe, expect, it } from '@jest/globals'
import { parseRecordsComment, RECORDS_MARKER, renderRecordsComment } from '../../src/records/records-comment.js'
import type { BatchRecord } from '../../src/records/records.js'

const A = '01KDVDNA01E9NK47NS912KC35A'
const B = '01KDVDNA07TXH63FZT7APV6KX1'
const COMMIT = 'abcdef0'.padEnd(40, '1')
const open: BatchRecord = {
  batchId: A,
  commit: COMMIT,
  runUrl: 'https://github.com/acme/renders/actions/runs/12',
  recordedAt: '2026-11-29T02:05:00.000Z'
}
const done: BatchRecord = {
  batchId: B,
  commit: COMMIT,
  recordedAt: '2026-11-29T03:00:00.000Z',
  cancel: { status: 'partial', at: '2026-11-29T04:10:00.000Z' }
}

/** A comment body whose records part holds this JSON text. */
const withRecords = (json: string) => `anything\n${RECORDS_MARKER}\n${json}\n-->`

describe('renderRecordsComment', () => {
  it('shows a table, newest first, and hides the records, which read back the same', () => {
    const body = renderRecordsComment([open, done])
    expect(body).toContain(
      [
        '| Batch | Commit | Run | Recorded | State |',
        '|---|---|---|---|---|',
        `| \`${B}\` | \`abcdef0\` | – | 2026-11-29 03:00 UTC | cancelled in part (partial), 2026-11-29 04:10 UTC |`,
        `| \`${A}\` | \`abcdef0\` | [run](https://github.com/acme/renders/actions/runs/12) | 2026-11-29 02:05 UTC | open |`
      ].join('\n')
    )
    expect(parseRecordsComment(body)).toEqual({ records: [open, done], problems: [] })
  })

  it('keeps the records part one HTML comment, whatever the records hold', () => {
    const tricky = { ...open, runUrl: 'https://example.com/a-->b<!--c--' }
    const body = renderRecordsComment([tricky])
    const hidden = body.slice(body.indexOf(RECORDS_MARKER))
    expect(hidden.indexOf('-->')).toBe(hidden.length - 3)
    expect(hidden.slice(RECORDS_MARKER.length, -3)).not.toContain('--')
    expect(parseRecordsComment(body).records).toEqual([tricky])
  })

  it('leaves out done records first when the comment would grow past what GitHub accepts', () => {
    const many = Array.from({ length: 400 }, (_, index): BatchRecord => ({
      ...done,
      batchId: `01KDVDNA${String(index).padStart(18, '0')}`,
      recordedAt: `2026-11-29T03:${String(index % 60).padStart(2, '0')}:00.000Z`
    }))
    const body = renderRecordsComment([...many, open])
    expect(body.length).toBeLessThanOrEqual(60_000)
    const kept = parseRecordsComment(body).records
    expect(kept).toContainEqual(open)
    expect(kept.length).toBeLessThan(401)
  })

  it('refuses to drop open records: they would never be cancelled', () => {
    const many = Array.from({ length: 400 }, (_, index): BatchRecord => ({
      ...open,
      batchId: `01KDVDNA${String(index).padStart(18, '0')}`
    }))
    expect(() => renderRecordsComment(many)).toThrow(
      'the pull request has 400 open batches recorded, more than its comment can hold'
    )
  })
})

describe('parseRecordsComment', () => {
  it.each([
    ['no records part', 'just a comment', 'it has no records part'],
    ['JSON that is not', withRecords('{nope'), 'its records part is not JSON'],
    ['another version', withRecords('{"version":2,"records":[]}'), 'its records part is not version 1 of the format']
  ])('reads nothing from %s', (_what, body, problem) => {
    expect(parseRecordsComment(body)).toEqual({ records: [], problems: [problem] })
  })

  it('checks each record as an input would be, leaving out the bad ones with the reason', () => {
    const records = [
      { ...open, batchId: A.toLowerCase() },
      { ...open, batchId: 'not-a-batch' },
      { ...open, batchId: B, commit: 'main' },
      { ...open, batchId: B, recordedAt: 'yesterday' },
      { ...open, batchId: B, cancel: { status: 'gone', at: '2026-11-29T04:10:00.000Z' } },
      'text'
    ]
    expect(parseRecordsComment(withRecords(JSON.stringify({ version: 1, records })))).toEqual({
      records: [open],
      problems: [
        `a record's batch id "not-a-batch" is not a valid batch id`,
        `the record of ${B} has no valid commit`,
        `the record of ${B} has no valid time`,
        `the record of ${B} has a cancel outcome that is not well formed`,
        'a record is not an object'
      ]
    })
  })

  it('drops a run link that is not a web address', () => {
    const body = withRecords(JSON.stringify({ version: 1, records: [{ ...open, runUrl: 'javascript:alert(1)' }] }))
    expect(parseRecordsComment(body).records[0]?.runUrl).toBeUndefined()
  })
})
