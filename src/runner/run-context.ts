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
    pull_request?: { number: number; head?: { sha?: string; repo?: { fork?: boolean } | null } }
    [key: string]: unknown
  }
}

/** Builds the run context without touching `context.repo`, which throws when GITHUB_REPOSITORY is unset. */
export function runContextFrom(github: GithubContextLike, repository: string | undefined): RunContext {
  const pullRequest = github.payload.pull_request
  return {
    repository: repository || undefined,
    eventName: github.eventName || undefined,
    pullRequestNumber: pullRequest?.number,
    pullRequestHead: pullRequest?.head?.sha || undefined,
    pullRequestFromFork: pullRequest?.head?.repo?.fork === true ? true : undefined,
    runUrl: repository && github.runId ? `${github.serverUrl}/${repository}/actions/runs/${github.runId}` : undefined,
    serverUrl: github.serverUrl || 'https://github.com'
  }
}

/** The repository as `owner/name`, which every GitHub call needs; a runner always sets it. */
export function requireRepository(repository: string | undefined): string {
  if (!repository || !/^[\w.-]+\/[\w.-]+$/.test(repository)) {
    throw new Error('The repository is unknown: GITHUB_REPOSITORY is not set to owner/name, as a runner sets it')
  }
  return repository
}
