import { describe, expect, it } from '@jest/globals'
import {
  createGitHubClient,
  graphqlPath,
  MAX_GITHUB_CALL_MS,
  MAX_GITHUB_REPLY_BYTES,
  MAX_LISTING_BYTES,
  MAX_LISTING_PAGES
} from '../../src/github/github-client.js'
import {
  GitHubAnswerUnusable,
  GitHubError,
  GitHubUnreachable,
  WriteMayHaveLanded,
  WriteWindowClosed
} from '../../src/github/github-errors.js'
import { describeGitHubFailure } from '../../src/github/github-failure.js'
import { VIEWER_LOGIN_QUERY } from '../../src/github/github-queries.js'
import { DEFAULT_RETRY_POLICY } from '../../src/http/retry-policy.js'
import type { AttemptOutcome, HttpRequest } from '../../src/http/transport.js'

const NOW = Date.parse('2026-12-02T09:00:00Z')
const REPOSITORY = { owner: 'a', repo: 'b' }
const COMMENT = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments'
const EDIT = 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}'
const LISTING = 'GET /repos/{owner}/{repo}/issues/comments'

function clientWith(outcomes: AttemptOutcome[], apiUrl = 'https://api.github.com', retries = 2) {
  const sent: HttpRequest[] = []
  const waits: number[] = []
  const log: string[] = []
  let now = NOW
  const client = createGitHubClient({
    transport: async (request) => (sent.push(request), outcomes.shift() as AttemptOutcome),
    token: 'ghs_secret',
    apiUrl,
    timeoutMs: 5000,
    policy: { ...DEFAULT_RETRY_POLICY, retries },
    sleep: async (ms) => void (waits.push(ms), (now += ms)),
    random: () => 0.5,
    now: () => now,
    log: (line) => log.push(line),
    debug: () => undefined
  })
  return { client, sent, waits, log }
}
const answer = (status: number, body: unknown = '', headers: Record<string, string> = {}): AttemptOutcome => ({
  kind: 'answer',
  status,
  statusText: '',
  headers,
  body: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body))
})
const refused: AttemptOutcome = {
  kind: 'network-failure',
  reason: 'ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:1',
  retryable: true,
  mayHaveReachedServer: false
}

describe('the GitHub client', () => {
  it('sends through the transport with the token as its own, and gives the parsed answer', async () => {
    const { client, sent } = clientWith([answer(201, { id: 1 })])
    const reply = await client.request(COMMENT, { ...REPOSITORY, issue_number: 7 }, { body: { body: 'hi' } })

    expect(sent).toEqual([
      {
        method: 'POST',
        url: 'https://api.github.com/repos/a/b/issues/7/comments',
        token: 'ghs_secret',
        timeoutMs: 5000,
        maxBodyBytes: MAX_GITHUB_REPLY_BYTES,
        headers: {
          accept: 'application/vnd.github+json',
          'x-github-api-version': '2022-11-28',
          'content-type': 'application/json; charset=utf-8'
        },
        body: '{"body":"hi"}',
        interrupt: undefined
      }
    ])
    expect(reply).toEqual({ status: 201, headers: {}, data: { id: 1 }, earlierAttemptMayHaveActed: false })
  })

  it('reads a JSON answer after a byte order mark, by the rule Nexrender replies follow', async () => {
    const { client } = clientWith([answer(200, '\uFEFF {"id":1}\n')])
    expect((await client.request('GET /repos/{owner}/{repo}', REPOSITORY)).data).toEqual({ id: 1 })
  })

  it('follows Link pages on the API’s origin, and refuses to send the token anywhere else', async () => {
    const next = { link: '<https://api.github.com/repositories/1/issues/comments?per_page=2&page=2>; rel="next"' }
    const { client, sent } = clientWith([answer(200, [1, 2], next), answer(200, [3])])
    expect(await client.paginate(LISTING, { ...REPOSITORY, per_page: 2 })).toEqual([1, 2, 3])
    expect(sent.map((request) => request.url)).toEqual([
      'https://api.github.com/repos/a/b/issues/comments?per_page=2',
      'https://api.github.com/repositories/1/issues/comments?per_page=2&page=2'
    ])

    const elsewhere = clientWith([answer(200, [1], { link: '<https://evil.example/x?page=2>; rel="next"' })])
    await expect(elsewhere.client.paginate(LISTING, REPOSITORY)).rejects.toThrow(
      new GitHubAnswerUnusable(
        'refused to send the token to https://evil.example, which is not the GitHub API at https://api.github.com'
      )
    )
    expect(elsewhere.sent).toHaveLength(1)
  })

  it('never follows a redirect', async () => {
    const { client } = clientWith([answer(301, '', { location: 'https://elsewhere.example/' })])
    await expect(client.request('GET /repos/{owner}/{repo}', REPOSITORY)).rejects.toThrow(
      'HTTP 301: the GitHub API redirected to https://elsewhere.example/; the action never follows redirects, so the token stays with the API host'
    )
  })

  it('retries what the policy retries, then says how many attempts it took', async () => {
    const { client, sent } = clientWith([answer(503), answer(503), answer(503, { message: 'Service Unavailable' })])
    const failure = (await client.request('GET /user', {}).catch((error: unknown) => error)) as GitHubError
    expect(sent).toHaveLength(3)
    expect(failure).toBeInstanceOf(GitHubError)
    expect([failure.status, failure.githubMessage, failure.attempts]).toEqual([503, 'Service Unavailable', 3])
  })

  it('reports a GitHub that cannot be reached with the cause, said once', async () => {
    const { client } = clientWith([refused, refused, refused])
    await expect(client.request('GET /user', {})).rejects.toThrow(
      new GitHubUnreachable('gave up after 3 attempts: ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:1')
    )
  })

  it('gives GitHub’s message with what its errors say, without the link to the docs', async () => {
    const body = {
      message: 'Validation Failed',
      errors: [{ field: 'body', message: 'body is too long (maximum is 65536 characters)' }],
      documentation_url: 'https://docs.github.com/rest'
    }
    const { client } = clientWith([answer(422, body)])
    await expect(client.request(EDIT, { ...REPOSITORY, comment_id: 1 }, { body: { body: 'hi' } })).rejects.toThrow(
      'HTTP 422: Validation Failed: body is too long (maximum is 65536 characters)'
    )
  })

  it('sends no attempt that could finish after `notAfter`', async () => {
    const { client, sent } = clientWith([answer(200, {})])
    await expect(client.request(EDIT, { ...REPOSITORY, comment_id: 1 }, { notAfter: NOW + 4999 })).rejects.toThrow(
      WriteWindowClosed
    )
    expect(sent).toEqual([])
  })

  it('says when an attempt before the answer may have been applied (a 5xx, not a refused connection)', async () => {
    const applied = clientWith([answer(502), answer(200, { id: 1 })])
    expect((await applied.client.request(COMMENT, { ...REPOSITORY, issue_number: 7 })).earlierAttemptMayHaveActed).toBe(
      true
    )
    const refusedFirst = clientWith([refused, answer(200, { id: 1 })])
    expect(
      (await refusedFirst.client.request(COMMENT, { ...REPOSITORY, issue_number: 7 })).earlierAttemptMayHaveActed
    ).toBe(false)
  })

  it('does not send again a write that must not be applied twice after an attempt GitHub may have applied: it says so after the wait', async () => {
    const { client, sent, waits } = clientWith([answer(502), answer(201, { id: 1 })])
    await expect(
      client.request(COMMENT, { ...REPOSITORY, issue_number: 7 }, { lookBeforeResending: true })
    ).rejects.toThrow(new WriteMayHaveLanded('HTTP 502', NOW))
    expect(sent).toHaveLength(1)
    expect(waits).toHaveLength(1)

    // With no retries, the last attempt is the one to look for.
    const once = clientWith([answer(502)], undefined, 0)
    await expect(
      once.client.request(COMMENT, { ...REPOSITORY, issue_number: 7 }, { lookBeforeResending: true })
    ).rejects.toThrow(new WriteMayHaveLanded('HTTP 502', NOW))
  })

  it('sends such a write again when its attempt cannot have reached GitHub', async () => {
    const { client, sent } = clientWith([refused, answer(201, { id: 1 })])
    expect(
      (await client.request(COMMENT, { ...REPOSITORY, issue_number: 7 }, { lookBeforeResending: true })).status
    ).toBe(201)
    expect(sent).toHaveLength(2)
  })

  it('names when an attempt that may have been applied ended, when no retry fits before `notAfter`', async () => {
    const { client } = clientWith([answer(502), answer(200, {})])
    const failure = await client
      .request(
        'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
        { ...REPOSITORY, comment_id: 1 },
        { notAfter: NOW + 5500 }
      )
      .catch((error: unknown) => error)
    expect(failure).toEqual(new WriteWindowClosed(NOW))
    expect((failure as WriteWindowClosed).unsureEndedAt).toBe(NOW)
  })

  it('asks GraphQL beside the REST API, and throws its errors', async () => {
    const { client, sent } = clientWith([
      answer(200, { data: { viewer: { login: 'my-app[bot]' } } }),
      answer(200, { errors: [{ message: 'Something went wrong' }] })
    ])
    expect(await client.graphql(VIEWER_LOGIN_QUERY, {})).toEqual({ viewer: { login: 'my-app[bot]' } })
    expect(sent[0]?.url).toBe('https://api.github.com/graphql')
    await expect(client.graphql(VIEWER_LOGIN_QUERY, {})).rejects.toThrow('HTTP 200: Something went wrong')
  })

  it('throws GraphQL errors with the data GitHub gave beside them', async () => {
    const errors = [{ type: 'NOT_FOUND', path: ['repository', 'n5'], message: 'Could not resolve' }]
    const { client } = clientWith([answer(200, { data: { repository: { n5: null } }, errors })])
    await expect(client.graphql(VIEWER_LOGIN_QUERY, {})).rejects.toMatchObject({
      name: 'GraphQLErrors',
      errors,
      data: { repository: { n5: null } }
    })
  })

  it.each([
    ['https://api.github.com', 'https://api.github.com/graphql'],
    ['https://ghe.example.com/api/v3', 'https://ghe.example.com/api/graphql'],
    ['http://127.0.0.1:4011', 'http://127.0.0.1:4011/graphql']
  ])('finds GraphQL beside %s', (apiUrl, graphql) => {
    expect(graphqlPath(apiUrl)).toBe(graphql)
  })
})

describe("GitHub's rate limits", () => {
  const secondary = {
    message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'
  }

  it.each([
    ['a secondary limit with retry-after', answer(403, secondary, { 'retry-after': '30' }), 30_000],
    ['a secondary limit that says nothing more', answer(429, secondary), 60_000],
    [
      'a used-up limit, until it resets',
      answer(
        403,
        { message: 'API rate limit exceeded' },
        { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW / 1000 + 120) }
      ),
      121_000
    ]
  ])('waits out %s, without using up the retries', async (_what, limited, wait) => {
    const { client, waits, log } = clientWith([limited, answer(503), answer(503), answer(200, {})])
    await client.request(COMMENT, { ...REPOSITORY, issue_number: 7 }, { body: { body: 'hi' } })
    expect(waits[0]).toBe(wait)
    expect(waits).toHaveLength(3)
    expect(log[0]).toMatch(
      /^GitHub POST \/repos\/a\/b\/issues\/7\/comments: .*rate limit.*; waiting \d+\.0 s as asked \(wait 1 of at most 5\)$/
    )
  })

  it('fails at once with a limit that resets beyond the wait it allows', async () => {
    const reset = String(NOW / 1000 + 3600)
    const { client, waits } = clientWith([
      answer(403, { message: 'API rate limit exceeded' }, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset })
    ])
    const failure = (await client.request('GET /user', {}).catch((error: unknown) => error)) as GitHubError
    expect(failure.status).toBe(403)
    expect(failure.headers['x-ratelimit-reset']).toBe(reset)
    expect(waits).toEqual([])
  })

  it('treats a 403 that is no rate limit as final', async () => {
    const { client, waits } = clientWith([answer(403, { message: 'Resource not accessible by integration' })])
    await expect(client.request('GET /user', {})).rejects.toThrow('HTTP 403: Resource not accessible by integration')
    expect(waits).toEqual([])
  })
})

describe('the bounds of one GitHub call', () => {
  /** A client whose transport answers each request as `reply` says, with the clock moved by each wait. */
  function clientAnswering(reply: (request: HttpRequest, index: number) => AttemptOutcome) {
    const sent: HttpRequest[] = []
    const waits: number[] = []
    let now = NOW
    const client = createGitHubClient({
      transport: async (request) => (sent.push(request), reply(request, sent.length - 1)),
      token: 'ghs_secret',
      apiUrl: 'https://api.github.com',
      timeoutMs: 30_000,
      policy: { ...DEFAULT_RETRY_POLICY, retries: 3 },
      sleep: async (ms) => void (waits.push(ms), (now += ms)),
      random: () => 0.5,
      now: () => now,
      log: () => undefined,
      debug: () => undefined
    })
    return { client, sent, waits, advance: (ms: number) => (now += ms) }
  }
  const page = (items: unknown[], next?: string) => answer(200, items, next ? { link: `<${next}>; rel="next"` } : {})
  const secondary = { message: 'You have exceeded a secondary rate limit.' }

  it('stops a listing whose next link points back at a page already read', async () => {
    const { client, sent } = clientAnswering(() =>
      page([1], 'https://api.github.com/repos/a/b/issues/comments?per_page=100')
    )
    await expect(client.paginate(LISTING, { ...REPOSITORY, per_page: 100 })).rejects.toThrow(
      'GET /repos/a/b/issues/comments: the link to the next page points back at a page already read (page 1 of 1)'
    )
    expect(sent).toHaveLength(1)
  })

  it('stops a listing that never ends after 500 pages', async () => {
    const { client, sent } = clientAnswering((_request, index) =>
      page([index], `https://api.github.com/repos/a/b/issues/comments?page=${index + 2}`)
    )
    await expect(client.paginate(LISTING, REPOSITORY)).rejects.toThrow(
      'the listing did not end within 500 pages (500 items), the most the action reads of one'
    )
    expect(sent).toHaveLength(MAX_LISTING_PAGES)
  })

  it('stops a listing past 256 MiB read in all', async () => {
    const big = Buffer.alloc(30 * 1024 * 1024, ' ')
    const { client, sent } = clientAnswering((_request, index) => ({
      ...page([], `https://api.github.com/repos/a/b/issues/comments?page=${index + 2}`),
      body: Buffer.concat([Buffer.from('[]'), big])
    }))
    await expect(client.paginate(LISTING, REPOSITORY)).rejects.toThrow(
      "the listing's pages passed 256 MiB in all after 9 pages"
    )
    expect(sent).toHaveLength(Math.ceil(MAX_LISTING_BYTES / (30 * 1024 * 1024 + 2)))
  })

  it('stops a listing whose pages take longer than the call’s 10 minutes in all', async () => {
    const { client, sent, advance } = clientAnswering((_request, index) => {
      advance(60_000)
      return page([index], `https://api.github.com/repos/a/b/issues/comments?page=${index + 2}`)
    })
    await expect(client.paginate(LISTING, REPOSITORY)).rejects.toThrow(
      'GET /repos/a/b/issues/comments was not sent: the 10 minutes one GitHub call may take, its retries, rate-limit waits and pages included, were over'
    )
    expect(sent).toHaveLength(MAX_GITHUB_CALL_MS / 60_000)
  })

  it('gives an attempt no more than the call’s time left', async () => {
    const { client, sent, advance } = clientAnswering((_request, index) => {
      advance(590_000)
      return page([index], `https://api.github.com/repos/a/b/issues/comments?page=${index + 2}`)
    })
    await expect(client.paginate(LISTING, REPOSITORY)).rejects.toThrow('was not sent')
    expect(sent.map((request) => request.timeoutMs)).toEqual([30_000, 10_000])
  })

  it.each([
    ['0', '0'],
    ['a date in the past', 'Thu, 01 Jan 1970 00:00:00 GMT']
  ])('waits at least 1 s on a secondary limit whose Retry-After is %s, at most 5 times', async (_case, retryAfter) => {
    const { client, sent, waits } = clientAnswering(() => answer(429, secondary, { 'retry-after': retryAfter }))
    const failure = await client.request(COMMENT, { ...REPOSITORY, issue_number: 7 }, { body: { body: 'hi' } }).then(
      () => undefined,
      (error: unknown) => error as GitHubError
    )
    expect(waits).toEqual([1000, 1000, 1000, 1000, 1000])
    expect(sent).toHaveLength(6)
    expect(failure).toMatchObject({ status: 429, attempts: 6 })
    expect(describeGitHubFailure(failure, 'Writing')).toBe(
      "Writing: HTTP 429: You have exceeded a secondary rate limit.: GitHub's secondary rate limit still held (after 6 attempts; the action waits at most 5 times and 5 minutes in all); re-run later"
    )
  })

  it("waits out GraphQL's rate limit (HTTP 200, RATE_LIMITED) until its reset, then answers", async () => {
    const limited = answer(
      200,
      { errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded for user ID 1.' }] },
      { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW / 1000 + 3) }
    )
    const { client, waits } = clientAnswering((_request, index) =>
      index === 0 ? limited : answer(200, { data: { viewer: { login: 'octocat' } } })
    )
    expect(await client.graphql(VIEWER_LOGIN_QUERY, {})).toEqual({ viewer: { login: 'octocat' } })
    expect(waits).toEqual([4000])
  })

  it("says when GraphQL's rate limit resets, when it outlasts the waiting", async () => {
    const reset = NOW / 1000 + 3600
    const { client, waits } = clientAnswering(() =>
      answer(
        200,
        { errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded for user ID 1.' }] },
        { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) }
      )
    )
    const failure = await client.graphql(VIEWER_LOGIN_QUERY, {}).catch((error: unknown) => error)
    expect(waits).toEqual([])
    expect(describeGitHubFailure(failure, 'Finding whom the GitHub token acts as')).toBe(
      "Finding whom the GitHub token acts as: HTTP 200: API rate limit exceeded for user ID 1.: the token's GitHub GraphQL rate limit is used up until 2026-12-02 10:00 UTC (the action waits at most 5 times and 5 minutes in all); re-run after that"
    )
  })
})

describe("the GitHub client's mutating requests", () => {
  it('go out at least a second apart, on the retry context’s clock; reads and GraphQL queries are not held', async () => {
    const { client, sent, waits } = clientWith([
      answer(201, { id: 1 }),
      answer(200, { id: 1 }),
      answer(200, []),
      answer(200, { data: { viewer: { login: 'x' } } }),
      answer(200, { id: 1 })
    ])
    await client.request(COMMENT, { ...REPOSITORY, issue_number: 7 }, { body: { body: 'a' } })
    await client.request(EDIT, { ...REPOSITORY, comment_id: 1 }, { body: { body: 'b' } })
    await client.request(LISTING, REPOSITORY)
    await client.graphql(VIEWER_LOGIN_QUERY, {})
    await client.request(EDIT, { ...REPOSITORY, comment_id: 1 }, { body: { body: 'c' } })
    expect(sent.map((request) => request.method)).toEqual(['POST', 'PATCH', 'GET', 'POST', 'PATCH'])
    // The clock stands still but for the waits: each write after the first waits out the second.
    expect(waits).toEqual([1000, 1000])
  })

  it('asked for at once, go out in turn', async () => {
    const { client, waits } = clientWith([answer(200, { id: 1 }), answer(200, { id: 1 }), answer(200, { id: 1 })])
    await Promise.all(
      ['a', 'b', 'c'].map((body) => client.request(EDIT, { ...REPOSITORY, comment_id: 1 }, { body: { body } }))
    )
    expect(waits).toEqual([1000, 1000])
  })
})
