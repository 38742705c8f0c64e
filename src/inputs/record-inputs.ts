import { parseBatchIds } from './batch-ids.js'
import { COMMIT_PATTERN, parseCommit } from './commit-input.js'
import { parseGitHubApiUrl } from './github-api-url.js'
import { InputError } from './input-error.js'
import type { InputReader } from './inputs.js'
import { parsePullRequestNumber } from './pull-request-input.js'
import { checkSecretInput } from './secret-input.js'

/** What the record step needs, parsed and checked. */
export interface RecordInputs {
  batchIds: string[]
  pullRequest: number
  githubToken: string
  githubApiUrl: string
  /** The commit the render was made for. */
  commit: string
}

/** What the run's context offers the record step's inputs as defaults (the runner's `RunContext` fits). */
export interface RecordDefaults {
  eventName?: string
  /** The pull request the triggering event is about, and its head commit. */
  pullRequestNumber?: number
  pullRequestHead?: string
  sha?: string
}

/**
 * The record step's inputs. The pull request defaults to the one the event is about, and the commit
 * to that pull request's head (on pull_request events `GITHUB_SHA` is a merge commit), else `GITHUB_SHA`.
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
      `is required here: the ${context.eventName ?? 'triggering'} event is not about a pull request; give its number, e.g. pull-request: \${{ github.event.pull_request.number }}`
    )
  }
  const eventHead = context.pullRequestNumber === pullRequest ? context.pullRequestHead : undefined
  const fallbacks = [eventHead, context.sha?.toLowerCase()]
  const commit = parseCommit(read('commit')) ?? fallbacks.find((sha) => sha !== undefined && COMMIT_PATTERN.test(sha))
  if (commit === undefined) {
    throw new InputError(
      'commit',
      'is required here: the run has no GITHUB_SHA; give the commit the render was made for'
    )
  }
  return {
    batchIds,
    pullRequest,
    githubToken: checkSecretInput('github-token', githubToken, 'its default is ${{ github.token }}'),
    githubApiUrl: parseGitHubApiUrl(read('github-api-url'), env),
    commit
  }
}
