import type { Answer } from './answers.js'
import type { FakeGitHubState, FakeIdentity } from './model.js'

/**
 * `viewer { login }`, and the `issueOrPullRequest` fields the sweep asks for (each number given in
 * the query or as a variable), as GitHub's GraphQL answers them: a pull request's fields; `{}` for an
 * issue, which the `... on PullRequest` fragment selects nothing of; and for a number GitHub cannot
 * resolve (none, or a pull request hidden as spam or removed by its support) `null`, with a
 * `NOT_FOUND` error whose `path` names the field, beside the data of the others.
 */
export function graphql(state: FakeGitHubState, identity: FakeIdentity, body: string): Answer {
  const { query = '', variables = {} } = JSON.parse(body || '{}') as {
    query?: string
    variables?: Record<string, unknown>
  }
  const data: Record<string, unknown> = {}
  const errors: unknown[] = []
  if (/\bviewer\s*\{\s*login\s*\}/.test(query)) data.viewer = { login: identity.login }
  const fields = [...query.matchAll(/(\w+): issueOrPullRequest\(number: (?:(\d+)|\$(\w+))\)/g)]
  const missing = fields.find(
    ([, , literal, variable = '']) => literal === undefined && !Number.isInteger(variables[variable])
  )
  if (missing) {
    const message = `Variable $${missing[3]} of type Int! was provided invalid value`
    return { status: 200, body: { errors: [{ message }] } }
  }
  if (fields.length > 0) {
    data.repository = Object.fromEntries(
      fields.map(({ 1: alias = '', 2: literal, 3: variable = '', index }) => {
        const number = Number(literal ?? variables[variable])
        const pull = state.pullRequests.get(number)
        if (pull) {
          const stateName = pull.merged ? 'MERGED' : pull.state === 'closed' ? 'CLOSED' : 'OPEN'
          return [alias, { number, state: stateName, headRefOid: pull.head }]
        }
        if (state.issues.has(number)) return [alias, {}]
        errors.push({
          type: 'NOT_FOUND',
          path: ['repository', alias],
          locations: [{ line: 1, column: index + 1 }],
          message: `Could not resolve to an issue or pull request with the number of ${number}.`
        })
        return [alias, null]
      })
    )
  }
  if (Object.keys(data).length === 0) return { status: 200, body: { errors: [{ message: 'unknown query' }] } }
  return { status: 200, body: errors.length > 0 ? { data, errors } : { data } }
}
