import { describe, expect, it } from '@jest/globals'
import { GitHubError, GitHubUnreachable } from '../../src/github/github-errors.js'
import { describeGitHubFailure } from '../../src/github/github-failure.js'

const refused = (status: number, message: string, headers: Record<string, string> = {}, attempts = 1) =>
  new GitHubError(status, message, headers, attempts)
const DOING = 'Writing the records comment of pull request #7'
const PERMISSION =
  "The workflow's token needs pull-requests: write (or issues: write) to read and write the pull request's comments"

describe('describeGitHubFailure', () => {
  it.each([
    [
      refused(401, 'Bad credentials'),
      'HTTP 401: Bad credentials: check `github-token`; the token is missing, mistyped or expired'
    ],
    [
      refused(422, 'Validation Failed: body is too long (maximum is 65536 characters)'),
      'HTTP 422: Validation Failed: body is too long (maximum is 65536 characters)'
    ],
    [refused(500, 'Server Error'), 'HTTP 500: Server Error'],
    [refused(503, 'Service Unavailable', {}, 4), 'HTTP 503: Service Unavailable (gave up after 4 attempts)'],
    [
      refused(403, 'Resource not accessible by integration'),
      `HTTP 403: Resource not accessible by integration. ${PERMISSION}. Add to the workflow or the job:\n\npermissions:\n  pull-requests: write`
    ],
    [
      refused(404, 'Not Found'),
      'HTTP 404: Not Found. Check that the pull request exists in this repository (the pull-request input, or the event’s). ' +
        `If it does, the token cannot see it. ${PERMISSION}. Add to the workflow or the job:\n\npermissions:\n  pull-requests: write`
    ],
    [
      refused(403, 'Unable to create comment because issue is locked.'),
      "HTTP 403: Unable to create comment because issue is locked.: the pull request's conversation is locked, and GitHub refuses to write in it. Unlock the conversation (in the pull request’s sidebar), then re-run this step; or cancel its batches with batch-id."
    ],
    [
      refused(403, 'API rate limit exceeded for installation ID 1.', {
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(Date.parse('2026-12-02T09:45:00Z') / 1000)
      }),
      "HTTP 403: API rate limit exceeded for installation ID 1.: the token's GitHub API rate limit is used up until 2026-12-02 09:45 UTC (the action waits at most 5 times and 5 minutes in all); re-run after that"
    ],
    [
      // A reset past any date: no time to name, and no "Invalid time value" in place of the message.
      refused(403, 'API rate limit exceeded for installation ID 1.', {
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': '99999999999999'
      }),
      "HTTP 403: API rate limit exceeded for installation ID 1.: the token's GitHub API rate limit is used up (the action waits at most 5 times and 5 minutes in all); re-run later"
    ],
    [
      refused(403, 'You have exceeded a secondary rate limit.'),
      "HTTP 403: You have exceeded a secondary rate limit.: GitHub's secondary rate limit still held (the action waits at most 5 times and 5 minutes in all); re-run later"
    ],
    [
      new GitHubUnreachable('gave up after 4 attempts: ECONNREFUSED', true),
      "the GitHub API could not be reached: gave up after 4 attempts: ECONNREFUSED; check github-api-url (the runner's GITHUB_API_URL unless given) and that the runner can reach it"
    ],
    [
      new GitHubUnreachable('GET /user was not sent: no time was left for it'),
      'the GitHub API could not be reached: GET /user was not sent: no time was left for it'
    ],
    [new Error('the comment kept changing'), 'the comment kept changing']
  ])('%s', (error, described) => {
    expect(describeGitHubFailure(error, DOING)).toBe(`${DOING}: ${described}`)
  })

  it('tells a fork’s read-only token apart from a missing permission', () => {
    expect(
      describeGitHubFailure(refused(403, 'Resource not accessible by integration'), DOING, { fromFork: true })
    ).toBe(
      `${DOING}: HTTP 403: Resource not accessible by integration. The pull request comes from a fork, and GitHub gives a fork's pull_request runs a read-only token whatever permissions: says. ` +
        'Record and cancel from a pull_request_target workflow instead, as the action’s docs/forks.md shows.'
    )
  })
})
