import { locked, notFound, type Answer } from './answers.js'
import { reactionJson, type FakeGitHubState, type FakeIdentity, type FakeReaction } from './model.js'

/** Reactions on a comment or an issue: 201 when new, 200 when the same identity already left one; deleted by their author. */
export function reaction(
  state: FakeGitHubState,
  identity: FakeIdentity,
  method: string,
  target: string,
  reactionId: string | undefined,
  body: string
): Answer {
  const { reactions } = state
  if (method === 'POST' && reactionId === undefined) {
    if (target.startsWith('issue:') && state.pullRequests.get(Number(target.slice(6)))?.locked) return locked
    const content = (JSON.parse(body) as { content: string }).content
    const existing = reactions.find(
      (item) => item.target === target && item.content === content && item.login === identity.login
    )
    if (existing) return { status: 200, body: reactionJson(existing) }
    const made: FakeReaction = { id: state.nextId(), target, content, login: identity.login, createdAt: Date.now() }
    reactions.push(made)
    return { status: 201, body: reactionJson(made) }
  }
  if (method === 'DELETE' && reactionId !== undefined) {
    const found = reactions.find((item) => item.id === Number(reactionId) && item.target === target)
    if (!found) return notFound
    if (found.login !== identity.login) return { status: 403, body: { message: 'Must have admin rights' } }
    reactions.splice(reactions.indexOf(found), 1)
    return { status: 204 }
  }
  return notFound
}
