import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { startFakeGitHub, type RunningFakeGitHub } from '../../simulator/github/server.js'

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
})
