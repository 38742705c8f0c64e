import { describe, expect, it } from '@jest/globals'
import {
  FORMAT_VERSION,
  HEADING,
  inOurFormat,
  readRecordsPart,
  RECORDS_MARKER,
  RecordsPartWriter
} from '../../src/records/records-format.js'
import type { BatchRecord } from '../../src/records/records.js'

const A = '01KDVDNA01E9NK47NS912KC35A'
const B = '01KDVDNA07TXH63FZT7APV6KX1'
const COMMIT = 'abcdef0'.padEnd(40, '1')
const open: BatchRecord = {
  batchId: A,
  commit: COMMIT,
  runUrl: 'https://github.com/acme/renders/actions/runs/12',
  recordedAt: '2026-11-29T02:05:00Z'
}
const done: BatchRecord = {
  batchId: B,
  commit: COMMIT,
  recordedAt: '2026-11-29T03:00:00Z',
  cancel: { status: 'partial', at: '2026-11-29T04:10:00Z' },
  failedAt: '2026-11-29T04:00:00Z'
}

/** A body in our format whose records part is this JSON text. */
const ours = (json: string) => `${HEADING}\n${RECORDS_MARKER}\n${json}\n-->\n\ntable`
const written = (...records: BatchRecord[]) => {
  const writer = new RecordsPartWriter()
  for (const record of records) writer.add(record)
  return writer
}

describe('our format', () => {
  it.each([
    ['our heading, then our hidden part', ours('{}'), true],
    ['the continued heading', ours('{}').replace(HEADING, `${HEADING} (continued)`), true],
    ['line ends a browser edit leaves', ours('{}').replace(/\n/g, '\r\n'), true],
    ['the heading alone', `${HEADING}\n\n${RECORDS_MARKER}\n{}\n-->`, false],
    ['text before it', `Hello\n${ours('{}')}`, false],
    ['a quote of it', `> ${HEADING}\n> ${RECORDS_MARKER}`, false],
    ['a code block of it', `\`\`\`\n${ours('{}')}\n\`\`\``, false],
    ['the marker in inline code', `see \`${RECORDS_MARKER}\``, false]
  ])('%s: %s', (_what, body, expected) => {
    expect(inOurFormat(body)).toBe(expected)
  })
})

describe('the records part', () => {
  it('lists commits and run links once, and reads back the same records', () => {
    const writer = written(open, done, { ...open, batchId: '01KDVDNA0FQQ4PPG3ZGGGJPYCC' })
    const json = writer.json()
    expect(json).toBe(
      `{"v":1,"commits":["${COMMIT}"],"runs":["https://github.com/acme/renders/actions/runs/12"],"records":[` +
        `["${A}",0,0,1795917900],["${B}",0,-1,1795921200,"p",1795925400,1795924800],["01KDVDNA0FQQ4PPG3ZGGGJPYCC",0,0,1795917900]]}`
    )
    expect(readRecordsPart(ours(json))).toEqual({
      kind: 'readable',
      records: [open, done, { ...open, batchId: '01KDVDNA0FQQ4PPG3ZGGGJPYCC' }]
    })
  })

  it('knows its own length before each record is added, escapes included', () => {
    const writer = new RecordsPartWriter()
    for (const record of [open, done, { ...open, runUrl: 'https://x.example/a--b-->c' }]) {
      const expected = writer.sizeWith(record)
      writer.add(record)
      expect(writer.json().length).toBe(expected)
    }
  })

  it('stays one HTML comment whatever the records hold', () => {
    const tricky = { ...open, runUrl: 'https://example.com/a-->b<!--c--' }
    const body = ours(written(tricky).json())
    const hidden = body.slice(body.indexOf(RECORDS_MARKER) + RECORDS_MARKER.length, body.indexOf('-->'))
    expect(hidden).not.toContain('--')
    expect(readRecordsPart(body)).toEqual({ kind: 'readable', records: [tricky] })
  })

  it.each([
    ['no end', `${HEADING}\n${RECORDS_MARKER}\n{}`, 'its hidden records part has no end (-->)'],
    ['not JSON', ours('{nope'), 'its hidden records part is not JSON'],
    ['no version', ours('{"records":[]}'), 'its hidden records part does not say which version of the format it is'],
    ['no lists', ours('{"v":1}'), 'its hidden records part has no commits, runs and records lists']
  ])('cannot be read with %s', (_what, body, problem) => {
    expect(readRecordsPart(body)).toEqual({ kind: 'unreadable', problem, records: [] })
  })

  it('of a newer version is not read, and says which', () => {
    expect(readRecordsPart(ours(`{"v":${FORMAT_VERSION + 1},"whatever":true}`))).toEqual({
      kind: 'unreadable',
      problem: `a newer version of this action wrote it (records format ${FORMAT_VERSION + 1}; this version reads ${FORMAT_VERSION})`,
      records: [],
      newerVersion: FORMAT_VERSION + 1
    })
  })

  it('checks each record as an input would be: one bad record makes the part unreadable, the rest still read', () => {
    const rows = [
      [A, 0, 0, 1795917900],
      ['not-a-batch', 0, -1, 1],
      [B, 5, -1, 1],
      [B, 0, -1, 'yesterday'],
      [B, 0, 3, 1],
      [B, 0, -1, 1, 'x', 1],
      [B, 0, -1, 1, '', 0, -5],
      'text'
    ]
    const json = JSON.stringify({ v: 1, commits: [COMMIT], runs: [open.runUrl, 'javascript:alert(1)'], records: rows })
    expect(readRecordsPart(ours(json))).toEqual({
      kind: 'unreadable',
      problem: [
        `a record's batch id "not-a-batch" is not valid`,
        `the record of ${B} has no valid commit`,
        `the record of ${B} has no valid time`,
        `the record of ${B} has no valid run link`,
        `the record of ${B} has an outcome that is not well formed`,
        `the record of ${B} has a failure time that is not well formed`,
        'a record is not a list'
      ].join('; '),
      records: [open]
    })
  })

  it.each([
    ['a path', '../../../user', `a record's batch id "../../../user" is not valid`],
    ['a ULID with a path after it', `${A}/../x`, `a record's batch id "${A}/../x" is not valid`],
    ['punctuation', `${A.slice(0, 25)}?`, `a record's batch id "${A.slice(0, 25)}?" is not valid`],
    ['a ULID in lower case', A.toLowerCase(), `a record's batch id "${A.toLowerCase()}" is not valid`],
    ['a number', 42, `a record's batch id 42 is not valid`]
  ])('refuses a batch id that is %s: ids go into request paths', (_what, batchId, problem) => {
    const json = JSON.stringify({
      v: 1,
      commits: [COMMIT],
      runs: [],
      records: [
        [batchId, 0, -1, 1],
        [B, 0, -1, 1]
      ]
    })
    expect(readRecordsPart(ours(json))).toEqual({
      kind: 'unreadable',
      problem,
      records: [{ batchId: B, commit: COMMIT, recordedAt: '1970-01-01T00:00:01Z' }]
    })
  })

  const MICROSECONDS = 1_795_917_900_000_000
  it.each([
    ['a time in microseconds', [B, 0, -1, MICROSECONDS], 'has no valid time'],
    ['a time in milliseconds', [B, 0, -1, 1_795_917_900_000], 'has no valid time'],
    ['a time after the year 9999', [B, 0, -1, 253_402_300_800], 'has no valid time'],
    ['a time as text', [B, 0, -1, '1795917900'], 'has no valid time'],
    ['an outcome time in microseconds', [B, 0, -1, 1, 'c', MICROSECONDS], 'has an outcome that is not well formed'],
    ['an outcome that is a number', [B, 0, -1, 1, 1, 1], 'has an outcome that is not well formed'],
    [
      'a failure time in microseconds',
      [B, 0, -1, 1, '', 0, MICROSECONDS],
      'has a failure time that is not well formed'
    ],
    ['a failure time that is null', [B, 0, -1, 1, '', 0, null], 'has a failure time that is not well formed'],
    ['a commit index as text', [B, '0', -1, 1], 'has no valid commit'],
    ['a commit index with a fraction', [B, 0.5, -1, 1], 'has no valid commit'],
    ['a run index as text', [B, 0, '0', 1], 'has no valid run link'],
    ['a run index below -1', [B, 0, -2, 1], 'has no valid run link']
  ])('reads the others, and never throws, when one record has %s', (_what, row, problem) => {
    const json = JSON.stringify({ v: 1, commits: [COMMIT], runs: [open.runUrl], records: [[A, 0, 0, 1795917900], row] })
    expect(readRecordsPart(ours(json))).toEqual({
      kind: 'unreadable',
      problem: `the record of ${B} ${problem}`,
      records: [open]
    })
  })

  it('reads the last second of the year 9999, the latest time the records keep', () => {
    const json = JSON.stringify({ v: 1, commits: [COMMIT], runs: [], records: [[B, 0, -1, 253_402_300_799]] })
    expect(readRecordsPart(ours(json))).toEqual({
      kind: 'readable',
      records: [{ batchId: B, commit: COMMIT, recordedAt: '9999-12-31T23:59:59Z' }]
    })
  })
})
