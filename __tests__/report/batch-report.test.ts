import { describe, expect, it } from '@jest/globals'
import { replyFacts, skipReason } from '../../src/nexrender/reply-facts.js'
import { batchLogLine, batchWarnings } from '../../src/report/batch-report.js'
import { notFoundReply } from '../../src/nexrender/batch-result.js'
import { DRY_RUN_WORDING } from '../../src/report/wording.js'
import { answered, BATCH, failed, reply } from '../support/replies.js'

describe('replyFacts', () => {
  it('counts distinct cancelled jobs and the cascaded relatives among them', () => {
    const facts = replyFacts(reply({ cancelledJobs: [...reply().cancelledJobs, { id: 'C1' }] }))
    expect(facts.cancelledJobIds).toEqual(['J1', 'C1', 'J2'])
    expect(facts.cascadedRelatives).toBe(1)
    expect(facts.skippedJobs.map((job) => job.id)).toEqual(['J3'])
    expect(facts.commonSkipReason).toEqual({ reasons: ['already rendering'], count: 1 })
    expect(facts.countsDisagree).toBe(false)
  })

  it('finds the most common skip reason', () => {
    const jobs = [
      { id: 'a', result: 'skipped', reason: 'already finished' },
      { id: 'b', result: 'skipped', reason: 'already rendering' },
      { id: 'c', result: 'skipped', reason: 'already finished' }
    ]
    expect(replyFacts(reply({ jobs })).commonSkipReason).toEqual({ reasons: ['already finished'], count: 2 })
  })

  it('notices counts that do not add up', () => {
    expect(replyFacts(reply({ totalJobs: 5 })).countsDisagree).toBe(true)
  })
})

describe('skipReason', () => {
  it.each([
    [{ id: 'a', reason: ' already rendering ', status: 'render:dorender' }, 'already rendering'],
    [{ id: 'a', status: 'finished', result: 'skipped' }, 'finished'],
    [{ id: 'a', result: 'deferred' }, 'deferred'],
    [{ id: 'a', reason: '' }, 'no reason given']
  ])('%j: %s', (job, reason) => expect(skipReason(job)).toBe(reason))
})

describe('batchLogLine', () => {
  it('gives id, status and counts', () => {
    expect(batchLogLine(answered())).toBe(
      `${BATCH}: partial: 3 jobs, 2 cancelled, 1 skipped, 1 cascaded relative cancelled`
    )
  })
  it('marks a batch that was not found', () => {
    expect(batchLogLine(answered({ reply: notFoundReply(BATCH), notFound: true }))).toContain(
      'unchanged (batch not found): 0 jobs'
    )
  })
  it('speaks of a prediction in a dry run, with the jobs rendering now', () => {
    expect(batchLogLine(answered(), DRY_RUN_WORDING)).toBe(
      `${BATCH}: would be partial: 3 jobs, 2 would be cancelled, 1 would be skipped, 1 rendering now (will finish)`
    )
  })
  it('gives the problem of a failed batch', () => {
    expect(batchLogLine(failed('HTTP 401 Unauthorized'))).toBe(`${BATCH}: failed: HTTP 401 Unauthorized`)
  })
})

describe('batchWarnings', () => {
  it('warns about skipped jobs with their number and reason, and says plainly what keeps rendering', () => {
    expect(batchWarnings(answered())).toEqual([
      `Batch ${BATCH}: 1 of 3 jobs was skipped; reason: already rendering`,
      `Batch ${BATCH}: 1 job was already rendering: the API cannot stop it; it will finish.`
    ])
  })

  it.each([
    [['already finished', 'already finished', 'already rendering'], '; most common reason: already finished (2)'],
    [
      ['already finished', 'already rendering'],
      '; most common reasons, tied: already finished, already rendering (1 each)'
    ],
    [['a', 'b', 'c', 'd'], '']
  ])('names the most common of %j, a tie of two or three, or leaves it out', (reasons, common) => {
    const jobs = reasons.map((reason, index) => ({
      index,
      id: `S${index}`,
      result: 'skipped',
      status: 'finished',
      reason
    }))
    const batch = answered({
      reply: reply({
        jobs,
        cancelledJobs: [],
        totalJobs: reasons.length,
        cancelledCount: 0,
        skippedCount: reasons.length
      })
    })
    expect(batchWarnings(batch)[0]).toBe(
      `Batch ${BATCH}: ${reasons.length} of ${reasons.length} jobs were skipped${common}`
    )
  })

  it('says "would be skipped" in a dry run', () => {
    expect(batchWarnings(answered(), DRY_RUN_WORDING)).toEqual([
      `Batch ${BATCH}: 1 of 3 jobs would be skipped; reason: already rendering`,
      `Batch ${BATCH}: 1 job is rendering now: the API cannot stop it; it will finish.`
    ])
  })

  it('has nothing to say about a clean cancel', () => {
    const clean = reply({
      status: 'cancelled',
      totalJobs: 2,
      cancelledCount: 2,
      skippedCount: 0,
      jobs: reply().jobs.slice(0, 2)
    })
    expect(batchWarnings(answered({ reply: clean, earlierAttemptMayHaveActed: true }))).toEqual([])
  })

  it('warns about a batch that was not found', () => {
    expect(batchWarnings(answered({ reply: notFoundReply(BATCH), notFound: true }))).toEqual([
      `Batch ${BATCH} was not found (HTTP 404): reported as unchanged with zero jobs. Check the id, api-url (the base URL, ending in /api/v2) and that the token belongs to the team that started the render.`
    ])
  })

  it('warns when the counts do not add up, and carries on', () => {
    expect(batchWarnings(answered({ reply: reply({ totalJobs: 4 }) }))).toContain(
      `Batch ${BATCH}: the API's counts do not add up: cancelled 2 + skipped 1 is not total 4`
    )
  })

  it('warns that a retried attempt may already have cancelled the skipped jobs', () => {
    expect(batchWarnings(answered({ earlierAttemptMayHaveActed: true })).at(-1)).toContain('may already have cancelled')
  })
})
