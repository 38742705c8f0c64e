import type { Answer } from './answers.js'
import type { FakeGitHubState, FakeIdentity } from './model.js'

/**
 * `viewer { login }`, and the `issueOrPullRequest` fields the sweep asks for (each number given in
 * the query or as a variable), as GitHub's GraphQL answers them.
 */
export function graphql(state: FakeGitHubState, identity: FakeIdentity, body: string): Answer {
  const { query = '', variables = {} } = JSON.parse(body || '{}') as {
    query?: string
    variables?: Record<string, unknown>
  }
  const data: Record<string, unknown> = {}
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
      fields.map(([, alias = '', literal, variable = '']) => {
        const number = Number(literal ?? variables[variable])
        const pull = state.pullRequests.get(number)
        const stateName = !pull ? undefined : pull.merged ? 'MERGED' : pull.state === 'closed' ? 'CLOSED' : 'OPEN'
        return [alias, pull ? { number, state: stateName, headRefOid: pull.head } : {}]
      })
    )
  }
  if (Object.keys(data).length === 0) return { status: 200, body: { errors: [{ message: 'unknown query' }] } }
  return { status: 200, body: { data } }
}
