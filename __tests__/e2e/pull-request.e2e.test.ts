import { describe, expect, it } from '@jest/globals'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { errorMessage, runAction, warnings } from '../../local-runner/run-action.js'
import { SHORT_WAITS } from '../support/short-waits-env.js'
import { TEST_TOKEN } from '../support/simulator-fixture.js'
import { readRecordsPart } from '../../src/records/records-format.js'
import {
  GITHUB_TOKEN,
  HEAD,
  OLD_HEAD,
  PULL_REQUEST,
  READ_ONLY_TOKEN,
  pullRequestEvent,
  gitHubForEachTest
} from '../support/github-fixture.js'

const fixture = gitHubForEachTest()

const PR = { 'pull-request': String(PULL_REQUEST) }

const stateOf = (batchId: string) =>
  readRecordsPart(fixture.botComments()[0] ?? '').records.find((record) => record.batchId === batchId)
const cancelsSent = () =>
  fixture.simulator.requests.filter((request) => request.method === 'POST').map((request) => request.path.split('/')[4])
/** Every request that may change something on GitHub (GraphQL's queries only read). */
const githubWrites = () =>
  fixture.github.requests.filter((request) => request.method !== 'GET' && request.path !== '/graphql')

describe('cancelling the batches recorded on a pull request', () => {
  it('cancels every open record, and writes each outcome into the comment', async () => {
    const { complete, partial } = fixture.batches
    await fixture.record({ 'batch-id': complete }, OLD_HEAD)
    await fixture.record({ 'batch-id': partial }, HEAD)
    const run = await fixture.cancel({ ...PR, strictness: 'lenient' }, { event: pullRequestEvent(HEAD, 'closed') })

    expect(run.exitCode).toBe(0)
    expect(cancelsSent()).toEqual([complete, partial])
    expect(run.outputs).toMatchObject({ status: 'partial', 'batch-id': `${complete},${partial}`, 'total-jobs': '6' })
    expect(stateOf(complete)?.cancel).toEqual({ status: 'cancelled', at: expect.any(String) })
    expect(stateOf(partial)?.cancel).toEqual({ status: 'partial', at: expect.any(String) })
    expect(fixture.botComments()[0]).toMatch(/\| cancelled, \d{4}-\d\d-\d\d \d\d:\d\d UTC \|/)
    expect(run.stdout).toContain(
      `Pull request #${PULL_REQUEST}: 2 batches recorded in https://github.com/acme/renders/pull/${PULL_REQUEST}#issuecomment-`
    )
    expect(run.summary).toContain(`### Pull request #${PULL_REQUEST}`)
    expect(run.summary).toContain(`- Sent now: \`${complete}\`, \`${partial}\`.`)
  })

  it('never sends a done batch again: a cleanup after a superseding cancel passes strict', async () => {
    const { complete, partial } = fixture.batches
    await fixture.record({ 'batch-id': complete }, OLD_HEAD)
    await fixture.record({ 'batch-id': partial }, HEAD)
    const superseding = await fixture.cancel({ ...PR, 'only-superseded': 'true' }, { event: pullRequestEvent(HEAD) })
    const cleanup = await fixture.cancel({ ...PR, 'batch-id': '' }, { event: pullRequestEvent(HEAD, 'closed') })

    expect(superseding.exitCode).toBe(0)
    expect(superseding.stdout).toContain(
      `Only superseded renders: the current head is ${HEAD.slice(0, 7)}; left rendering: ${partial}`
    )
    expect(cleanup.exitCode).toBe(1) // the partial batch fails strict, but the done one is not sent again
    expect(cancelsSent()).toEqual([complete, partial])
    expect(cleanup.stdout).toContain(`Already done, not sent again: ${complete}`)
    expect(errorMessage(cleanup)).toBe(
      `Batch ${partial}: status partial fails at strictness strict (2 of 4 jobs were skipped); strictness lenient or off accepts it`
    )
  })

  it('with only-superseded asks GitHub for the head when the event is not about the pull request', async () => {
    const { complete, partial } = fixture.batches
    await fixture.record({ 'batch-id': complete }, OLD_HEAD)
    await fixture.record({ 'batch-id': partial }, HEAD)
    const run = await fixture.cancel({ ...PR, 'only-superseded': 'true' })

    expect(run.exitCode).toBe(0)
    expect(cancelsSent()).toEqual([complete])
    expect(
      fixture.github.requests.some((request) => request.path === `/repos/acme/renders/pulls/${PULL_REQUEST}`)
    ).toBe(true)
  })

  it('passes with nothing to cancel, and says so in the log, the summary and the outputs', async () => {
    const run = await fixture.cancel(PR)

    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain(`Pull request #${PULL_REQUEST}: no batches recorded.`)
    expect(run.stdout).toContain(`Pull request #${PULL_REQUEST} has no batches left to cancel.`)
    expect(run.summary).toContain('## Nexrender batch cancel: ✅ passes: nothing left to cancel')
    expect(run.outputs).toMatchObject({
      status: '',
      'batch-id': '',
      'total-jobs': '0',
      'cancelled-jobs-count': '0',
      'cancelled-job-ids': '[]'
    })
    expect(cancelsSent()).toEqual([])
    expect(githubWrites()).toEqual([])
  })

  it("never trusts a stranger's copy of the marker: its batches are not cancelled", async () => {
    const { complete, otherTeam } = fixture.batches
    await fixture.record({ 'batch-id': complete })
    const forged = (fixture.botComments()[0] ?? '').replace(complete, otherTeam)
    fixture.github.addComment(PULL_REQUEST, 'mallory', forged)
    const run = await fixture.cancel(PR)

    expect(cancelsSent()).toEqual([complete])
    expect(warnings(run).join('\n')).toMatch(
      /Ignored a comment by mallory on pull request #7 that looks like this action's record of batches/
    )
    expect(run.exitCode).toBe(0)
  })

  it('finds its comment past the first page of comments', async () => {
    for (let index = 0; index < 130; index++) fixture.github.addComment(PULL_REQUEST, 'reviewer', `comment ${index}`)
    await fixture.record({ 'batch-id': fixture.batches.complete })
    const run = await fixture.cancel(PR)

    expect(run.exitCode).toBe(0)
    expect(cancelsSent()).toEqual([fixture.batches.complete])
    expect(fixture.github.requests.some((request) => request.path.includes('page=2'))).toBe(true)
  })

  it('still cancels the batches given by id when the records cannot be read, and fails naming the lookup', async () => {
    fixture.github.faults.comments = { status: 403, message: 'Resource not accessible by integration' }
    const run = await fixture.cancel({ ...PR, 'batch-id': fixture.batches.complete })

    expect(cancelsSent()).toEqual([fixture.batches.complete])
    expect(run.outputs).toMatchObject({ status: 'cancelled' })
    expect(run.exitCode).toBe(1)
    const message = errorMessage(run)
    expect(message).toContain(
      `Could not read the batches recorded on pull request #${PULL_REQUEST}: Reading the comments of pull request #${PULL_REQUEST}: HTTP 403: Resource not accessible by integration.`
    )
    expect(message).toContain('permissions:\n  pull-requests: write')
    expect(run.summary).toContain("## Nexrender batch cancel: ❌ fails: the pull request's batches could not be read")
    expect(run.summary).toContain('```yaml\npermissions:\n  pull-requests: write\n```')
  })

  it('never follows a page link to another host with the token', async () => {
    const caught: string[] = []
    const elsewhere = createServer(
      (request, response) => (caught.push(request.headers.authorization ?? ''), response.end('[]'))
    )
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.2', resolve))
    try {
      fixture.github.faults.nextPageAt = `http://127.0.0.2:${(elsewhere.address() as AddressInfo).port}/steal?page=2`
      const run = await fixture.cancel({ ...PR, 'batch-id': fixture.batches.complete })

      expect(caught).toEqual([])
      expect(run.exitCode).toBe(1)
      expect(errorMessage(run)).toContain('refused to send the token to http://127.0.0.2:')
      expect(cancelsSent()).toEqual([fixture.batches.complete])
    } finally {
      await new Promise((resolve) => elsewhere.close(resolve))
    }
  })

  it('in a dry run reads the records but writes nothing', async () => {
    await fixture.record({ 'batch-id': fixture.batches.complete })
    const before = fixture.botComments()
    const writesBefore = githubWrites().length
    const run = await fixture.cancel({ ...PR, 'dry-run': 'true' })

    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({ 'dry-run': 'true', status: 'cancelled' })
    expect(githubWrites()).toHaveLength(writesBefore)
    expect(fixture.botComments()).toEqual(before)
    expect(cancelsSent()).toEqual([])
  })

  it('keeps a batch whose cancel failed open, and sends it again next time', async () => {
    const { complete } = fixture.batches
    await fixture.record({ 'batch-id': complete })
    fixture.simulator.faults.set(complete, { serverError: { times: 1, status: 500 } })
    const failed = await fixture.cancel({ ...PR, 'max-retries': '0' })

    expect(failed.exitCode).toBe(1)
    expect(stateOf(complete)).toMatchObject({ failedAt: expect.any(String) })
    expect(stateOf(complete)?.cancel).toBeUndefined()
    expect(fixture.botComments()[0]).toContain('open: a cancel failed')

    const retried = await fixture.cancel(PR)
    expect(retried.exitCode).toBe(0)
    expect(cancelsSent()).toEqual([complete, complete])
    expect(stateOf(complete)?.cancel).toMatchObject({ status: 'cancelled' })
  })

  it('warns, and still passes, when the comment cannot be updated after cancelling', async () => {
    await fixture.record({ 'batch-id': fixture.batches.complete })
    const run = await fixture.cancel({ ...PR, 'github-token': READ_ONLY_TOKEN })

    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({ status: 'cancelled' })
    expect(warnings(run).join('\n')).toContain(
      "The cancels happened, but the pull request's comment could not be updated"
    )
    expect(run.summary).toContain('The cancels happened, but the comment was not updated')
  })

  it('runs its pull-request part on a runner with a proxy set', async () => {
    await fixture.record({ 'batch-id': fixture.batches.complete })
    const run = await runAction(
      {
        ...PR,
        token: TEST_TOKEN,
        'api-url': fixture.simulator.baseUrl,
        'github-token': GITHUB_TOKEN,
        'github-api-url': fixture.github.apiUrl
      },
      // The runner's GitHub is not on loopback, so the proxy applies to it; the fake GitHub is reached directly.
      {
        GITHUB_API_URL: 'https://api.github.test',
        HTTPS_PROXY: 'http://127.0.0.1:9',
        ...SHORT_WAITS
      }
    )
    expect(run.exitCode).toBe(0)
    expect(cancelsSent()).toEqual([fixture.batches.complete])
  })

  it('needs batch-id, pull-request or sweep', async () => {
    const run = await fixture.cancel({})
    expect(run.exitCode).toBe(1)
    expect(errorMessage(run)).toMatch(/^Input 'batch-id' is required unless pull-request or sweep is given/)
  })
})
