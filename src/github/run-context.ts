/** What the summary says about where the action ran; every field is optional outside a runner. */
export interface RunContext {
  repository?: string
  eventName?: string
  pullRequestNumber?: number
  runUrl?: string
}

/** The subset of `@actions/github`'s context that the summary uses. */
export interface GithubContextLike {
  eventName: string
  serverUrl: string
  runId: number
  payload: { pull_request?: { number: number }; [key: string]: unknown }
}

/** Builds the run context without touching `context.repo`, which throws when GITHUB_REPOSITORY is unset. */
export function runContextFrom(github: GithubContextLike, repository: string | undefined): RunContext {
  return {
    repository: repository || undefined,
    eventName: github.eventName || undefined,
    pullRequestNumber: github.payload.pull_request?.number,
    runUrl: repository && github.runId ? `${github.serverUrl}/${repository}/actions/runs/${github.runId}` : undefined
  }
}
