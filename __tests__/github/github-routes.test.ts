import { describe, expect, it } from '@jest/globals'
import { routeRequest, type RestRoute } from '../../src/github/github-routes.js'

describe('a call of a GitHub route', () => {
  it.each<[RestRoute, object, { method: string; path: string }]>([
    ['GET /user', {}, { method: 'GET', path: '/user' }],
    [
      'GET /repos/{owner}/{repo}/pulls/{pull_number}',
      { owner: 'acme', repo: 'renders', pull_number: 7 },
      { method: 'GET', path: '/repos/acme/renders/pulls/7' }
    ],
    [
      'DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions/{reaction_id}',
      { owner: 'acme', repo: 'my.repo_1', comment_id: 12, reaction_id: 34 },
      { method: 'DELETE', path: '/repos/acme/my.repo_1/issues/comments/12/reactions/34' }
    ],
    [
      'GET /repos/{owner}/{repo}/issues/comments',
      { owner: 'acme', repo: 'renders', since: '2026-03-01T00:00:00Z', sort: 'updated', per_page: 100 },
      {
        method: 'GET',
        path: '/repos/acme/renders/issues/comments?since=2026-03-01T00%3A00%3A00Z&sort=updated&per_page=100'
      }
    ],
    [
      'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
      { owner: 'a b', repo: '../c', issue_number: 5, page: undefined },
      { method: 'GET', path: '/repos/a%20b/..%2Fc/issues/5/comments' }
    ]
  ])('%s with %j is %j', (route, parameters, expected) => {
    expect(routeRequest(route, parameters)).toEqual(expected)
  })

  it.each([
    [
      'a path parameter that is missing',
      { owner: 'acme' },
      'parameter repo must be a string, number or boolean, not undefined'
    ],
    [
      'a parameter that is an object',
      { owner: 'acme', repo: 'renders', per_page: {} },
      'parameter per_page must be a string, number or boolean, not object'
    ]
  ])('refuses %s', (_what, parameters, message) => {
    expect(() => routeRequest('GET /repos/{owner}/{repo}/issues/comments', parameters)).toThrow(
      `GET /repos/{owner}/{repo}/issues/comments: ${message}`
    )
  })
})
