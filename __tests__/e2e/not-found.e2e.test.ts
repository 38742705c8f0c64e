/**
 * "Not found" is never a silent success on records: a batch found in a pull request's records existed
 * when it was recorded, so a 404 for it means a wrong api-url or another team's token, never "nothing
 * left to cancel". And a 404 that is not the API's own error is a failed request, whatever the batch.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { errorMessage, warnings } from '../../local-runner/run-action.js'
import { readRecordsPart } from '../../src/records/records-format.js'
import { commentBodies } from '../../simulator/github/records-bodies.js'
import type { BatchRecord } from '../../src/records/records.js'
import { HEAD, PULL_REQUEST, pullRequestEvent, gitHubForEachTest } from '../support/github-fixture.js'
import { OTHER_TEAM_TOKEN, TEST_TOKEN } from '../support/simulator-fixture.js'

// The API looks a batch up within the token's team here: another team's token gets 404, not 403.
const fixture = gitHubForEachTest(404)

const BOT = 'github-actions[bot]'
const PR = { 'pull-request': String(PULL_REQUEST) }
const closing = { event: pullRequestEvent(HEAD, 'closed') }
const nightly = { event: { name: 'schedule', payload: {} } }
const CHECKS =
  'check api-url (the base URL, ending in /api/v2) and that the token belongs to the team that started the render'
const cancelsSent = () =>
  fixture.simulator.requests
    .filter((request) => request.method === 'POST' && request.path.startsWith('/api/v2/'))
    .map((request) => request.path.split('/')[4])
const githubWrites = () =>
  fixture.github.requests.filter((request) => request.method !== 'GET' && request.path !== '/graphql')
const stateOf = (batchId: string, number = PULL_REQUEST) =>
  fixture.github
    .commentsOn(number)
    .flatMap((comment) => readRecordsPart(comment.body).records)
    .find((record) => record.batchId === batchId)

describe('a recorded batch the API does not know', () => {
  const wrongUrls = {
    'without /api/v2': (url: string) => url.replace(/\/api\/v2$/, ''),
    'of another version': (url: string) => url.replace(/\/v2$/, '/v3')
  }

  it.each(Object.entries(wrongUrls))(
    'fails the cleanup at strictness off with an api-url %s, keeps the record open, and a rerun with the right api-url cancels it',
    async (_what, wrong) => {
      const { complete } = fixture.batches
      await fixture.record({ 'batch-id': complete })
      const apiUrl = wrong(fixture.simulator.baseUrl)
      const cleanup = await fixture.cancel({ ...PR, 'api-url': apiUrl, strictness: 'off' }, closing)

      expect(cleanup.exitCode).toBe(1)
      expect(errorMessage(cleanup)).toBe(
        `Batch ${complete}: HTTP 404 Not Found: Route not found: the batch is recorded, so it existed when its render started: ${CHECKS}. Its record stays open, and the next cleanup or sweep tries it again`
      )
      expect(cleanup.outputs).toMatchObject({ status: '', 'failed-batch-ids': JSON.stringify([complete]) })
      expect(stateOf(complete)).toMatchObject({ failedAt: expect.any(String) })
      expect(stateOf(complete)?.cancel).toBeUndefined()
      expect(fixture.botComments()[0]).toContain('open: a cancel failed')
      expect(fixture.botComments()[0]).not.toContain('nothing left to cancel')
      expect(cleanup.summary).not.toContain('nothing left to cancel')

      // Not found again: the comment is not rewritten, so the sweep's window closes on it in time.
      const writes = githubWrites().length
      const again = await fixture.cancel({ ...PR, 'api-url': apiUrl, strictness: 'off' }, closing)
      expect(again.exitCode).toBe(1)
      expect(githubWrites()).toHaveLength(writes)

      const right = await fixture.cancel({ ...PR, strictness: 'off' }, closing)
      expect(right.exitCode).toBe(0)
      expect(cancelsSent()).toEqual([complete])
      expect(stateOf(complete)?.cancel?.status).toBe('cancelled')
    }
  )

  it("fails the cleanup at every strictness with another team's token, and the render team's token then cancels", async () => {
    const { complete } = fixture.batches
    await fixture.record({ 'batch-id': complete })
    const other = await fixture.cancel({ ...PR, token: OTHER_TEAM_TOKEN, strictness: 'off' }, closing)

    expect(other.exitCode).toBe(1)
    expect(errorMessage(other)).toContain(
      `Batch ${complete}: HTTP 404 Not Found: Batch not found: the batch is recorded`
    )
    expect(errorMessage(other)).toContain('the token belongs to the team that started the render')
    expect(stateOf(complete)?.cancel).toBeUndefined()

    const dryRun = await fixture.cancel({ ...PR, token: OTHER_TEAM_TOKEN, 'dry-run': 'true', strictness: 'off' })
    expect(dryRun.exitCode).toBe(1)
    expect(dryRun.summary).toContain('would fail')

    const own = await fixture.cancel({ ...PR, token: TEST_TOKEN, strictness: 'off' }, closing)
    expect(own.exitCode).toBe(0)
    expect(stateOf(complete)?.cancel?.status).toBe('cancelled')
  })

  it('fails a misconfigured sweep for every closed pull request, keeps their records open, then stops rewriting them', async () => {
    const { complete, partial } = fixture.batches
    const record = (batchId: string): BatchRecord => ({ batchId, commit: HEAD, recordedAt: '2026-11-20T09:00:00Z' })
    for (const [number, batchId] of [
      [11, complete],
      [12, partial]
    ] as const) {
      fixture.github.pullRequests.set(number, { head: HEAD, state: 'closed' })
      for (const body of commentBodies([record(batchId)])) fixture.github.addComment(number, BOT, body)
    }
    const apiUrl = fixture.simulator.baseUrl.replace(/\/api\/v2$/, '')
    const sweep = await fixture.cancel({ sweep: 'closed', 'api-url': apiUrl, strictness: 'off' }, nightly)

    expect(sweep.exitCode).toBe(1)
    expect(errorMessage(sweep)).toContain('2 of 2 batches did not pass:')
    expect(stateOf(complete, 11)).toMatchObject({ failedAt: expect.any(String) })
    expect(stateOf(partial, 12)).toMatchObject({ failedAt: expect.any(String) })

    const writes = githubWrites().length
    const again = await fixture.cancel({ sweep: 'closed', 'api-url': apiUrl, strictness: 'off' }, nightly)
    expect(again.exitCode).toBe(1)
    expect(githubWrites()).toHaveLength(writes)

    const right = await fixture.cancel({ sweep: 'closed', strictness: 'off' }, nightly)
    expect(right.exitCode).toBe(0)
    expect(cancelsSent()).toEqual([complete, partial])
    expect([stateOf(complete, 11)?.cancel?.status, stateOf(partial, 12)?.cancel?.status]).toEqual([
      'cancelled',
      'partial'
    ])
  })
})

describe('a batch given by hand the API does not know', () => {
  it("keeps its documented meaning, unchanged, and the warning names api-url and the token's team", async () => {
    const run = await fixture.cancel({
      'batch-id': fixture.batches.complete,
      token: OTHER_TEAM_TOKEN,
      strictness: 'off'
    })

    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({ status: 'unchanged', 'failed-batch-ids': '[]' })
    expect(warnings(run).join('\n')).toContain(
      `Batch ${fixture.batches.complete} was not found (HTTP 404): reported as unchanged with zero jobs. Check the id, api-url (the base URL, ending in /api/v2) and that the token belongs to the team that started the render.`
    )
  })
})

describe('a 404 that is not the API’s own error', () => {
  let gateway: Server
  let gatewayUrl: string
  beforeEach(async () => {
    gateway = createServer((request, response) => {
      request.resume()
      response.writeHead(404, { 'content-type': 'text/html' }).end('<html><body><h1>Not Found</h1></body></html>')
    })
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve))
    gatewayUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/api/v2`
  })
  afterEach(() => new Promise((resolve) => gateway.close(resolve)))

  const NOT_THE_API =
    'HTTP 404 Not Found: <html><body><h1>Not Found</h1></body></html>: this is not the Nexrender API\'s own error (JSON with an "error" message), so api-url points elsewhere: check api-url, the API\'s base URL ending in /api/v2'

  it('fails a recorded batch as a failed request naming api-url, and keeps its record open', async () => {
    const { complete } = fixture.batches
    await fixture.record({ 'batch-id': complete })
    const run = await fixture.cancel({ ...PR, 'api-url': gatewayUrl, strictness: 'off' }, closing)

    expect(run.exitCode).toBe(1)
    expect(errorMessage(run)).toBe(`Batch ${complete}: ${NOT_THE_API}`)
    expect(stateOf(complete)).toMatchObject({ failedAt: expect.any(String) })
  })

  it('fails a batch given by hand as a failed request naming api-url, at strictness off', async () => {
    const { complete } = fixture.batches
    const run = await fixture.cancel({ 'batch-id': complete, 'api-url': gatewayUrl, strictness: 'off' })

    expect(run.exitCode).toBe(1)
    expect(errorMessage(run)).toBe(`Batch ${complete}: ${NOT_THE_API}`)
    expect(run.outputs).toMatchObject({ status: '', 'failed-batch-ids': JSON.stringify([complete]) })
    expect(JSON.parse(run.files.results ?? '')).toEqual([{ batchId: complete, error: NOT_THE_API }])
  })
})
