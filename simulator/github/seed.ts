import type { FakeGitHubOptions } from './server.js'

/** The demo's pull request, in any repository, and the two commits pushed to it. */
export const DEMO_PULL_REQUEST = 1
/** Another pull request, whose on-close cleanup never runs in the demo: the sweep finds its render. */
export const FORGOTTEN_PULL_REQUEST = 2
export const FORGOTTEN_HEAD = '3333333ccccccccccccccccccccccccccccccccc'
export const FIRST_PUSH = '1111111aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'
export const SECOND_PUSH = '2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb'
/** Plays the workflow's default token, acting as github-actions[bot]. */
export const DEMO_GITHUB_TOKEN = 'demo-github-token'

/** The fake GitHub of the demo, the CLI and CI: a pull request whose head is the second push, and another. */
export function seedGitHub(token = DEMO_GITHUB_TOKEN): FakeGitHubOptions {
  return {
    tokens: { [token]: { login: 'github-actions[bot]', kind: 'app' } },
    pullRequests: { [DEMO_PULL_REQUEST]: { head: SECOND_PUSH }, [FORGOTTEN_PULL_REQUEST]: { head: FORGOTTEN_HEAD } }
  }
}
