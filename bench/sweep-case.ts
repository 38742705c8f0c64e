import { startFakeGitHub, type RunningFakeGitHub } from '../simulator/github/server.js'
import { commentBodies } from '../simulator/github/records-bodies.js'

/** The sweep's case: 120 closed pull requests each holding one open record, among 600 other comments. */
export const SWEPT_PULL_REQUESTS = 120
export const OTHER_COMMENTS = 600

/** A fake GitHub seeded with the sweep's case; each batch id is recorded on its own closed pull request. */
export async function startSweepCase(token: string, batchIds: string[]): Promise<RunningFakeGitHub> {
  const github = await startFakeGitHub({ tokens: { [token]: { login: 'github-actions[bot]', kind: 'app' } } })
  const recent = Date.now() - 86_400_000
  batchIds.forEach((batchId, index) => {
    const number = 100 + index
    github.pullRequests.set(number, { head: 'a'.repeat(40), state: 'closed', merged: index % 2 === 0 })
    const record = { batchId, commit: 'a'.repeat(40), recordedAt: new Date(recent).toISOString() }
    github.addComment(number, 'github-actions[bot]', commentBodies([record])[0] ?? '', undefined, recent)
  })
  // Reviews and chatter, on the same pull requests and on others.
  for (let index = 0; index < OTHER_COMMENTS; index++) {
    github.addComment(
      100 + (index % 200),
      index % 3 === 0 ? 'ci-bot[bot]' : 'reviewer',
      `Comment ${index}`,
      undefined,
      recent
    )
  }
  return github
}
