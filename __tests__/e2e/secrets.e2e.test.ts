/**
 * The tokens against hostile servers, through the bundles: an API (or a proxy before it) that quotes
 * the request's Authorization header back, placed so that the action's excerpts would cut the token
 * in two, and addresses that carry credentials. Every run is searched for any run of 8 characters of
 * either token: log, outputs, state, summary, results file and the comments the fake GitHub holds.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { errorMessage, RECORD_ENTRY, runAction } from '../../local-runner/run-action.js'
import { GITHUB_TOKEN, PULL_REQUEST, pullRequestEvent, startGitHubFixture } from '../support/github-fixture.js'
import { SHORT_WAITS } from '../support/short-waits-env.js'
import { TEST_TOKEN } from '../support/simulator-fixture.js'
import { expectNoTokenLeaks, tokenLeaks } from '../support/token-leaks.js'

/** How many of the token's characters each quote puts before a cut. */
const BEFORE_CUT = 12

/**
 * Text that quotes the Authorization header (`Bearer <token>`) once for each cut, so that the token
 * straddles it with BEFORE_CUT characters before it; dots fill the rest.
 */
function quotesAcross(authorization: string, cuts: number[]): string {
  let text = ''
  for (const cut of cuts) text += '.'.repeat(cut - BEFORE_CUT - 'Bearer '.length - text.length) + authorization
  return text
}

/** Batches the hostile Nexrender API answers each in its own way. */
const NOT_JSON = '01HZY0NJSN0000000000000000'
const ERROR_BODY = '01HZY0ERRR0000000000000000'
const JOB_REASON = '01HZY0REAS0000000000000000'

/**
 * A Nexrender API that quotes the header back: in a 200 that is not JSON (the action quotes its first
 * 40 characters), in a JSON error body (the message keeps 300 characters of it, the summary 200 of
 * the message) and in a skipped job's reason (the summary keeps 200 characters of a cell).
 */
function hostileNexrender(requests: string[]): Server {
  return createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`)
    const authorization = request.headers.authorization ?? ''
    const batchId = /\/batches\/([^/]+)\/cancel$/.exec(request.url ?? '')?.[1]
    const json = (status: number, body: unknown) =>
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
    if (batchId === NOT_JSON) {
      response.writeHead(200, { 'content-type': 'text/plain' }).end(quotesAcross(authorization, [40]))
    } else if (batchId === ERROR_BODY) {
      // The summary's cell holds "HTTP 400 Bad Request: " (22 characters) before the server's text.
      json(400, { error: quotesAcross(authorization, [200 - 3 - 22, 300 - 3]) })
    } else if (batchId === JOB_REASON) {
      json(200, {
        batchId,
        status: 'unchanged',
        totalJobs: 1,
        cancelledCount: 0,
        skippedCount: 1,
        jobs: [{ id: 'job-1', result: 'skipped', status: 'finished', reason: quotesAcross(authorization, [200 - 3]) }],
        cancelledJobs: []
      })
    } else {
      json(404, { error: 'Not found' })
    }
  })
}

let server: Server
let requests: string[]
let apiUrl: string
beforeEach(async () => {
  requests = []
  server = hostileNexrender(requests)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v2`
})
afterEach(() => new Promise((resolve) => server.close(resolve)))

describe('an API that quotes the Authorization header back', () => {
  it('leaves no part of either token anywhere, whatever excerpt the action cuts', async () => {
    const run = await runAction(
      {
        'batch-id': [NOT_JSON, ERROR_BODY, JOB_REASON].join(','),
        token: TEST_TOKEN,
        'github-token': GITHUB_TOKEN,
        'api-url': apiUrl,
        'max-retries': '0'
      },
      SHORT_WAITS
    )

    expect(run.exitCode).toBe(1)
    expect(requests).toHaveLength(3)
    const message = errorMessage(run)
    expect(message).toContain(`Batch ${NOT_JSON}: the reply does not match the API contract: it is not JSON`)
    expect(message).toContain(`Batch ${ERROR_BODY}: HTTP 400 Bad Request: ...`)
    // Each quote is there, replaced: the excerpts were cut from redacted text.
    expect(message.match(/Bearer \*\*\*/g)).toHaveLength(3)
    // The summary escapes the stars, as it does every Markdown character in a server's text.
    expect(run.summary).toMatch(/\| `job-1` \| finished \| \.+Bearer \\\*\\\*\\\* \|/)
    expect(run.files.results).toContain('Bearer ***')
    expectNoTokenLeaks(run, [TEST_TOKEN, GITHUB_TOKEN])
  })
})

describe('GitHub, or a proxy before it, quoting the Authorization header in a 500', () => {
  it('leaves no part of either token in the cancel step, the record step or the comment', async () => {
    const fixture = await startGitHubFixture()
    try {
      await fixture.record({ 'batch-id': fixture.batches.complete })
      // The failure reads "…acts as: HTTP 500: " and the message: the summary's cell keeps 200
      // characters of "Could not read the batches recorded on pull request #7: " and that.
      fixture.github.faults.serverErrors = {
        times: 100,
        status: 500,
        message: (authorization) => quotesAcross(authorization, [200 - 3 - 105, 300])
      }
      const cancel = await fixture.cancel(
        { 'pull-request': String(PULL_REQUEST), 'batch-id': '', 'max-retries': '0' },
        { event: pullRequestEvent('2'.repeat(40), 'closed') }
      )
      const record = await fixture.record({ 'batch-id': fixture.batches.partial })
      delete fixture.github.faults.serverErrors

      for (const run of [cancel, record]) {
        expect(run.exitCode).toBe(1)
        expect(errorMessage(run)).toMatch(/Finding whom the GitHub token acts as: HTTP 500: \.+Bearer \*\*\*/)
      }
      expect(cancel.summary).toMatch(/> ❌ Could not read .+HTTP 500: \.+Bearer \\\*\\\*\\\*/)
      const comments = fixture.github.comments.map((comment) => comment.body)
      expect(comments).toHaveLength(1)
      for (const run of [cancel, record]) expectNoTokenLeaks(run, [TEST_TOKEN, GITHUB_TOKEN], comments)
    } finally {
      await fixture.close()
    }
  })
})

describe('an address that carries credentials', () => {
  const PASSWORD = 'pw-in-the-url-5521'
  const KEY = 'gateway-key-in-the-url-7730'
  const withUser = (url: string) => url.replace('//', `//user:${PASSWORD}@`)
  const withBadPort = (url: string) => url.replace('/api', 'x/api')
  /** The summary breaks a URL's `://`, so that GitHub does not make a link of it. */
  const inSummary = (text: string) => text.replace('://', '\\://')

  it.each([
    {
      given: 'user info',
      url: (base: string) => withUser(base),
      problem: () => 'must not contain credentials; the token input carries them'
    },
    {
      given: 'a query',
      url: (base: string) => `${base}?key=${KEY}`,
      problem: (base: string) => `must not have a query or fragment; give the base URL alone: '${base}'`
    },
    {
      given: 'both, in a URL that does not parse',
      url: (base: string) => `${withUser(withBadPort(base))}?key=${KEY}`,
      problem: (base: string) => `is not a valid URL: '${withBadPort(base)}'`
    }
  ])('api-url with $given: quoted without them, and nothing is sent', async ({ url, problem }) => {
    const run = await runAction({ 'batch-id': NOT_JSON, token: TEST_TOKEN, 'api-url': url(apiUrl) }, SHORT_WAITS)

    const expected = `Input 'api-url' ${problem(apiUrl)}`
    expect(run.exitCode).toBe(1)
    expect(errorMessage(run)).toBe(expected)
    expect(run.summary).toContain(inSummary(expected))
    expect(requests).toEqual([])
    expect(tokenLeaks(run, [PASSWORD, KEY])).toEqual([])
    expectNoTokenLeaks(run, [TEST_TOKEN])
  })

  it('github-api-url with a query: quoted without it by the record step, and nothing is sent', async () => {
    const run = await runAction(
      { 'batch-id': NOT_JSON, 'github-token': GITHUB_TOKEN, 'github-api-url': `${apiUrl}?key=${KEY}` },
      SHORT_WAITS,
      { entry: RECORD_ENTRY, event: pullRequestEvent('2'.repeat(40)) }
    )

    const expected = `Input 'github-api-url' must not have a query or fragment; give the base URL alone: '${apiUrl}'`
    expect(run.exitCode).toBe(1)
    expect(errorMessage(run)).toBe(expected)
    expect(run.summary).toContain(inSummary(expected))
    expect(requests).toEqual([])
    expect(tokenLeaks(run, [PASSWORD, KEY])).toEqual([])
    expectNoTokenLeaks(run, [GITHUB_TOKEN])
  })
})
