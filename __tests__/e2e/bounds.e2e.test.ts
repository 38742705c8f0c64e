/**
 * The bounds of every GitHub loop (README, "Bounds"), run through the bundles as a runner runs them
 * against a fake GitHub that does the hostile thing: rate limits that ask for no wait at all, forever;
 * GraphQL's rate limit as HTTP 200; listings whose next page is the same page, or never the last.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { errorMessage, RECORD_ENTRY, runAction, warnings } from '../../local-runner/run-action.js'
import {
  GITHUB_TOKEN,
  HEAD,
  PULL_REQUEST,
  pullRequestEvent,
  startGitHubFixture,
  type GitHubFixture
} from '../support/github-fixture.js'
import { expectNoTokenLeaks } from '../support/token-leaks.js'

let fixture: GitHubFixture
beforeEach(async () => (fixture = await startGitHubFixture()))
afterEach(() => fixture.close())

const PR = { 'pull-request': String(PULL_REQUEST) }
const FOREVER = 1_000_000
const SECONDARY = 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'
const graphqlCalls = () => fixture.github.requests.filter((request) => request.path.endsWith('/graphql'))
const writes = () =>
  fixture.github.requests.filter((request) => request.method !== 'GET' && !request.path.endsWith('/graphql'))
const listings = () =>
  fixture.github.requests.filter(
    (request) =>
      request.method === 'GET' && request.path.startsWith(`/repos/acme/renders/issues/${PULL_REQUEST}/comments`)
  )

describe('a rate limit that asks for no wait, forever', () => {
  it.each([
    ['0', '0'],
    ['a date in the past', 'Thu, 01 Jan 1970 00:00:00 GMT']
  ])(
    'with Retry-After %s on GraphQL: 6 attempts, each wait at least 1 s, then the step fails saying so',
    async (_case, retryAfter) => {
      fixture.github.faults.secondaryRateLimit = { times: FOREVER, retryAfter, status: 429, on: 'graphql' }
      const run = await fixture.record({ 'batch-id': fixture.batches.complete })

      expect(run.exitCode).toBe(1)
      expect(graphqlCalls()).toHaveLength(6)
      expect(errorMessage(run)).toContain(
        `Finding whom the GitHub token acts as: HTTP 429: ${SECONDARY}: GitHub's secondary rate limit still held (after 6 attempts; the action waits at most 5 times and 5 minutes in all); re-run later`
      )
      // The shortened waits of the tests are a thousandth of what the action asks: 1 s each.
      expect(run.stdout).toContain(
        "GitHub POST /graphql: GitHub's secondary rate limit; waiting 1.0 s at least, though asked for less (wait 5 of at most 5)"
      )
      expect(run.summary).toContain(
        `## Nexrender batches recorded on pull request #${PULL_REQUEST}: ❌ fails\n\n> Finding whom the GitHub token acts as: HTTP 429`
      )
      expect(run.summary).toContain(`\`${fixture.batches.complete}\` may not be recorded`)
    }
  )

  it('with Retry-After 0 on GraphQL, the cancel step fails after 6 attempts with its summary written', async () => {
    await fixture.record({ 'batch-id': fixture.batches.complete })
    const before = graphqlCalls().length
    fixture.github.faults.secondaryRateLimit = { times: FOREVER, retryAfter: '0', status: 403, on: 'both' }
    const run = await fixture.cancel(PR)

    expect(run.exitCode).toBe(1)
    expect(graphqlCalls().length - before).toBe(6)
    expect(errorMessage(run)).toContain("GitHub's secondary rate limit still held (after 6 attempts;")
    expect(run.summary).toContain("## Nexrender batch cancel: ❌ fails: the pull request's batches could not be read")
  })

  it('with Retry-After 0 on every write: the cancels stand, each write stops after its bound, and the summary says so', async () => {
    await fixture.record({ 'batch-id': fixture.batches.complete })
    const before = writes().length
    fixture.github.faults.secondaryRateLimit = { times: FOREVER, retryAfter: '0', status: 403, on: 'writes' }
    const run = await fixture.cancel(PR)

    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({ status: 'cancelled' })
    const made = writes().length - before
    expect(made % 6).toBe(0)
    expect(made).toBeGreaterThanOrEqual(6)
    expect(made).toBeLessThanOrEqual(60)
    expect(warnings(run).join('\n')).toContain(
      "GitHub's secondary rate limit still held (after 6 attempts; the action waits at most 5 times and 5 minutes in all); re-run later"
    )
    expect(run.summary).toContain('The cancels happened, but the comment was not updated')
  })
})

describe("Nexrender's API asking for no wait", () => {
  it('waits at least 1 s on a 429 with Retry-After 0, and gives up after max-retries', async () => {
    const batch = fixture.batches.complete
    fixture.simulator.faults.set(batch, { rateLimit: { times: FOREVER, retryAfter: '0' } })
    const run = await fixture.cancel({ 'batch-id': batch, strictness: 'off' })

    expect(run.exitCode).toBe(1)
    expect(fixture.simulator.requests).toHaveLength(4)
    expect(run.stdout.split('\n').filter((line) => line.includes('; retrying in 1.0 s'))).toHaveLength(3)
    expect(errorMessage(run)).toMatch(new RegExp(`^Batch ${batch}: gave up after 4 attempts: HTTP 429 `))
  })
})

describe("GitHub's GraphQL rate limit (HTTP 200, RATE_LIMITED)", () => {
  it('is waited out until its reset, as REST’s is, and the step then succeeds (real timing)', async () => {
    const started = Date.now()
    const resetAt = started + 2000
    fixture.github.faults.graphqlRateLimit = { resetAt }
    // No shortened waits: the wait until the reset is the real one.
    const run = expectNoTokenLeaks(
      await runAction(
        { 'github-token': GITHUB_TOKEN, 'batch-id': fixture.batches.complete },
        { GITHUB_API_URL: fixture.github.apiUrl, GITHUB_SHA: 'c'.repeat(40), GITHUB_RUN_ID: '4242' },
        { entry: RECORD_ENTRY, event: pullRequestEvent(HEAD) }
      ),
      [GITHUB_TOKEN]
    )

    expect(run.exitCode).toBe(0)
    expect(Date.now()).toBeGreaterThanOrEqual(resetAt)
    expect(graphqlCalls()).toHaveLength(2)
    expect(run.stdout).toMatch(
      /GitHub POST \/graphql: the token's GitHub GraphQL rate limit is used up; waiting \d\.\d s as asked \(wait 1 of at most 5\)/
    )
    expect(fixture.botComments()).toHaveLength(1)
  })
})

describe('listings that never end', () => {
  const LISTING = `GET /repos/acme/renders/issues/${PULL_REQUEST}/comments`
  it.each([
    {
      listing: 'a next-page link that points back at the same page: stopped at once',
      fault: 'same page' as const,
      largeComments: 0,
      pages: 1,
      message: `${LISTING}: the link to the next page points back at a page already read (page 1 of 1), so the listing would never end; it was stopped there. To fix: check github-api-url`
    },
    {
      listing: '500 distinct pages that never reach the last: stopped, with no running out of memory',
      fault: 'endless' as const,
      largeComments: 0,
      pages: 500,
      message:
        'the listing did not end within 500 pages (500 items), the most the action reads of one; it was stopped there'
    },
    {
      listing: 'endless pages of large comments: stopped at 256 MiB read, with no running out of memory',
      fault: 'endless' as const,
      largeComments: 99,
      // As many pages as 256 MiB of them make.
      pages: expect.any(Number),
      message: /the listing's pages passed 256 MiB in all after \d+ pages/
    }
  ])('$listing', async ({ fault, largeComments, pages, message }) => {
    await fixture.record({ 'batch-id': fixture.batches.complete })
    for (let index = 0; index < largeComments; index++)
      fixture.github.addComment(PULL_REQUEST, 'someone', 'x'.repeat(60_000))
    fixture.github.faults.endlessListing = fault
    const before = listings().length
    const run = await fixture.cancel(PR)

    expect(run.exitCode).toBe(1)
    expect(listings().length - before).toEqual(pages)
    expect(errorMessage(run)).toMatch(message)
    expect(run.summary).toContain("## Nexrender batch cancel: ❌ fails: the pull request's batches could not be read")
  })
})
