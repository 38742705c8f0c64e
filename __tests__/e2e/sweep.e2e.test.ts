import { describe, expect, it } from '@jest/globals'
import { errorMessage, warnings } from '../../local-runner/run-action.js'
import { readRecordsPart } from '../../src/records/records-format.js'
import { commentBodies } from '../../simulator/github/records-bodies.js'
import type { BatchRecord } from '../../src/records/records.js'
import { HEAD, OLD_HEAD, gitHubForEachTest } from '../support/github-fixture.js'

const fixture = gitHubForEachTest()

const BOT = 'github-actions[bot]'
const nightly = { event: { name: 'schedule', payload: {} } }
const DAY = 86_400_000
const record = (batchId: string, commit = HEAD, extra: Partial<BatchRecord> = {}): BatchRecord => ({
  batchId,
  commit,
  recordedAt: '2026-11-20T09:00:00Z',
  ...extra
})
const done = (batchId: string) => record(batchId, HEAD, { cancel: { status: 'cancelled', at: '2026-11-21T09:00:00Z' } })
/** A pull request with our records comment on it, last updated `daysAgo` days ago. */
function pullRequest(
  number: number,
  state: { state?: 'open' | 'closed'; merged?: boolean; locked?: boolean },
  records: BatchRecord[],
  daysAgo = 1
) {
  fixture.github.pullRequests.set(number, { head: HEAD, ...state })
  for (const body of commentBodies(records))
    fixture.github.addComment(number, BOT, body, undefined, Date.now() - daysAgo * DAY)
}
const cancelsSent = () =>
  fixture.simulator.requests.filter((request) => request.method === 'POST').map((request) => request.path.split('/')[4])
const githubWrites = () =>
  fixture.github.requests.filter((request) => request.method !== 'GET' && request.path !== '/graphql')
const stateOf = (number: number, batchId: string) =>
  fixture.github
    .commentsOn(number)
    .flatMap((comment) => readRecordsPart(comment.body).records)
    .find((item) => item.batchId === batchId)

describe('sweep: closed', () => {
  it('cancels the open batches of closed pull requests, and only those, writing the outcomes back', async () => {
    const { complete, partial, unchanged, otherTeam } = fixture.batches
    pullRequest(11, { state: 'closed' }, [record(complete)])
    pullRequest(12, { state: 'closed', merged: true }, [done(partial), record(unchanged)])
    pullRequest(13, { state: 'open' }, [record(otherTeam)])
    pullRequest(14, { state: 'closed' }, [record('01KDVE00000000000000000014')], 40)
    pullRequest(15, { state: 'closed', merged: true }, [done('01KDVE00000000000000000015')])
    fixture.github.addComment(16, 'mallory', commentBodies([record(otherTeam)])[0] ?? '')
    fixture.github.pullRequests.set(16, { head: HEAD, state: 'closed' })
    const run = await fixture.cancel({ sweep: 'closed', strictness: 'off' }, nightly)

    expect(run.exitCode).toBe(0)
    expect(cancelsSent()).toEqual([complete, unchanged])
    expect(stateOf(11, complete)?.cancel?.status).toBe('cancelled')
    expect(stateOf(12, unchanged)?.cancel?.status).toBe('unchanged')
    expect(stateOf(13, otherTeam)?.cancel).toBeUndefined()
    expect(stateOf(14, '01KDVE00000000000000000014')?.cancel).toBeUndefined()
    expect(run.outputs).toMatchObject({
      'pull-requests': '[11,12]',
      'batch-id': `${complete},${unchanged}`,
      status: 'partial'
    })
    // The headline is the title of a log group that holds a line for each pull request.
    expect(run.stdout).toMatch(
      /::group::Sweep of closed pull requests: 4 pull requests with records updated since .*\n {2}#11 \(closed\): to cancel \w+\n {2}#12 \(merged\): to cancel \w+\n::endgroup::/
    )
    expect(run.stdout).toMatch(
      /The sweep made \d+ GitHub requests of its budget of 200; it left 0 pull requests for the next run\./
    )
    expect(run.outputs['pull-requests-left']).toBe('0')
    expect(run.summary).toContain('## Nexrender sweep of closed pull requests: ✅ passes: partial')
    expect(run.summary).toContain('### [Pull request #11](https://github.com/acme/renders/pull/11) (closed)')
    expect(run.summary).toContain('### [Pull request #12](https://github.com/acme/renders/pull/12) (merged)')
    expect(run.summary).toContain('2 pull requests listed below, 2 with nothing to cancel.')
    expect(run.summary).not.toContain('#15')
  })

  it('looks as far back as sweep-days says', async () => {
    pullRequest(14, { state: 'closed' }, [record(fixture.batches.complete)], 40)
    const run = await fixture.cancel({ sweep: 'closed', 'sweep-days': '60', strictness: 'off' }, nightly)
    expect(run.exitCode).toBe(0)
    expect(cancelsSent()).toEqual([fixture.batches.complete])
  })

  it('in a dry run only reads: no cancel and no write to GitHub of any kind, the batches named by pull request', async () => {
    pullRequest(11, { state: 'closed' }, [record(fixture.batches.complete)])
    const run = await fixture.cancel({ sweep: 'closed', 'dry-run': 'true' }, nightly)

    expect(run.exitCode).toBe(0)
    expect(cancelsSent()).toEqual([])
    expect(githubWrites()).toEqual([])
    expect(run.outputs).toMatchObject({ 'pull-requests': '[11]', 'dry-run': 'true' })
    expect(run.summary).toContain('### [Pull request #11](https://github.com/acme/renders/pull/11) (closed)')
    expect(run.summary).toContain(`| \`${fixture.batches.complete}\` | \`${HEAD.slice(0, 7)}\` | would be cancelled |`)
  })

  it('reports a problem on one pull request for it, goes on with the rest, and fails at the end', async () => {
    const { complete, partial } = fixture.batches
    pullRequest(11, { state: 'closed', locked: true }, [record(complete)])
    fixture.github.addComment(
      12,
      BOT,
      (commentBodies([record(partial)])[0] ?? '').replace('"records":[[', '"records":[["TYPO",0,-1,1],[')
    )
    fixture.github.pullRequests.set(12, { head: HEAD, state: 'closed' })
    pullRequest(13, { state: 'closed' }, [record(fixture.batches.unchanged)])
    const run = await fixture.cancel({ sweep: 'closed', strictness: 'off' }, nightly)

    expect(run.exitCode).toBe(1)
    // What could be read of the broken comment is cancelled too.
    expect(cancelsSent()).toEqual([complete, partial, fixture.batches.unchanged])
    expect(stateOf(13, fixture.batches.unchanged)?.cancel?.status).toBe('unchanged')
    const message = errorMessage(run)
    expect(message).toContain(
      'Pull request #11: The cancels happened, but the outcomes could not be written into the comment of pull request #11: HTTP 403'
    )
    expect(message).toContain('is locked')
    expect(message).toContain('Pull request #12 has 1 records comment this step cannot read in full')
    expect(run.summary).toContain(
      "## Nexrender sweep of closed pull requests: ❌ fails: some pull requests' records could not be read or written"
    )
  })

  it('sweeps the pull requests GitHub answered, and names those it could not resolve, without failing', async () => {
    const { complete, partial, unchanged } = fixture.batches
    pullRequest(11, { state: 'closed' }, [record(complete)])
    // #12 was hidden as spam: its comments are still listed, but GraphQL answers null with NOT_FOUND.
    for (const body of commentBodies([record(partial)])) fixture.github.addComment(12, BOT, body)
    // #13 is an issue, not a pull request: nothing to sweep there, and nothing to report.
    fixture.github.issues.add(13)
    for (const body of commentBodies([record(unchanged)])) fixture.github.addComment(13, BOT, body)
    const run = await fixture.cancel({ sweep: 'closed', strictness: 'off' }, nightly)

    expect(run.exitCode).toBe(0)
    expect(cancelsSent()).toEqual([complete])
    expect(stateOf(11, complete)?.cancel?.status).toBe('cancelled')
    expect(stateOf(12, partial)?.cancel).toBeUndefined()
    expect(warnings(run)).toEqual([
      "GitHub could not resolve pull request #12 (NOT_FOUND: hidden as spam, or removed by GitHub's support), so its records comments were not swept. Cancel what they still render with batch-id; the sweep stops looking at them once their comments are older than sweep-days."
    ])
    expect(run.stdout).toContain('; 1 with nothing to cancel, 1 GitHub could not resolve (#12).')
    expect(run.summary).toContain('> ⚠️ GitHub could not resolve pull request #12')
    expect(run.outputs['pull-requests']).toBe('[11]')
  })

  it('keeps a batch whose cancel failed open, so that the next sweep tries it again', async () => {
    const { complete } = fixture.batches
    pullRequest(11, { state: 'closed' }, [record(complete)])
    fixture.simulator.faults.set(complete, { serverError: { times: 1, status: 500 } })
    const failed = await fixture.cancel({ sweep: 'closed', 'max-retries': '0' }, nightly)
    expect(failed.exitCode).toBe(1)
    expect(stateOf(11, complete)).toMatchObject({ failedAt: expect.any(String) })

    const next = await fixture.cancel({ sweep: 'closed' }, nightly)
    expect(next.exitCode).toBe(0)
    expect(cancelsSent()).toEqual([complete, complete])
    expect(stateOf(11, complete)?.cancel?.status).toBe('cancelled')
  })
})

describe('sweep: superseded', () => {
  it('also cancels, on open pull requests, the renders of commits other than the live head', async () => {
    const { complete, partial } = fixture.batches
    pullRequest(13, { state: 'open' }, [record(complete, OLD_HEAD), record(partial, HEAD)])
    const run = await fixture.cancel({ sweep: 'superseded', strictness: 'off' }, nightly)

    expect(run.exitCode).toBe(0)
    expect(cancelsSent()).toEqual([complete])
    expect(stateOf(13, partial)?.cancel).toBeUndefined()
    expect(run.summary).toContain(`Left rendering, recorded for its head \`${HEAD.slice(0, 7)}\`: \`${partial}\``)
  })
})

describe('sweep: within its budget', () => {
  it('takes the oldest leftovers first, says how many it left, and the next run continues with them', async () => {
    // Eight closed pull requests, #28 the oldest leftover and #21 the newest.
    const ids = Array.from({ length: 8 }, (_, index) => `01KDVE0000000000000000002${index + 1}`)
    ids.forEach((batchId, index) => pullRequest(21 + index, { state: 'closed' }, [record(batchId)], 2 + index))
    const sweep = { sweep: 'closed', strictness: 'off', 'sweep-budget': '20' }

    // 3 requests find them; each write-back takes 4: four fit in 20.
    const first = await fixture.cancel(sweep, nightly)
    expect(first.outputs).toMatchObject({ 'pull-requests': '[25,26,27,28]', 'pull-requests-left': '4' })
    expect(first.stdout).toContain(
      'The sweep stopped before its budget of 20 GitHub requests ran out (sweep-budget) and left 4 pull requests for the next run, which takes them first.'
    )
    expect(first.summary).toContain('left 4 pull requests for the next run')
    expect(fixture.github.requests.length).toBeLessThanOrEqual(20)

    // The batches are unknown to Nexrender: their failures are written back, and those records stay
    // open; the next run takes the four it left first all the same.
    const second = await fixture.cancel(sweep, nightly)
    expect(second.outputs['pull-requests']).toBe('[21,22,23,24]')
    expect(fixture.github.secondaryLimitsTripped).toEqual([])
  })

  it('refuses a budget out of its range before any request', async () => {
    const run = await fixture.cancel({ sweep: 'closed', 'sweep-budget': '10' }, nightly)
    expect(run.exitCode).toBe(1)
    expect(errorMessage(run)).toBe(
      "Input 'sweep-budget' must be a whole number of GitHub requests from 20 to 5000; got '10'"
    )
    expect(fixture.github.requests).toEqual([])
  })
})
