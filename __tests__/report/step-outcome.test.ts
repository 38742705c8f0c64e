import { describe, expect, it } from '@jest/globals'
import { notFoundReply } from '../../src/nexrender/batch-result.js'
import { batchFailureReason, stepFailureMessage } from '../../src/report/step-outcome.js'
import { DRY_RUN_WORDING } from '../../src/report/wording.js'
import { answered, BATCH, failed, reply } from '../support/replies.js'

const OTHER = '01KDVDNA07TXH63FZT7APV6KX1'

describe('batchFailureReason', () => {
  it('passes what the verdict table passes', () => {
    expect(batchFailureReason(answered(), 'lenient')).toBeUndefined()
  })
  it('explains a verdict failure and which strictness would accept it', () => {
    expect(batchFailureReason(answered(), 'strict')).toBe(
      'status partial fails at strictness strict (1 of 3 jobs were skipped); strictness lenient or off accepts it'
    )
    expect(batchFailureReason(answered({ reply: notFoundReply(BATCH), notFound: true }), 'lenient')).toBe(
      'status unchanged fails at strictness lenient (the batch was not found); strictness off accepts it'
    )
  })
  it('speaks of the predicted status in a dry run', () => {
    expect(batchFailureReason(answered(), 'strict', DRY_RUN_WORDING)).toBe(
      'predicted status partial would fail at strictness strict (1 of 3 jobs would be skipped); strictness lenient or off accepts it'
    )
  })
  it('fails a failed batch at every strictness, even off', () => {
    expect(batchFailureReason(failed('HTTP 401'), 'off')).toBe('HTTP 401')
  })
})

describe('stepFailureMessage', () => {
  it('is undefined when every batch passes', () => {
    expect(stepFailureMessage([answered(), answered({ batchId: OTHER })], 'off')).toBeUndefined()
  })

  it('is one line for one batch', () => {
    expect(stepFailureMessage([failed('HTTP 403 Forbidden')], 'off')).toBe(`Batch ${BATCH}: HTTP 403 Forbidden`)
  })

  it('names every failed batch and why, with several', () => {
    const cancelled = answered({ batchId: OTHER, reply: reply({ status: 'cancelled' }) })
    expect(stepFailureMessage([answered(), cancelled, failed('HTTP 401', OTHER)], 'strict')).toBe(
      [
        '2 of 3 batches failed:',
        `- Batch ${BATCH}: status partial fails at strictness strict (1 of 3 jobs were skipped); strictness lenient or off accepts it`,
        `- Batch ${OTHER}: HTTP 401`
      ].join('\n')
    )
  })
})
