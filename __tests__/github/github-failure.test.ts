import { describe, expect, it } from '@jest/globals'
import { describeGitHubFailure } from '../../src/github/github-failure.js'
import { ATTEMPTS_HEADER, GitHubUnreachable } from '../../src/github/transport-fetch.js'

const requestError = (status: number, message: string, attempts = 1) =>
  Object.assign(new Error(message), { status, response: { headers: { [ATTEMPTS_HEADER]: String(attempts) } } })
const DOING = 'Reading the comments of pull request #7'

describe('describeGitHubFailure', () => {
  it.each([
    [
      401,
      'Bad credentials',
      'HTTP 401: Bad credentials: check `github-token`; the token is missing, mistyped or expired'
    ],
    [
      403,
      'API rate limit exceeded for installation',
      "HTTP 403: API rate limit exceeded for installation: the token's GitHub API rate limit is used up; try again later"
    ],
    [422, 'Validation Failed - https://docs.github.com/rest/issues/comments', 'HTTP 422: Validation Failed'],
    [500, 'Server Error', 'HTTP 500: Server Error']
  ])('HTTP %d', (status, message, described) => {
    expect(describeGitHubFailure(requestError(status, message), DOING)).toBe(`${DOING}: ${described}`)
  })

  it.each([
    [403, ''],
    [404, ', or the pull request does not exist']
  ])('HTTP %d names the permission and shows the block to add', (status, missing) => {
    expect(describeGitHubFailure(requestError(status, 'Resource not accessible by integration'), DOING)).toBe(
      `${DOING}: HTTP ${status}: Resource not accessible by integration. The workflow's token needs pull-requests: write (or issues: write) to read and write the pull request's comments${missing}. ` +
        'Add to the workflow or the job:\n\npermissions:\n  pull-requests: write'
    )
  })

  it('says how many attempts it took when retries ran out', () => {
    expect(describeGitHubFailure(requestError(503, 'Service Unavailable', 4), DOING)).toBe(
      `${DOING}: HTTP 503: Service Unavailable (gave up after 4 attempts)`
    )
  })

  it('reports a GitHub that gave no answer, with the reason', () => {
    const error = Object.assign(new Error('fetch failed'), {
      status: 500,
      cause: new GitHubUnreachable('ECONNREFUSED: connect')
    })
    expect(describeGitHubFailure(error, DOING)).toBe(`${DOING}: the GitHub API gave no answer: ECONNREFUSED: connect`)
  })

  it('passes anything else on with what was being done', () => {
    expect(describeGitHubFailure(new Error('the comment kept changing'), DOING)).toBe(
      `${DOING}: the comment kept changing`
    )
  })
})
