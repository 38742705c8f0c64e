import { describe, expect, it } from '@jest/globals'
import type { BatchRecord } from '../../src/records/records.js'
import { DRY_RUN_WORDING } from '../../src/report/wording.js'
import {
  pullRequestLogLines,
  pullRequestSection,
  type PullRequestReport
} from '../../src/report/pull-request-report.js'

const record = (batchId: string, extra: Partial<BatchRecord> = {}): BatchRecord => ({
  batchId,
  commit: '1'.repeat(40),
  recordedAt: '2026-11-29T00:00:00.000Z',
  ...extra
})
const done = record('DONE', { cancel: { status: 'cancelled', at: '2026-11-29T01:02:00.000Z' } })
const report = (extra: Partial<PullRequestReport> = {}): PullRequestReport => ({
  number: 7,
  commentUrl: 'https://github.com/a/b/pull/7#issuecomment-1',
  records: [record('OLD'), record('NEW'), done],
  toCancel: [record('OLD')],
  alreadyDone: [done],
  current: [record('NEW')],
  head: '2'.repeat(40),
  unreadable: [],
  ...extra
})

describe('pullRequestLogLines', () => {
  it('says what was recorded, what is done, what is left rendering and what is sent', () => {
    expect(pullRequestLogLines(report())).toEqual([
      'Pull request #7: 3 batches recorded in https://github.com/a/b/pull/7#issuecomment-1.',
      '  Already done, not sent again: DONE',
      '  Only superseded renders: the current head is 2222222; left rendering: NEW',
      '  To cancel: OLD'
    ])
  })

  it('says when nothing is recorded or left', () => {
    expect(
      pullRequestLogLines(report({ records: [], toCancel: [], alreadyDone: [], current: [], head: undefined }))
    ).toEqual(['Pull request #7: no batches recorded.', 'Pull request #7 has no batches left to cancel.'])
  })
})

describe('pullRequestSection', () => {
  it('lists the records and their fate, linking the comment', () => {
    expect(pullRequestSection(report())).toBe(
      [
        '### Pull request #7',
        [
          '- 3 batches recorded in [the records comment](https://github.com/a/b/pull/7#issuecomment-1).',
          '- `DONE`: already done (cancelled, 2026-11-29 01:02 UTC), not sent again.',
          '- Only superseded renders: the current head is `2222222`.',
          '- `NEW`: recorded for the current head, left rendering.',
          '- Sent now: `OLD`.'
        ].join('\n')
      ].join('\n\n')
    )
  })

  it('says a dry run read the batches it would cancel, and sent nothing', () => {
    expect(pullRequestSection(report(), DRY_RUN_WORDING)).toContain('- Read, and not cancelled (a dry run): `OLD`.')
    expect(pullRequestSection(report(), DRY_RUN_WORDING)).not.toContain('Sent now')
  })

  it('counts a single record as one batch', () => {
    const one = report({ records: [record('OLD')], alreadyDone: [], current: [], head: undefined })
    expect(pullRequestSection(one)).toContain('- 1 batch recorded in [the records comment]')
    expect(pullRequestLogLines(one)[0]).toBe(
      'Pull request #7: 1 batch recorded in https://github.com/a/b/pull/7#issuecomment-1.'
    )
  })

  it('shows a lookup failure, with the permissions block as YAML', () => {
    const lookupFailure = 'Could not read: HTTP 403: [x](https://evil.example)\n\npermissions:\n  pull-requests: write'
    expect(pullRequestSection(report({ lookupFailure }))).toBe(
      [
        '### Pull request #7',
        '> ❌ Could not read: HTTP 403: \\[x\\](https\\://evil.example)',
        '```yaml\npermissions:\n  pull-requests: write\n```'
      ].join('\n\n')
    )
  })

  it('warns when the comment could not be updated', () => {
    expect(pullRequestSection(report({ updateFailure: 'HTTP 403' }))).toContain(
      '> ⚠️ The cancels happened, but the comment was not updated: HTTP 403'
    )
  })
})
