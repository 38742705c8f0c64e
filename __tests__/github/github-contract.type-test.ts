/**
 * The GitHub client holds to GitHub's published contract by construction, and this file proves it
 * to `npm run typecheck` (it is never run): each `@ts-expect-error` marks a call or a read that GitHub's
 * OpenAPI description or GraphQL schema does not have, and the check fails the day one compiles.
 */
import type { GitHubClient } from '../../src/github/github-client.js'
import { pullRequestsQuery, VIEWER_LOGIN_QUERY } from '../../src/github/github-queries.js'

const REPOSITORY = { owner: 'acme', repo: 'renders' }

export async function restRoutes(client: GitHubClient): Promise<unknown[]> {
  const { data: pull } = await client.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
    ...REPOSITORY,
    pull_number: 7
  })
  const comments = await client.paginate('GET /repos/{owner}/{repo}/issues/comments', {
    ...REPOSITORY,
    since: '2026-03-01T00:00:00Z',
    sort: 'updated',
    direction: 'asc',
    per_page: 100
  })
  const reaction = await client.request(
    'POST /repos/{owner}/{repo}/issues/{issue_number}/reactions',
    { ...REPOSITORY, issue_number: 7 },
    { body: { content: 'eyes' } }
  )
  const { data: comment } = await client.request('GET /repos/{owner}/{repo}/issues/comments/{comment_id}', {
    ...REPOSITORY,
    comment_id: 1
  })
  const changed = await client.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
    ...REPOSITORY,
    issue_number: 7,
    since: '2026-03-01T00:00:00Z',
    per_page: 100
  })
  const read = [
    pull?.head?.sha,
    pull?.merged,
    comments[0]?.user?.login,
    reaction.data?.created_at,
    comment?.updated_at,
    changed[0]?.body
  ]

  // @ts-expect-error GitHub has no such route
  await client.request('GET /repos/{owner}/{repo}/pulls/{pull_number}/state', { ...REPOSITORY, pull_number: 7 })
  // @ts-expect-error a route is GitHub's template, not a path
  await client.request('GET /repos/acme/renders/pulls/7', {})
  // @ts-expect-error the route has no such method (a pull request is changed with PATCH)
  await client.request('POST /repos/{owner}/{repo}/pulls/{pull_number}', { ...REPOSITORY, pull_number: 7 })
  // @ts-expect-error a path parameter left out
  await client.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', REPOSITORY)
  // @ts-expect-error a parameter the route does not have
  await client.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', { ...REPOSITORY, number: 7 })
  // @ts-expect-error a value the parameter does not take
  await client.paginate('GET /repos/{owner}/{repo}/issues/comments', { ...REPOSITORY, sort: 'newest' })
  await client.request(
    'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
    { ...REPOSITORY, issue_number: 7 },
    // @ts-expect-error a body field the route does not have
    { body: { text: 'hi' } }
  )
  await client.request(
    'POST /repos/{owner}/{repo}/issues/{issue_number}/reactions',
    { ...REPOSITORY, issue_number: 7 },
    // @ts-expect-error a reaction GitHub does not have
    { body: { content: 'thumbsup' } }
  )
  await client.request(
    'DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}',
    { ...REPOSITORY, comment_id: 1 },
    // @ts-expect-error a body for a route that takes none
    { body: {} }
  )
  await client.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
    ...REPOSITORY,
    issue_number: 7,
    // @ts-expect-error the pull request's comments are not sorted: only the repository's are
    sort: 'created'
  })
  // @ts-expect-error paging through a route that answers with one item, not a list
  await client.paginate('GET /repos/{owner}/{repo}/pulls/{pull_number}', { ...REPOSITORY, pull_number: 7 })

  // @ts-expect-error a reply field GitHub does not have
  read.push(pull?.head?.commit)
  // @ts-expect-error a listed item's field GitHub does not have
  read.push(comments[0]?.author)
  // @ts-expect-error a comment's field GitHub does not have
  read.push(comment?.author)
  // @ts-expect-error a reply's value used before it is checked
  const head: string = pull?.head?.sha
  return [...read, head]
}

export async function graphqlQueries(client: GitHubClient): Promise<unknown[]> {
  const viewer = await client.graphql(VIEWER_LOGIN_QUERY, {})
  const pulls = await client.graphql(pullRequestsQuery(1), { owner: 'acme', name: 'renders', n0: 7 })
  const read = [viewer?.viewer?.login, pulls?.repository?.n0?.headRefOid]

  // @ts-expect-error a query made anywhere but in github-queries.ts, where each is validated
  await client.graphql('query { viewer { login } }', {})
  // @ts-expect-error a variable the query needs left out
  await client.graphql(pullRequestsQuery(1), { owner: 'acme', n0: 7 })
  // @ts-expect-error a field the query does not ask for
  read.push(viewer?.viewer?.name)
  // @ts-expect-error a field GitHub's PullRequest does not have
  read.push(pulls?.repository?.n0?.headSha)
  return read
}
