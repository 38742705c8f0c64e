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
      'status partial fails at strictness strict (1 of 3 jobs was skipped); strictness lenient or off accepts it'
    )
    expect(batchFailureReason(answered({ reply: notFoundReply(BATCH), notFound: true }), 'lenient')).toBe(
      'status unchanged fails at strictness lenient (the batch was not found: check the id, api-url (the base URL, ending in /api/v2) and that the token belongs to the team that started the render); strictness off accepts it'
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
        '2 of 3 batches did not pass:',
        `- Batch ${BATCH}: status partial fails at strictness strict (1 of 3 jobs was skipped); strictness lenient or off accepts it`,
        `- Batch ${OTHER}: HTTP 401`
      ].join('\n')
    )
  })

  it('says "would not pass" in a dry run, and never "failed", which reads as failed-batch-ids', () => {
    const message = stepFailureMessage([answered(), answered({ batchId: OTHER })], 'strict', DRY_RUN_WORDING)
    expect(message?.split('\n')[0]).toBe('2 of 2 batches would not pass:')
  })
})

describe('stepFailureMessage when the runner cancelled the run', () => {
  const notSent = {
    ...failed('the run was cancelled before it was sent', OTHER),
    interruption: 'not attempted' as const
  }

  it('says the run was cancelled and lists what was not done', () => {
    expect(
      stepFailureMessage([answered({ reply: reply({ status: 'cancelled' }) }), notSent], 'strict', undefined, 'SIGINT')
    ).toBe(
      [
        'The run was cancelled (SIGINT): 1 of 2 batches was not done.',
        `- Batch ${OTHER}: not attempted: the run was cancelled before it was sent`
      ].join('\n')
    )
  })

  it('fails the step even when every batch was done', () => {
    expect(
      stepFailureMessage([answered({ reply: reply({ status: 'cancelled' }) })], 'strict', undefined, 'SIGTERM')
    ).toBe('The run was cancelled (SIGTERM) after every batch was done.')
  })
})
