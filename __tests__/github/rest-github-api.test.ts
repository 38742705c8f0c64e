import { describe, expect, it } from '@jest/globals'
import type { GitHubApi } from '../../src/github/github-api.js'
import { createGitHubClient } from '../../src/github/github-client.js'
import { restGitHubApi } from '../../src/github/rest-github-api.js'
import { DEFAULT_RETRY_POLICY } from '../../src/http/retry-policy.js'
import type { AttemptOutcome, HttpRequest } from '../../src/http/transport.js'

const COMMENT = {
  id: 11,
  body: 'records',
  user: { login: 'github-actions[bot]' },
  html_url: 'https://github.com/acme/renders/pull/7#issuecomment-11',
  updated_at: '2026-03-01T10:00:00Z',
  issue_url: 'https://api.github.com/repos/acme/renders/issues/7'
}
const REACTION = { id: 21, content: 'eyes', created_at: '2026-03-01T10:00:00Z' }

/** The API over a client whose transport answers each call as GitHub would, and keeps what was sent. */
function apiWith(reply: (request: HttpRequest) => { status: number; body?: unknown }) {
  const sent: HttpRequest[] = []
  const client = createGitHubClient({
    transport: async (request): Promise<AttemptOutcome> => {
      sent.push(request)
      const { status, body } = reply(request)
      return {
        kind: 'answer',
        status,
        statusText: '',
        headers: { date: 'Sun, 01 Mar 2026 10:00:05 GMT' },
        body: Buffer.from(body === undefined ? '' : JSON.stringify(body))
      }
    },
    token: 'ghs_secret',
    apiUrl: 'https://api.github.com',
    timeoutMs: 5000,
    policy: { ...DEFAULT_RETRY_POLICY, retries: 0 },
    sleep: async () => undefined,
    random: () => 0.5,
    now: () => 0,
    log: () => undefined,
    debug: () => undefined
  })
  return { api: restGitHubApi(client, 'acme/renders'), sent }
}

describe("the action's GitHub calls, as they go out", () => {
  it.each<[string, string, (api: GitHubApi) => Promise<unknown>, unknown]>([
    ['viewerLogin', 'POST /graphql', (api) => api.viewerLogin(), 'github-actions[bot]'],
    [
      'listComments',
      'GET /repos/acme/renders/issues/7/comments?per_page=100',
      (api) => api.listComments(7),
      [expect.objectContaining({ id: 11, issue: 7, author: 'github-actions[bot]' })]
    ],
    [
      'listComments since a time',
      'GET /repos/acme/renders/issues/7/comments?since=2026-03-01T00%3A00%3A00Z&per_page=100',
      (api) => api.listComments(7, '2026-03-01T00:00:00Z'),
      [expect.objectContaining({ id: 11 })]
    ],
    [
      'getComment',
      'GET /repos/acme/renders/issues/comments/11',
      (api) => api.getComment(11),
      expect.objectContaining({ id: 11, body: 'records', author: 'github-actions[bot]' })
    ],
    [
      'listRepositoryComments',
      'GET /repos/acme/renders/issues/comments?since=2026-03-01T00%3A00%3A00Z&sort=created&direction=asc&per_page=100',
      (api) => api.listRepositoryComments('2026-03-01T00:00:00Z'),
      [expect.objectContaining({ id: 11 })]
    ],
    [
      'createComment',
      'POST /repos/acme/renders/issues/7/comments',
      (api) => api.createComment(7, 'records'),
      expect.objectContaining({ id: 11, body: 'records' })
    ],
    [
      'updateComment',
      'PATCH /repos/acme/renders/issues/comments/11',
      (api) => api.updateComment(11, 'records'),
      expect.objectContaining({ id: 11, updatedAt: '2026-03-01T10:00:00Z' })
    ],
    ['deleteComment', 'DELETE /repos/acme/renders/issues/comments/11', (api) => api.deleteComment(11), undefined],
    [
      'pullRequest',
      'GET /repos/acme/renders/pulls/7',
      (api) => api.pullRequest(7),
      { number: 7, open: true, merged: false, head: 'abc' }
    ],
    [
      'pullRequests',
      'POST /graphql',
      (api) => api.pullRequests([7]),
      { found: new Map([[7, { number: 7, open: false, merged: true, head: 'abc' }]]), unresolved: [] }
    ],
    [
      'addReaction on a comment',
      'POST /repos/acme/renders/issues/comments/11/reactions',
      (api) => api.addReaction({ comment: 11 }, 'eyes'),
      {
        created: true,
        reactionId: 21,
        createdAt: '2026-03-01T10:00:00Z',
        serverTime: Date.UTC(2026, 2, 1, 10, 0, 5),
        earlierAttemptMayHaveActed: false
      }
    ],
    [
      'addReaction on a pull request',
      'POST /repos/acme/renders/issues/7/reactions',
      (api) => api.addReaction({ issue: 7 }, 'eyes'),
      expect.objectContaining({ created: true, reactionId: 21 })
    ],
    [
      'deleteReaction on a comment',
      'DELETE /repos/acme/renders/issues/comments/11/reactions/21',
      (api) => api.deleteReaction({ comment: 11 }, 21),
      undefined
    ],
    [
      'deleteReaction on a pull request',
      'DELETE /repos/acme/renders/issues/7/reactions/21',
      (api) => api.deleteReaction({ issue: 7 }, 21),
      undefined
    ]
  ])('%s sends %s', async (_call, line, call, result) => {
    const { api, sent } = apiWith(({ method, url }) => {
      if (url.endsWith('/graphql')) {
        return {
          status: 200,
          body: {
            data: {
              viewer: { login: 'github-actions[bot]' },
              repository: { n0: { number: 7, state: 'MERGED', headRefOid: 'abc' } }
            }
          }
        }
      }
      if (method === 'DELETE') return { status: 204 }
      if (url.includes('/pulls/')) return { status: 200, body: { state: 'open', merged: false, head: { sha: 'abc' } } }
      if (url.includes('/reactions')) return { status: 201, body: REACTION }
      return { status: method === 'POST' ? 201 : 200, body: url.includes('?') ? [COMMENT] : COMMENT }
    })

    expect(await call(api)).toEqual(result)
    expect(sent.map(({ method, url }) => `${method} ${url.replace('https://api.github.com', '')}`)).toEqual([line])
  })

  it('reads a comment GitHub no longer has as none', async () => {
    const { api } = apiWith(() => ({ status: 404, body: { message: 'Not Found' } }))
    expect(await api.getComment(11)).toBeUndefined()
  })

  it('asks about pull requests by variables, 50 to a query', async () => {
    const { api, sent } = apiWith(() => ({ status: 200, body: { data: { repository: {} } } }))
    const numbers = Array.from({ length: 51 }, (_, index) => index + 1)
    expect(await api.pullRequests(numbers)).toEqual({ found: new Map(), unresolved: [] })

    const bodies = sent.map((request) => JSON.parse(request.body ?? '') as { variables: Record<string, unknown> })
    expect(bodies.map(({ variables }) => Object.keys(variables).length)).toEqual([52, 3])
    expect(bodies[1]?.variables).toEqual({ owner: 'acme', name: 'renders', n0: 51 })
  })

  it('refuses a reply that does not hold what GitHub promises', async () => {
    const { api } = apiWith(() => ({ status: 200, body: [null, 'comment'] }))
    await expect(api.listComments(7)).rejects.toThrow('GitHub answered with a comment that has no id or address')
    const empty = apiWith(() => ({ status: 201 }))
    await expect(empty.api.addReaction({ issue: 7 }, 'eyes')).rejects.toThrow(
      'GitHub answered a reaction without its id and time'
    )
  })
})
