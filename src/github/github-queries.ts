import type { PullRequest, User } from '@octokit/graphql-schema'

/*
 * Every GraphQL query the action sends, made here and nowhere else: the client takes only a
 * `GitHubQuery`, and a test validates each export of this module against GitHub's published schema
 * (`@octokit/graphql-schema`). The types of the replies are that schema's too.
 */

declare const shape: unique symbol

/** A query, with the types of its `data` and of its variables. */
export type GitHubQuery<Data, Variables> = string & { readonly [shape]: { data: Data; variables: Variables } }

const query = <Data, Variables>(text: string) => text as GitHubQuery<Data, Variables>

/** The login the token acts as: GraphQL's viewer answers for every kind of token. */
export const VIEWER_LOGIN_QUERY = query<{ viewer: Pick<User, 'login'> }, Record<string, never>>(
  'query { viewer { login } }'
)

/** At most this many pull requests are asked about in one query. */
export const PULL_REQUESTS_PER_QUERY = 50

/** A pull request's alias in the query and in its reply: `n0`, `n1`… */
export type PullRequestAlias = `n${number}`

export interface PullRequestsVariables {
  owner: string
  name: string
  /** The number of each pull request asked about, by its alias. */
  [alias: PullRequestAlias]: number
}

export interface PullRequestsData {
  repository: Record<PullRequestAlias, Pick<PullRequest, 'number' | 'state' | 'headRefOid'> | null>
}

/**
 * State and head of `count` pull requests (1 to PULL_REQUESTS_PER_QUERY), each under its alias.
 * `issueOrPullRequest` answers an issue too, with none of these fields.
 */
export function pullRequestsQuery(count: number): GitHubQuery<PullRequestsData, PullRequestsVariables> {
  if (!Number.isInteger(count) || count < 1 || count > PULL_REQUESTS_PER_QUERY) {
    throw new RangeError(`a query asks about 1 to ${PULL_REQUESTS_PER_QUERY} pull requests, not ${count}`)
  }
  const aliases = Array.from({ length: count }, (_, index) => pullRequestAlias(index))
  const variables = aliases.map((alias) => `$${alias}: Int!`).join(', ')
  const fields = aliases.map(
    (alias) => `${alias}: issueOrPullRequest(number: $${alias}) { ... on PullRequest { number state headRefOid } }`
  )
  return query(
    `query($owner: String!, $name: String!, ${variables}) { repository(owner: $owner, name: $name) { ${fields.join(' ')} } }`
  )
}

export function pullRequestAlias(index: number): PullRequestAlias {
  return `n${index}`
}
