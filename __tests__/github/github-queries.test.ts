import { describe, expect, it } from '@jest/globals'
import { validate } from '@octokit/graphql-schema'
import * as queries from '../../src/github/github-queries.js'

const { PULL_REQUESTS_PER_QUERY, pullRequestsQuery, VIEWER_LOGIN_QUERY } = queries

/**
 * Every query the action can send, by the export of github-queries.ts it comes from: a query
 * builder is taken at every size it allows.
 */
const SENT: Record<string, string[]> = {
  VIEWER_LOGIN_QUERY: [VIEWER_LOGIN_QUERY],
  pullRequestsQuery: Array.from({ length: PULL_REQUESTS_PER_QUERY }, (_, index) => pullRequestsQuery(index + 1))
}
/** The module's other exports, none of them a query. */
const NOT_QUERIES = ['PULL_REQUESTS_PER_QUERY', 'pullRequestAlias']

describe("the GraphQL queries, against GitHub's published schema", () => {
  it.each(Object.entries(SENT).flatMap(([name, texts]) => texts.map((text, index) => [name, index + 1, text])))(
    '%s (%d) is valid',
    (_name, _size, text) => {
      expect(validate(text as string).map((error) => error.message)).toEqual([])
    }
  )

  it('has every export of the module checked above, so a new query cannot go unchecked', () => {
    expect(Object.keys(queries).sort()).toEqual([...Object.keys(SENT), ...NOT_QUERIES].sort())
  })

  it('tells an invalid query apart (the check can fail)', () => {
    expect(validate('query { viewer { login headRefOid } }').map((error) => error.message)).toEqual([
      'Cannot query field "headRefOid" on type "User".'
    ])
  })

  it('asks about 1 to PULL_REQUESTS_PER_QUERY pull requests, each under its alias', () => {
    expect(pullRequestsQuery(2)).toBe(
      'query($owner: String!, $name: String!, $n0: Int!, $n1: Int!) { repository(owner: $owner, name: $name) { ' +
        'n0: issueOrPullRequest(number: $n0) { ... on PullRequest { number state headRefOid } } ' +
        'n1: issueOrPullRequest(number: $n1) { ... on PullRequest { number state headRefOid } } } }'
    )
    for (const count of [0, PULL_REQUESTS_PER_QUERY + 1, 1.5]) {
      expect(() => pullRequestsQuery(count)).toThrow(
        `a query asks about 1 to ${PULL_REQUESTS_PER_QUERY} pull requests, not ${count}`
      )
    }
  })
})
