import { errorMessage } from '../helpers/error-message.js'
import { ATTEMPTS_HEADER, GitHubUnreachable } from './transport-fetch.js'

/** The `permissions:` block that lets the workflow's token read and write the pull request's comments. */
export const PERMISSIONS_BLOCK = 'permissions:\n  pull-requests: write'

interface RequestErrorLike {
  status?: number
  message: string
  cause?: unknown
  response?: { headers?: Record<string, string | undefined> }
}

/**
 * One explanation of a failed GitHub call, for a person: what the action was doing, what GitHub said,
 * and what to do about it, with the `permissions:` block to add when the token may not.
 */
export function describeGitHubFailure(error: unknown, doing: string): string {
  const failure = error as RequestErrorLike
  if (failure.cause instanceof GitHubUnreachable)
    return `${doing}: the GitHub API gave no answer: ${failure.cause.message}`
  if (typeof failure.status !== 'number') return `${doing}: ${errorMessage(error)}`
  const attempts = Number(failure.response?.headers?.[ATTEMPTS_HEADER] ?? 1)
  const said = `HTTP ${failure.status}: ${failure.message.replace(/ - https:\/\/docs\.github\.com\S*$/, '')}`
  const after = attempts > 1 ? ` (gave up after ${attempts} attempts)` : ''
  if (failure.status === 401)
    return `${doing}: ${said}: check \`github-token\`; the token is missing, mistyped or expired`
  if (failure.status === 403 && /rate limit/i.test(failure.message)) {
    return `${doing}: ${said}${after}: the token's GitHub API rate limit is used up; try again later`
  }
  if (failure.status === 403 || failure.status === 404) {
    const missing = failure.status === 404 ? ', or the pull request does not exist' : ''
    return (
      `${doing}: ${said}. The workflow's token needs pull-requests: write (or issues: write) to read and write the pull request's comments${missing}. ` +
      `Add to the workflow or the job:\n\n${PERMISSIONS_BLOCK}`
    )
  }
  return `${doing}: ${said}${after}`
}

/** Runs one GitHub call; a failure becomes an error that says what was being done and what to do. */
export async function calling<T>(doing: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (error) {
    throw new Error(describeGitHubFailure(error, doing), { cause: error })
  }
}
