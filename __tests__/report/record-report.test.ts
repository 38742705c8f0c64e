import { describe, expect, it } from '@jest/globals'
import type { BatchRecord } from '../../src/records/records.js'
import { recordOutputs } from '../../src/report/record-outputs.js'
import { recordFailureSummary, recordSummary } from '../../src/report/record-summary.js'

const record = (batchId: string, extra: Partial<BatchRecord> = {}): BatchRecord => ({
  batchId,
  commit: '1'.repeat(40),
  recordedAt: '2026-11-29T00:00:00.000Z',
  ...extra
})
const stored = {
  records: [record('A', { cancel: { status: 'cancelled', at: '2026-11-29T01:00:00.000Z' } }), record('B')],
  commentUrl: 'https://github.com/a/b/pull/7#issuecomment-9',
  unreadable: []
}

describe('the record step report', () => {
  it('outputs the comment address and every batch recorded', () => {
    expect(recordOutputs(stored)).toEqual({ 'comment-url': stored.commentUrl, 'recorded-batch-ids': '["A","B"]' })
    expect(recordOutputs({ records: [], unreadable: [] })).toEqual({ 'comment-url': '', 'recorded-batch-ids': '[]' })
  })

  it('sums up what was recorded and where', () => {
    expect(recordSummary({ batchIds: ['B'], pullRequest: 7, commit: '1'.repeat(40) }, stored)).toBe(
      [
        '## Nexrender batches recorded on pull request #7',
        'Recorded `B` for commit `1111111`.',
        'The pull request has 2 batches recorded, 1 still open: see [its records comment](https://github.com/a/b/pull/7#issuecomment-9). A cancel step with `pull-request` cancels the open ones.'
      ].join('\n\n')
    )
  })

  it.each([
    { batchIds: ['B'], them: 'it' },
    { batchIds: ['B', 'C'], them: 'them' }
  ])(
    'says, when GitHub failed before the records were written, that $batchIds may not be recorded',
    ({ batchIds, them }) => {
      expect(
        recordFailureSummary({ batchIds, pullRequest: 7 }, 'Writing the records comment: HTTP 502 | gateway')
      ).toBe(
        [
          '## Nexrender batches recorded on pull request #7: ❌ fails',
          '> Writing the records comment: HTTP 502 \\| gateway',
          `${batchIds.map((id) => `\`${id}\``).join(', ')} may not be recorded, so the cleanups may not find ${them}. ` +
            "The job's guard, if it has one, cancels them now that this step failed; otherwise re-run the job, or cancel them by hand."
        ].join('\n\n')
      )
    }
  )
})
