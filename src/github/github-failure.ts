import { isoSeconds } from '../helpers/iso-seconds.js'
import { counted } from '../helpers/counted.js'
import { errorMessage } from '../helpers/error-message.js'
import { GitHubError, GitHubUnreachable, GraphQLErrors } from './github-errors.js'
import { gitHubRateLimit, MAX_RATE_LIMIT_WAIT_MS, MAX_RATE_LIMIT_WAITS } from './rate-limits.js'

/** The `permissions:` block that lets the workflow's token read and write the pull request's comments. */
export const PERMISSIONS_BLOCK = 'permissions:\n  pull-requests: write'

/** What the run knows that changes the advice for a refused call. */
export interface FailureHints {
  /** The pull request comes from a fork: its `pull_request` runs get a read-only token, whatever `permissions:` says. */
  fromFork?: boolean
}

/**
 * One explanation of a failed GitHub call, for a person: what the action was doing, what GitHub said,
 * and what to do about it, with the `permissions:` block to add when the token may not.
 */
export function describeGitHubFailure(error: unknown, doing: string, hints: FailureHints = {}): string {
  if (error instanceof GitHubUnreachable) {
    const check = error.nothingReached
      ? "; check github-api-url (the runner's GITHUB_API_URL unless given) and that the runner can reach it"
      : ''
    return `${doing}: the GitHub API could not be reached: ${error.message}${check}`
  }
  if (!(error instanceof GitHubError)) return `${doing}: ${errorMessage(error)}`
  const said = `HTTP ${error.status}: ${error.githubMessage}`
  const after = error.attempts > 1 ? ` (gave up after ${counted(error.attempts, 'attempt')})` : ''
  if (error.status === 401)
    return `${doing}: ${said}: check \`github-token\`; the token is missing, mistyped or expired`
  const limit = rateLimitAdvice(error)
  if (limit) return `${doing}: ${said}: ${limit}`
  if (error.status === 403 && /\block(ed)?\b/i.test(error.githubMessage)) {
    return (
      `${doing}: ${said}: the pull request's conversation is locked, and GitHub refuses to write in it. ` +
      'Unlock the conversation (in the pull request’s sidebar), then re-run this step; or cancel its batches with batch-id.'
    )
  }
  if ((error.status === 403 || error.status === 404) && hints.fromFork) {
    return (
      `${doing}: ${said}. The pull request comes from a fork, and GitHub gives a fork's pull_request runs a read-only token whatever permissions: says. ` +
      'Record and cancel from a pull_request_target workflow instead, as the action\u2019s docs/forks.md shows.'
    )
  }
  // GitHub answers 404 both for what does not exist and for what the token may not see: the likelier
  // first, a number that names no pull request of this repository.
  const exists =
    error.status === 404
      ? 'Check that the pull request exists in this repository (the pull-request input, or the event’s). If it does, the token cannot see it. '
      : ''
  if (error.status === 403 || error.status === 404) {
    return (
      `${doing}: ${said}. ${exists}The workflow's token needs pull-requests: write (or issues: write) to read and write the pull request's comments. ` +
      `Add to the workflow or the job:\n\n${PERMISSIONS_BLOCK}`
    )
  }
  return `${doing}: ${said}${after}`
}

/**
 * When a refusal is one of GitHub's rate limits that outlasted the waiting, by the rule the waiting
 * follows (`rate-limits.ts`): what held, how long the action waited, and when to re-run.
 */
function rateLimitAdvice(error: GitHubError): string | undefined {
  const limit = gitHubRateLimit(
    {
      status: error.status,
      text: error.githubMessage,
      headers: error.headers,
      ...(error instanceof GraphQLErrors ? { graphqlErrorTypes: error.errors.map((item) => item.type) } : {})
    },
    Date.now()
  )
  if (!limit) return undefined
  const bound = `the action waits at most ${MAX_RATE_LIMIT_WAITS} times and ${MAX_RATE_LIMIT_WAIT_MS / 60_000} minutes in all`
  const tries = error.attempts > 1 ? `after ${counted(error.attempts, 'attempt')}; ` : ''
  if (limit.kind === 'used up' && limit.resetAt !== undefined) {
    // With its date: a reset can be a day away, or already past while GitHub still refuses.
    const at = isoSeconds(limit.resetAt).slice(0, 16).replace('T', ' ')
    return `${limit.reason} until ${at} UTC (${tries}${bound}); re-run after that`
  }
  // A used-up limit says so already; a secondary one is said to hold still.
  return `${limit.reason}${limit.kind === 'used up' ? '' : ' still held'} (${tries}${bound}); re-run later`
}

/** Runs one GitHub call; a failure becomes an error that says what was being done and what to do. */
export async function calling<T>(doing: string, call: () => Promise<T>, hints: FailureHints = {}): Promise<T> {
  try {
    return await call()
  } catch (error) {
    throw new Error(describeGitHubFailure(error, doing, hints), { cause: error })
  }
}
