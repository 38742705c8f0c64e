/** What the run knows of where it runs; every field is optional outside a runner. */
export interface RunContext {
  repository?: string
  eventName?: string
  /** The pull request the triggering event is about, if it is about one. */
  pullRequestNumber?: number
  /** That pull request's head commit, from the event payload. */
  pullRequestHead?: string
  /** That pull request comes from a fork: its pull_request runs get a read-only token. */
  pullRequestFromFork?: boolean
  runUrl?: string
  /** The GitHub server's web address, `https://github.com` unless on GHES. */
  serverUrl: string
}

/** What the action reads of the run's event (see `run-event.ts`). */
export interface GithubContextLike {
  eventName: string
  serverUrl: string
  runId: number
  payload: {
    pull_request?: PullRequestPayload
    [key: string]: unknown
  }
}

/** What the action reads of a `pull_request` or `pull_request_target` event's pull request. */
export interface PullRequestPayload {
  number: number
  /** `repo` is null once the head's repository (a fork) is deleted. */
  head?: { sha?: string; repo?: { full_name?: string } | null }
  base?: { repo?: { full_name?: string } }
}

/** Builds the run context without touching `context.repo`, which throws when GITHUB_REPOSITORY is unset. */
export function runContextFrom(github: GithubContextLike, repository: string | undefined): RunContext {
  const pullRequest = github.payload.pull_request
  return {
    repository: repository || undefined,
    eventName: github.eventName || undefined,
    pullRequestNumber: pullRequest?.number,
    pullRequestHead: pullRequest?.head?.sha || undefined,
    pullRequestFromFork: pullRequest && comesFromFork(pullRequest) ? true : undefined,
    runUrl: repository && github.runId ? `${github.serverUrl}/${repository}/actions/runs/${github.runId}` : undefined,
    serverUrl: github.serverUrl || 'https://github.com'
  }
}

/**
 * A pull request comes from a fork when its head is in another repository than its base, or in one
 * since deleted. Not when `head.repo.fork` is set: that says the head's repository is itself a fork,
 * as it is for a pull request between two branches of a forked repository.
 */
export function comesFromFork(pullRequest: PullRequestPayload): boolean {
  const head = pullRequest.head?.repo
  if (head === null) return true
  const [from, into] = [head?.full_name, pullRequest.base?.repo?.full_name]
  // GitHub's owner and repository names are unique whatever their case.
  return typeof from === 'string' && typeof into === 'string' && from.toLowerCase() !== into.toLowerCase()
}

/** The repository as `owner/name`, which every GitHub call needs; a runner always sets it. */
export function requireRepository(repository: string | undefined): string {
  if (!repository || !/^[\w.-]+\/[\w.-]+$/.test(repository)) {
    throw new Error('The repository is unknown: GITHUB_REPOSITORY is not set to owner/name, as a runner sets it')
  }
  return repository
}
