import type { Answer } from './answers.js'
import type { FakeGitHubState, FakeIdentity } from './model.js'

/** `viewer { login }`, and the `issueOrPullRequest` fields the sweep asks for, as GitHub's GraphQL answers them. */
export function graphql(state: FakeGitHubState, identity: FakeIdentity, body: string): Answer {
  const { query = '' } = JSON.parse(body || '{}') as { query?: string }
  const data: Record<string, unknown> = {}
  if (/\bviewer\s*\{\s*login\s*\}/.test(query)) data.viewer = { login: identity.login }
  const fields = [...query.matchAll(/(\w+): issueOrPullRequest\(number: (\d+)\)/g)]
  if (fields.length > 0) {
    data.repository = Object.fromEntries(
      fields.map(([, alias = '', number = '']) => {
        const pull = state.pullRequests.get(Number(number))
        const stateName = !pull ? undefined : pull.merged ? 'MERGED' : pull.state === 'closed' ? 'CLOSED' : 'OPEN'
        return [alias, pull ? { number: Number(number), state: stateName, headRefOid: pull.head } : {}]
      })
    )
  }
  if (Object.keys(data).length === 0) return { status: 200, body: { errors: [{ message: 'unknown query' }] } }
  return { status: 200, body: { data } }
}
