import { RECORD_ENTRY, runAction, type ActionRun, type RunOptions } from '../../local-runner/run-action.js'
import { startFakeGitHub, type RunningFakeGitHub } from '../../simulator/github/server.js'
import { eachTest } from './each-test.js'
import { SHORT_WAITS, shortWaitsClock } from './short-waits-env.js'
import { OTHER_TEAM_TOKEN, startFixture, TEST_TOKEN, type Fixture } from './simulator-fixture.js'
import { expectNoTokenLeaks } from './token-leaks.js'

/** The workflow's default token: an app installation token, acting as github-actions[bot]. */
export const GITHUB_TOKEN = 'ghs_test9WorkflowTOKENq2Lm'
/** A personal token, acting as its user. */
export const PERSONAL_TOKEN = 'ghp_test4PersonalTOKENx8Rt'
/** A GitHub App's installation token (actions/create-github-app-token), acting as the app's bot. */
export const APP_TOKEN = 'ghs_test3AppInstallTOKENw7Yh'
export const APP_LOGIN = 'nexrender-previews[bot]'
/** A workflow token without `pull-requests: write`. */
export const READ_ONLY_TOKEN = 'ghs_test1ReadOnlyTOKENz5Kp'
export const PERSONAL_LOGIN = 'octo-dev'
export const PULL_REQUEST = 7
export const OLD_HEAD = '1'.repeat(40)
export const HEAD = '2'.repeat(40)
const MERGE_COMMIT = 'c'.repeat(40)

export interface GitHubFixture extends Fixture {
  github: RunningFakeGitHub
  /** Runs the record step on a pull_request event whose head is `head`. */
  record: (inputs: Record<string, string>, head?: string, options?: RunOptions) => Promise<ActionRun>
  /** Runs the cancel step; `event` defaults to workflow_dispatch. */
  cancel: (inputs: Record<string, string>, options?: RunOptions) => Promise<ActionRun>
  /** The pull request's comments by github-actions[bot]. */
  botComments: () => string[]
  /** Stops both simulators. */
  close: () => Promise<void>
}

/** A repository as a pull request's `head.repo` or `base.repo` names it; `null` for a deleted fork. */
export type PayloadRepository = { full_name: string; fork: boolean } | null

/**
 * A pull_request event about PULL_REQUEST with this head, as the runner's payload file gives it; with
 * the repositories of its head and base when they matter (forks).
 */
export function pullRequestEvent(
  head: string,
  action = 'synchronize',
  {
    number = PULL_REQUEST,
    repositories
  }: { number?: number; repositories?: { head: PayloadRepository; base: PayloadRepository } } = {}
) {
  const [headRepo, base] = repositories
    ? [{ repo: repositories.head }, { base: { repo: repositories.base } }]
    : [{}, {}]
  return {
    name: 'pull_request',
    payload: { action, number, pull_request: { number, head: { sha: head, ...headRepo }, ...base } }
  }
}

/** Both simulators, and the two steps run as a runner runs them, each checked for token leaks. */
export async function startGitHubFixture(
  otherTeamsBatch?: Parameters<typeof startFixture>[0],
  { enterprise = false } = {}
): Promise<GitHubFixture> {
  const fixture = await startFixture(otherTeamsBatch)
  const github = await startFakeGitHub({
    tokens: {
      [GITHUB_TOKEN]: { login: 'github-actions[bot]', kind: 'app' },
      [PERSONAL_TOKEN]: { login: PERSONAL_LOGIN, kind: 'user' },
      [APP_TOKEN]: { login: APP_LOGIN, kind: 'app' },
      [READ_ONLY_TOKEN]: { login: 'github-actions[bot]', kind: 'app', canWrite: false }
    },
    pullRequests: { [PULL_REQUEST]: { head: HEAD } },
    enterprise,
    // The bundles wait a thousandth of what they ask: GitHub's limits are counted on the same scale.
    now: shortWaitsClock()
  })
  const env = {
    GITHUB_API_URL: github.apiUrl,
    GITHUB_SHA: MERGE_COMMIT,
    GITHUB_RUN_ID: '4242',
    ...SHORT_WAITS
  }
  const checked = (run: ActionRun): ActionRun =>
    expectNoTokenLeaks(
      run,
      [TEST_TOKEN, OTHER_TEAM_TOKEN, GITHUB_TOKEN, PERSONAL_TOKEN, APP_TOKEN, READ_ONLY_TOKEN],
      github.comments.map((comment) => comment.body)
    )
  return {
    ...fixture,
    github,
    record: async (inputs, head = HEAD, options = {}) =>
      checked(
        await runAction({ 'github-token': GITHUB_TOKEN, ...inputs }, env, {
          entry: RECORD_ENTRY,
          event: pullRequestEvent(head),
          ...options
        })
      ),
    cancel: async (inputs, options = {}) =>
      checked(
        await runAction(
          { token: TEST_TOKEN, 'api-url': fixture.simulator.baseUrl, 'github-token': GITHUB_TOKEN, ...inputs },
          env,
          options
        )
      ),
    botComments: () =>
      github
        .commentsOn(PULL_REQUEST)
        .filter((comment) => comment.author === 'github-actions[bot]')
        .map((comment) => comment.body),
    close: async () => {
      await github.close()
      await fixture.simulator.close()
    }
  }
}

/** A fresh pair of simulators, Nexrender's and GitHub's, for each test of the file. */
export function gitHubForEachTest(otherTeamsBatch?: Parameters<typeof startFixture>[0]): GitHubFixture {
  return eachTest(
    () => startGitHubFixture(otherTeamsBatch),
    (fixture) => fixture.close()
  )
}
