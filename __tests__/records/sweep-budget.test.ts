/**
 * The sweep of 120 closed pull requests with leftovers, run after run against the fake GitHub (which
 * enforces GitHub's secondary limits) through the real client, on a fake clock shared by the client and
 * the fake's limits: each run keeps to its budget, none gets a secondary-limit answer, and nothing is
 * lost — every leftover is cancelled and written back, over as many runs as the budget needs.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { findSweepBatches, sweepReport, writeSweepOutcomes, type SweepConfig } from '../../src/cancel/leftover-sweep.js'
import { createHttpTransport } from '../../src/http/http-transport.js'
import { redactor } from '../../src/helpers/redact.js'
import { DEFAULT_RETRY_POLICY } from '../../src/http/retry-policy.js'
import { readRecordsPart } from '../../src/records/records-format.js'
import { commentBodies } from '../../simulator/github/records-bodies.js'
import { startFakeGitHub, type RunningFakeGitHub } from '../../simulator/github/server.js'
import { ulidFactory } from '../../simulator/ulid.js'
import { answered, reply } from '../support/replies.js'

const TOKEN = 'ghs_sweep_budget_token'
const BOT = 'github-actions[bot]'
const PULL_REQUESTS = 120
const HOUR = 3_600_000

let github: RunningFakeGitHub | undefined
afterEach(() => github?.close())

/** The sweep's settings for the fake GitHub at `apiUrl`, on a fake clock where every wait passes at once. */
function sweepConfig(
  apiUrl: string,
  clock: { time: number },
  given: Pick<SweepConfig, 'requestBudget'> & Partial<SweepConfig>
): SweepConfig {
  return {
    transport: createHttpTransport('sweep-budget-test', redactor(TOKEN)),
    token: TOKEN,
    apiUrl,
    repository: 'acme/renders',
    timeoutMs: 30_000,
    warn: () => undefined,
    mode: 'closed',
    days: 30,
    serverUrl: 'https://github.com',
    policy: DEFAULT_RETRY_POLICY,
    // Every wait, the second between writes among them, passes at once on the fake clock.
    sleep: async (ms) => void (clock.time += ms),
    random: () => 0.5,
    now: () => clock.time,
    log: () => undefined,
    debug: () => undefined,
    ...given
  }
}

describe('the sweep within its budget', () => {
  it('sweeps 120 closed pull requests over several runs, without one secondary-limit answer, losing nothing', async () => {
    const clock = { time: Date.now() }
    github = await startFakeGitHub({
      tokens: { [TOKEN]: { login: BOT, kind: 'app' } },
      now: () => clock.time
    })
    const nextId = ulidFactory(7)
    const recordedAt = new Date(clock.time - 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z')
    const batchIds: string[] = []
    for (let index = 0; index < PULL_REQUESTS; index++) {
      const number = 100 + index
      const batchId = nextId()
      batchIds.push(batchId)
      github.pullRequests.set(number, { head: 'a'.repeat(40), state: 'closed' })
      // Older leftovers on higher numbers: the sweep takes them first whatever their number.
      const updatedAt = clock.time - 86_400_000 - (PULL_REQUESTS - index) * 1000 * (index % 2 === 0 ? 1 : 2)
      const body = commentBodies([{ batchId, commit: 'a'.repeat(40), recordedAt }])[0] ?? ''
      github.addComment(number, BOT, body, undefined, updatedAt)
      github.addComment(number, 'reviewer', `Review ${index}`, undefined, updatedAt)
    }
    const config = sweepConfig(github.apiUrl, clock, { requestBudget: 200 })
    const runs: Array<{ requests: number; swept: number; left: number }> = []
    for (let run = 1; run <= 10; run++) {
      const found = await findSweepBatches(config, () => undefined)
      const results = found.batchIds.map((batchId) =>
        answered({ batchId, reply: reply({ batchId, status: 'cancelled' }) })
      )
      const report = sweepReport(await writeSweepOutcomes(found, results, new Date(clock.time)))
      expect(report.listingFailure).toBeUndefined()
      expect(report.swept.filter((pull) => pull.failure)).toEqual([])
      expect(report.githubRequests).toBeLessThanOrEqual(200)
      runs.push({ requests: report.githubRequests, swept: report.swept.length, left: report.left })
      if (report.left === 0) break
      // The next run comes an hour later at the soonest.
      clock.time += HOUR
    }

    expect(github.secondaryLimitsTripped).toEqual([])
    // 48 a run within 200 requests; each run says how many are left.
    expect(runs).toEqual([
      { requests: expect.any(Number), swept: 48, left: 72 },
      { requests: expect.any(Number), swept: 48, left: 24 },
      { requests: expect.any(Number), swept: 24, left: 0 }
    ])
    expect(runs.reduce((sum, run) => sum + run.swept, 0)).toBe(PULL_REQUESTS)
    // Every leftover cancelled, and its outcome written back: nothing lost, nothing swept twice.
    const cancelled = github.comments
      .filter((comment) => comment.author === BOT)
      .flatMap((comment) => readRecordsPart(comment.body).records)
      .filter((record) => record.cancel?.status === 'cancelled')
      .map((record) => record.batchId)
    expect(cancelled.sort()).toEqual([...batchIds].sort())
    expect(github.reactions).toEqual([])
  })

  it('warns when finding the records alone takes the budget, and sweeps nothing rather than overrun it', async () => {
    const clock = { time: Date.now() }
    github = await startFakeGitHub({ tokens: { [TOKEN]: { login: BOT, kind: 'app' } }, now: () => clock.time })
    github.pullRequests.set(100, { head: 'a'.repeat(40), state: 'closed' })
    const record = { batchId: ulidFactory(8)(), commit: 'a'.repeat(40), recordedAt: '2026-11-20T09:00:00Z' }
    github.addComment(100, BOT, commentBodies([record])[0] ?? '', undefined, clock.time - 86_400_000)
    // 2,500 other comments: 25 pages to list, more than a budget of 20.
    for (let index = 0; index < 2500; index++) github.addComment(101, 'reviewer', `Comment ${index}`)
    const warnings: string[] = []
    const found = await findSweepBatches(
      sweepConfig(github.apiUrl, clock, { requestBudget: 20, warn: (message) => warnings.push(message) }),
      () => undefined
    )

    expect(found.pulls).toEqual([])
    expect(sweepReport(found).left).toBe(1)
    expect(warnings).toEqual([
      expect.stringMatching(/no pull request could be swept\. Raise sweep-budget, or lower sweep-days/)
    ])
  })
})
