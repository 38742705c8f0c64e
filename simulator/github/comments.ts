import { locked, MAX_BODY_CHARS, notFound, tooLong, type Answer } from './answers.js'
import type { Holds } from './held.js'
import { listPage } from './listing.js'
import {
  addComment,
  commentJson,
  commentsOn,
  type FakeComment,
  type FakeGitHubState,
  type FakeIdentity
} from './model.js'
import { reaction } from './reactions.js'

/** The paths of the comment and reaction routes; undefined for any other path. */
export function commentRouteOf(pathname: string) {
  const repositoryComments = pathname.match(/^\/repos\/([^/]+\/[^/]+)\/issues\/comments$/)
  const onIssue = pathname.match(/^\/repos\/([^/]+\/[^/]+)\/issues\/(\d+)\/comments$/)
  const onComment = pathname.match(/^\/repos\/([^/]+\/[^/]+)\/issues\/comments\/(\d+)$/)
  const issueReactions = pathname.match(/^\/repos\/([^/]+\/[^/]+)\/issues\/(\d+)\/reactions(?:\/(\d+))?$/)
  const commentReactions = pathname.match(/^\/repos\/([^/]+\/[^/]+)\/issues\/comments\/(\d+)\/reactions(?:\/(\d+))?$/)
  if (!repositoryComments && !onIssue && !onComment && !issueReactions && !commentReactions) return undefined
  return { repositoryComments, onIssue, onComment, issueReactions, commentReactions }
}

export type CommentRoute = NonNullable<ReturnType<typeof commentRouteOf>>

/**
 * Issue comments (listed page by page, per pull request or for the whole repository since a time;
 * created, updated and deleted by their author only, at most 65,536 characters) and their reactions.
 */
export async function commentRoutes(
  state: FakeGitHubState,
  holds: Holds,
  identity: FakeIdentity,
  method: string,
  url: URL,
  route: CommentRoute,
  body: string
): Promise<Answer> {
  const { repositoryComments, onIssue, onComment, issueReactions, commentReactions } = route
  if (repositoryComments && method === 'GET') {
    const [, repository = ''] = repositoryComments
    const since = Date.parse(url.searchParams.get('since') ?? '') || 0
    const listed = state.comments
      .filter((comment) => comment.repository === repository && comment.updatedAt >= since)
      .sort(repositoryCommentsOrder(url.searchParams))
    const page = listPage(listed, url, state.apiUrl, state.faults, (comment) => commentJson(state, comment))
    updateWhileListing(state)
    return page
  }
  if (onIssue) {
    const [, repository = '', issue = ''] = onIssue
    // As GitHub: a number that names no issue or pull request has no comments to list or add to.
    if (!state.pullRequests.has(Number(issue))) return notFound
    if (method === 'GET') {
      await holds.holdListing(state.faults.holdListings ?? 0, () => (state.faults.holdListings = 0))
      // `since`: only those changed at or after it, as GitHub's times say (to the second).
      const since = Date.parse(url.searchParams.get('since') ?? '') || 0
      const listed = commentsOn(state, Number(issue), repository).filter(
        (comment) => Math.floor(comment.updatedAt / 1000) * 1000 >= since
      )
      return listPage(listed, url, state.apiUrl, state.faults, (comment) => commentJson(state, comment))
    }
    if (method !== 'POST') return notFound
    if (state.pullRequests.get(Number(issue))?.locked) return locked
    const text = (JSON.parse(body) as { body: string }).body
    if (text.length > MAX_BODY_CHARS) return tooLong
    return {
      status: 201,
      body: commentJson(state, addComment(state, Number(issue), identity.login, text, repository))
    }
  }
  const reactionsOn = commentReactions ?? issueReactions
  if (reactionsOn) {
    const [, , id = '', reactionId] = reactionsOn
    const target = commentReactions ? `comment:${id}` : `issue:${id}`
    if (commentReactions && !state.comments.some((comment) => comment.id === Number(id))) return notFound
    return reaction(state, identity, method, target, reactionId, body)
  }
  const comment = state.comments.find((candidate) => candidate.id === Number(onComment?.[2]))
  if (!comment) return notFound
  if (method === 'GET') return { status: 200, body: commentJson(state, comment) }
  if (comment.author !== identity.login)
    return { status: 403, body: { message: 'Must have admin rights to Repository.' } }
  if (state.pullRequests.get(comment.issue)?.locked) return locked
  if (method === 'PATCH') {
    const text = (JSON.parse(body) as { body: string }).body
    if (text.length > MAX_BODY_CHARS) return tooLong
    comment.body = text
    comment.updatedAt = Date.now()
    return { status: 200, body: commentJson(state, comment) }
  }
  if (method === 'DELETE') {
    state.comments.splice(state.comments.indexOf(comment), 1)
    for (const gone of state.reactions.filter((item) => item.target === `comment:${comment.id}`))
      state.reactions.splice(state.reactions.indexOf(gone), 1)
    return { status: 204 }
  }
  return notFound
}

/**
 * GitHub's order for a repository's comments: by creation unless `sort` says otherwise, oldest first;
 * `direction` counts only with `sort`, and is `desc` unless given.
 */
function repositoryCommentsOrder(parameters: URLSearchParams): (a: FakeComment, b: FakeComment) => number {
  const sort = parameters.get('sort')
  // Ids grow with creation: the fake keeps no other creation time.
  if (!sort) return (a, b) => a.id - b.id
  const key = (comment: FakeComment) => (sort === 'updated' ? comment.updatedAt : comment.id)
  const sign = parameters.get('direction') === 'asc' ? 1 : -1
  return (a, b) => sign * (key(a) - key(b) || a.id - b.id)
}

/** Once a page is answered, the comment a test named is updated, as another workflow's writer might. */
function updateWhileListing(state: FakeGitHubState): void {
  const fault = state.faults.updateWhileListing
  if (!fault || fault.afterPages-- > 1) return
  state.faults.updateWhileListing = undefined
  const comment = state.comments.find((candidate) => candidate.id === fault.commentId)
  if (comment) comment.updatedAt = Math.max(Date.now(), comment.updatedAt + 1)
}
