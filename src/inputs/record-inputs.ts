import { parseBatchIds } from './batch-ids.js'
import { COMMIT_PATTERN, parseCommit } from './commit-input.js'
import { parseGitHubApiUrl } from './github-api-url.js'
import { InputError } from './input-error.js'
import type { GitHubAccess, InputReader } from './inputs.js'
import { parsePullRequestNumber } from './pull-request-input.js'
import { checkSecretInput } from './secret-input.js'

/** What the record step needs, parsed and checked. */
export interface RecordInputs {
  batchIds: string[]
  pullRequest: number
  github: GitHubAccess
  /** The commit the render was made for; undefined when the pull request's live head is to be asked for. */
  commit?: string
}

/** What the run's context offers the record step's inputs as defaults (the runner's `RunContext` fits). */
export interface RecordDefaults {
  eventName?: string
  /** The pull request the triggering event is about, and its head commit. */
  pullRequestNumber?: number
  pullRequestHead?: string
}

/**
 * The record step's inputs. The pull request defaults to the one the event is about, and the commit
 * to that pull request's head from the event (on pull_request events `GITHUB_SHA` is a merge commit,
 * and outside them the default branch's); without either, the step asks GitHub for the live head.
 */
export function parseRecordInputs(
  read: InputReader,
  githubToken: string,
  context: RecordDefaults,
  env: Record<string, string | undefined>
): RecordInputs {
  const batchIds = parseBatchIds(read('batch-id'))
  const pullRequest = parsePullRequestNumber(read('pull-request')) ?? context.pullRequestNumber
  if (pullRequest === undefined) {
    throw new InputError(
      'pull-request',
      `is required here: the ${context.eventName ?? 'triggering'} event is not about a pull request; give the number of the pull request the render was made for`
    )
  }
  const eventHead = context.pullRequestNumber === pullRequest ? context.pullRequestHead?.toLowerCase() : undefined
  const commit = parseCommit(read('commit')) ?? (eventHead && COMMIT_PATTERN.test(eventHead) ? eventHead : undefined)
  return {
    batchIds,
    pullRequest,
    github: {
      token: checkSecretInput('github-token', githubToken, 'its default is ${{ github.token }}'),
      apiUrl: parseGitHubApiUrl(read('github-api-url'), env)
    },
    ...(commit === undefined ? {} : { commit })
  }
}
