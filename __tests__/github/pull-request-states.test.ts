import { describe, expect, it } from '@jest/globals'
import type { GitHubClient } from '../../src/github/github-client.js'
import { GraphQLErrors, type GraphQLErrorItem } from '../../src/github/github-errors.js'
import { restGitHubApi } from '../../src/github/rest-github-api.js'

const pull = (number: number, state = 'CLOSED') => ({ number, state, headRefOid: 'a'.repeat(40) })
/** GitHub's error for the field `alias` (`n0`, `n1`…, by place in the query), asking about `number`. */
const notFound = (alias: string, number = 5): GraphQLErrorItem => ({
  type: 'NOT_FOUND',
  path: ['repository', alias],
  message: `Could not resolve to an issue or pull request with the number of ${number}.`
})

/** The API over a client whose GraphQL answers each query with the next of `answers`. */
function apiAnswering(...answers: Array<Record<string, unknown> | GraphQLErrors>) {
  const queries: string[] = []
  const client = {
    graphql: async (query: string) => {
      queries.push(query)
      const answer = answers.shift()
      if (answer === undefined) throw new Error('no more answers')
      if (answer instanceof GraphQLErrors) throw answer
      return answer
    }
  } as unknown as GitHubClient
  return { api: restGitHubApi(client, 'acme/renders'), queries }
}

describe('pullRequests', () => {
  it('reads pull requests, leaves issues out, and names the numbers GitHub could not resolve', async () => {
    const { api } = apiAnswering(
      new GraphQLErrors([notFound('n1', 5)], { repository: { n0: pull(4, 'MERGED'), n1: null, n2: {} } }, {})
    )
    const states = await api.pullRequests([4, 5, 6])
    expect([...states.found.keys()]).toEqual([4])
    expect(states.found.get(4)).toMatchObject({ open: false, merged: true })
    expect(states.unresolved).toEqual([5])
  })

  it('asks 50 at a time, and gathers what each query could not resolve', async () => {
    const numbers = Array.from({ length: 60 }, (_, index) => index + 1)
    const repository = (from: number, to: number) =>
      Object.fromEntries(numbers.slice(from, to).map((number, index) => [`n${index}`, pull(number)]))
    const { api, queries } = apiAnswering(
      new GraphQLErrors([notFound('n2', 3)], { repository: { ...repository(0, 50), n2: null } }, {}),
      new GraphQLErrors(
        [notFound('n4', 55), notFound('n9', 60)],
        { repository: { ...repository(50, 60), n4: null, n9: null } },
        {}
      )
    )
    const states = await api.pullRequests(numbers)
    expect(queries).toHaveLength(2)
    expect(states.unresolved).toEqual([3, 55, 60])
    expect(states.found.size).toBe(57)
  })

  it.each([
    ['an error of another type', [{ type: 'FORBIDDEN', path: ['repository', 'n0'], message: 'no' }], { n0: null }],
    ['a NOT_FOUND without a path', [{ type: 'NOT_FOUND', message: 'Could not resolve' }], { n0: null }],
    ['a NOT_FOUND on the repository', [{ type: 'NOT_FOUND', path: ['repository'], message: 'no repo' }], { n0: null }],
    ['a NOT_FOUND for a field not asked for', [notFound('n9')], { n0: pull(5) }],
    ['a NOT_FOUND beside data for the field', [notFound('n0')], { n0: pull(5) }]
  ])('still fails on %s', async (_what, errors, repository) => {
    const { api } = apiAnswering(new GraphQLErrors(errors, { repository }, {}))
    await expect(api.pullRequests([5])).rejects.toThrow(GraphQLErrors)
  })

  it('still fails when GitHub gave no repository beside its errors', async () => {
    const { api } = apiAnswering(new GraphQLErrors([notFound('n0')], { repository: null }, {}))
    await expect(api.pullRequests([5])).rejects.toThrow('Could not resolve to an issue or pull request')
  })
})
