import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { startFakeGitHub, type RunningFakeGitHub } from '../../simulator/github/server.js'
import { pullRequestsQuery } from '../../src/github/github-queries.js'

let github: RunningFakeGitHub
beforeEach(async () => {
  github = await startFakeGitHub({
    tokens: {
      app: { login: 'github-actions[bot]', kind: 'app' },
      user: { login: 'octo', kind: 'user' },
      reader: { login: 'github-actions[bot]', kind: 'app', canWrite: false }
    },
    pullRequests: { 7: { head: 'abc' } }
  })
})
afterEach(() => github.close())

const call = async (token: string, method: string, path: string, body?: unknown) => {
  const response = await fetch(`${github.apiUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body)
  })
  const text = await response.text()
  return {
    status: response.status,
    link: response.headers.get('link'),
    date: response.headers.get('date'),
    json: text ? (JSON.parse(text) as unknown) : undefined
  }
}

describe('the fake GitHub API', () => {
  it('refuses an unknown token', async () => {
    expect(await call('nobody', 'GET', '/user')).toMatchObject({ status: 401, json: { message: 'Bad credentials' } })
  })

  it("shows a user's token its user, and refuses an app token, as GitHub does", async () => {
    expect((await call('user', 'GET', '/user')).json).toMatchObject({ login: 'octo' })
    expect(await call('app', 'GET', '/user')).toMatchObject({
      status: 403,
      json: { message: 'Resource not accessible by integration' }
    })
  })

  it("gives a pull request's head, and 404 for an unknown one", async () => {
    expect((await call('app', 'GET', '/repos/a/b/pulls/7')).json).toMatchObject({ head: { sha: 'abc' } })
    expect((await call('app', 'GET', '/repos/a/b/pulls/8')).status).toBe(404)
  })

  it('lists comments page by page with Link headers', async () => {
    for (let index = 0; index < 5; index++) github.addComment(7, 'someone', `c${index}`, 'a/b')
    const first = await call('app', 'GET', '/repos/a/b/issues/7/comments?per_page=2')
    expect((first.json as Array<{ body: string }>).map((comment) => comment.body)).toEqual(['c0', 'c1'])
    expect(first.link).toBe(
      `<${github.apiUrl}/repos/a/b/issues/7/comments?per_page=2&page=2>; rel="next", <${github.apiUrl}/repos/a/b/issues/7/comments?per_page=2&page=3>; rel="last"`
    )
    const last = await call('app', 'GET', '/repos/a/b/issues/7/comments?per_page=2&page=3')
    expect(last).toMatchObject({ link: null, json: [{ body: 'c4' }] })
  })

  describe("a repository's comments, in GitHub's order", () => {
    const T = Date.parse('2026-03-01T10:00:00Z')
    beforeEach(() => {
      // Created a, b, c; updated c, a, b.
      github.addComment(7, 'someone', 'a', 'a/b', T + 2)
      github.addComment(7, 'someone', 'b', 'a/b', T + 3)
      github.addComment(7, 'someone', 'c', 'a/b', T + 1)
    })
    const bodies = async (query: string) =>
      ((await call('app', 'GET', `/repos/a/b/issues/comments?${query}`)).json as Array<{ body: string }>).map(
        (comment) => comment.body
      )

    it.each([
      ['', ['a', 'b', 'c']],
      ['direction=desc', ['a', 'b', 'c']],
      ['sort=created&direction=asc', ['a', 'b', 'c']],
      ['sort=created', ['c', 'b', 'a']],
      ['sort=updated&direction=asc', ['c', 'a', 'b']],
      ['sort=updated', ['b', 'a', 'c']]
    ])(
      '%s: %j (sort is created unless given; direction counts only with sort, desc unless asc)',
      async (query, order) => {
        expect(await bodies(query)).toEqual(order)
      }
    )

    const pagesOfOne = async (query: string, updatedAfterPageOne: string) => {
      const comment = github.commentsOn(7, 'a/b').find((candidate) => candidate.body === updatedAfterPageOne)
      github.faults.updateWhileListing = { commentId: comment!.id, afterPages: 1 }
      const read: string[] = []
      for (const page of [1, 2, 3]) read.push(...(await bodies(`${query}&per_page=1&page=${page}`)))
      return read
    }

    it('moves a comment updated while a listing sorted by updated is read: one not yet read slips onto a page already read', async () => {
      expect(await pagesOfOne('sort=updated&direction=asc', 'c')).toEqual(['c', 'b', 'c'])
    })

    it('keeps the order of creation whatever is updated meanwhile', async () => {
      expect(await pagesOfOne('sort=created&direction=asc', 'a')).toEqual(['a', 'b', 'c'])
    })
  })

  it('creates, updates and deletes a comment for its author only', async () => {
    const created = await call('app', 'POST', '/repos/a/b/issues/7/comments', { body: 'hello' })
    expect(created).toMatchObject({
      status: 201,
      json: { body: 'hello', user: { login: 'github-actions[bot]', type: 'Bot' } }
    })
    const id = (created.json as { id: number }).id
    expect((await call('user', 'PATCH', `/repos/a/b/issues/comments/${id}`, { body: 'mine now' })).status).toBe(403)
    expect((await call('app', 'PATCH', `/repos/a/b/issues/comments/${id}`, { body: 'edited' })).json).toMatchObject({
      body: 'edited'
    })
    expect((await call('app', 'DELETE', `/repos/a/b/issues/comments/${id}`)).status).toBe(204)
    expect(github.commentsOn(7, 'a/b')).toEqual([])
    expect((await call('app', 'DELETE', `/repos/a/b/issues/comments/${id}`)).status).toBe(404)
  })

  it('refuses every write to a token without write permission, and plays faults', async () => {
    expect((await call('reader', 'POST', '/repos/a/b/issues/7/comments', { body: 'x' })).status).toBe(403)
    github.faults.serverErrors = { times: 1, status: 503, retryAfter: '2' }
    expect((await call('app', 'GET', '/user')).status).toBe(503)
    github.faults.comments = { status: 403, message: 'Resource not accessible by integration' }
    expect((await call('app', 'GET', '/repos/a/b/issues/7/comments')).status).toBe(403)
  })

  it('applies a write and answers it with a 5xx all the same, for as many writes as asked', async () => {
    github.faults.appliedServerErrors = { times: 2 }
    expect((await call('app', 'GET', '/repos/a/b/issues/7/comments')).status).toBe(200)
    expect((await call('app', 'POST', '/repos/a/b/issues/7/comments', { body: 'made' })).status).toBe(502)
    expect((await call('app', 'POST', '/repos/a/b/issues/7/reactions', { content: 'eyes' })).status).toBe(502)
    const again = await call('app', 'POST', '/repos/a/b/issues/7/reactions', { content: 'eyes' })
    expect(again.status).toBe(200)
    expect(github.commentsOn(7, 'a/b').map((comment) => comment.body)).toEqual(['made'])
    expect(github.reactions).toHaveLength(1)
    github.faults.appliedServerErrors = { times: 1, only: 'comments' }
    expect((await call('app', 'POST', '/repos/a/b/issues/7/reactions', { content: 'heart' })).status).toBe(201)
    expect((await call('app', 'POST', '/repos/a/b/issues/7/comments', { body: 'again' })).status).toBe(502)
  })

  it('skews every answer’s Date header as asked, or leaves it out', async () => {
    const skewed = (date: string | null) => Date.parse(date ?? '') - Date.now()
    expect(Math.abs(skewed((await call('app', 'GET', '/user')).date))).toBeLessThan(5000)
    github.faults.date = { skewMs: 600_000 }
    expect(skewed((await call('app', 'GET', '/user')).date)).toBeGreaterThan(590_000)
    github.faults.date = { skewMs: -600_000 }
    expect(skewed((await call('app', 'GET', '/user')).date)).toBeLessThan(-590_000)
    github.faults.date = 'omitted'
    expect((await call('app', 'GET', '/user')).date).toBeNull()
  })

  it('names whom every kind of token acts as through GraphQL', async () => {
    const viewer = (token: string) => call(token, 'POST', '/graphql', { query: 'query { viewer { login } }' })
    expect((await viewer('app')).json).toEqual({ data: { viewer: { login: 'github-actions[bot]' } } })
    expect((await viewer('user')).json).toEqual({ data: { viewer: { login: 'octo' } } })
  })

  it('answers the state of several numbers in one query as GitHub does: a pull request, an issue, and null with NOT_FOUND', async () => {
    github.issues.add(8)
    const query =
      'query { repository(owner: "a", name: "b") { n7: issueOrPullRequest(number: 7) { ... on PullRequest { number state headRefOid } } ' +
      'n8: issueOrPullRequest(number: 8) { ... on PullRequest { number } } n9: issueOrPullRequest(number: 9) { ... on PullRequest { number } } } }'
    expect((await call('app', 'POST', '/graphql', { query })).json).toEqual({
      data: { repository: { n7: { number: 7, state: 'OPEN', headRefOid: 'abc' }, n8: {}, n9: null } },
      errors: [
        {
          type: 'NOT_FOUND',
          path: ['repository', 'n9'],
          locations: [{ line: 1, column: query.indexOf('n9:') + 1 }],
          message: 'Could not resolve to an issue or pull request with the number of 9.'
        }
      ]
    })
  })

  it("answers the action's query of pull requests, with each number as a variable", async () => {
    github.issues.add(8)
    const query = pullRequestsQuery(2)
    const asked = await call('app', 'POST', '/graphql', { query, variables: { owner: 'a', name: 'b', n0: 7, n1: 8 } })
    expect(asked.json).toEqual({
      data: { repository: { n0: { number: 7, state: 'OPEN', headRefOid: 'abc' }, n1: {} } }
    })
    const missing = await call('app', 'POST', '/graphql', { query, variables: { owner: 'a', name: 'b', n0: 7 } })
    expect(missing.json).toEqual({ errors: [{ message: 'Variable $n1 of type Int! was provided invalid value' }] })
  })

  it('answers 201 for a new reaction and 200 for one the same identity already left; another identity has its own', async () => {
    const created = await call('app', 'POST', '/repos/a/b/issues/7/reactions', { content: 'eyes' })
    expect(created.status).toBe(201)
    const again = await call('app', 'POST', '/repos/a/b/issues/7/reactions', { content: 'eyes' })
    expect(again).toMatchObject({ status: 200, json: { id: (created.json as { id: number }).id } })
    expect((await call('user', 'POST', '/repos/a/b/issues/7/reactions', { content: 'eyes' })).status).toBe(201)
    const id = (created.json as { id: number }).id
    expect((await call('app', 'DELETE', `/repos/a/b/issues/7/reactions/${id}`)).status).toBe(204)
    expect((await call('app', 'DELETE', `/repos/a/b/issues/7/reactions/${id}`)).status).toBe(404)
  })

  it('refuses writes on a locked conversation, and bodies over 65,536 characters', async () => {
    expect(
      (await call('app', 'POST', '/repos/a/b/issues/7/comments', { body: 'x'.repeat(65_537) })).json
    ).toMatchObject({
      message: 'Validation Failed',
      errors: [{ message: 'body is too long (maximum is 65536 characters)' }]
    })
    github.pullRequests.set(7, { head: 'abc', locked: true })
    expect(await call('app', 'POST', '/repos/a/b/issues/7/comments', { body: 'x' })).toMatchObject({
      status: 403,
      json: { message: 'Unable to create comment because issue is locked.' }
    })
  })

  it("lists a pull request's comments changed since a time, and answers one comment by its id", async () => {
    github.addComment(7, 'someone', 'old', 'a/b', Date.parse('2026-01-01T00:00:00Z'))
    const recent = github.addComment(7, 'someone', 'new', 'a/b', Date.parse('2026-06-01T00:00:00.400Z'))
    const listed = await call('app', 'GET', '/repos/a/b/issues/7/comments?since=2026-06-01T00:00:00Z&per_page=100')
    expect((listed.json as Array<{ body: string }>).map((comment) => comment.body)).toEqual(['new'])
    expect((await call('app', 'GET', `/repos/a/b/issues/comments/${recent.id}`)).json).toMatchObject({ body: 'new' })
    expect((await call('app', 'GET', '/repos/a/b/issues/comments/999999')).status).toBe(404)
  })

  it("lists the repository's comments updated since a time, oldest change first", async () => {
    github.addComment(7, 'someone', 'old', 'a/b', Date.parse('2026-01-01T00:00:00Z'))
    github.addComment(8, 'someone', 'new', 'a/b', Date.parse('2026-06-01T00:00:00Z'))
    const listed = await call('app', 'GET', '/repos/a/b/issues/comments?since=2026-03-01T00:00:00Z&per_page=100')
    expect(
      (listed.json as Array<{ body: string; issue_url: string }>).map((comment) => [comment.body, comment.issue_url])
    ).toEqual([['new', `${github.apiUrl}/repos/a/b/issues/8`]])
  })

  it('plays rate limits, and holds a write back until the test lets it be applied', async () => {
    github.faults.secondaryRateLimit = { times: 1, retryAfter: '7' }
    const limited = await fetch(`${github.apiUrl}/repos/a/b/issues/7/comments`, {
      method: 'POST',
      headers: { authorization: 'Bearer app' },
      body: JSON.stringify({ body: 'x' })
    })
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([403, '7'])
    const held = github.holdNextWrite('POST')
    const writing = call('app', 'POST', '/repos/a/b/issues/7/comments', { body: 'late' })
    const write = await held
    expect(github.commentsOn(7, 'a/b')).toEqual([])
    write.release()
    expect((await writing).status).toBe(201)
    expect(github.commentsOn(7, 'a/b').map((comment) => comment.body)).toEqual(['late'])
  })

  it('plays a secondary limit on GraphQL as 429 with a Retry-After of 0, and leaves writes alone when told', async () => {
    github.faults.secondaryRateLimit = { times: 1, retryAfter: '0', status: 429, on: 'graphql' }
    expect((await call('app', 'POST', '/repos/a/b/issues/7/comments', { body: 'x' })).status).toBe(201)
    const limited = await fetch(`${github.apiUrl}/graphql`, {
      method: 'POST',
      headers: { authorization: 'Bearer app' },
      body: JSON.stringify({ query: 'query { viewer { login } }' })
    })
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '0'])
  })

  it("plays GraphQL's used-up limit: HTTP 200, RATE_LIMITED, nothing remaining, until the reset", async () => {
    const resetAt = Date.now() + 60_000
    github.faults.graphqlRateLimit = { resetAt }
    const response = await fetch(`${github.apiUrl}/graphql`, {
      method: 'POST',
      headers: { authorization: 'Bearer app' },
      body: JSON.stringify({ query: 'query { viewer { login } }' })
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('x-ratelimit-remaining')).toBe('0')
    expect(response.headers.get('x-ratelimit-reset')).toBe(String(Math.ceil(resetAt / 1000)))
    expect(await response.json()).toMatchObject({ errors: [{ type: 'RATE_LIMITED' }] })
    github.faults.graphqlRateLimit = { resetAt: Date.now() - 1 }
    expect((await call('app', 'POST', '/graphql', { query: 'query { viewer { login } }' })).json).toEqual({
      data: { viewer: { login: 'github-actions[bot]' } }
    })
  })

  it.each([
    ['same page', 'per_page=2', 'per_page=2'],
    ['endless', 'per_page=2&page=7', 'per_page=2&page=8']
  ])('plays a listing that never ends: %s', async (endless, query, next) => {
    for (let index = 0; index < 3; index++) github.addComment(7, 'someone', `c${index}`, 'a/b')
    github.faults.endlessListing = endless as 'same page' | 'endless'
    const page = await call('app', 'GET', `/repos/a/b/issues/7/comments?${query}`)
    expect((page.json as Array<{ body: string }>).map((comment) => comment.body)).toEqual(['c0', 'c1'])
    expect(page.link).toBe(`<${github.apiUrl}/repos/a/b/issues/7/comments?${next}>; rel="next"`)
  })
})
