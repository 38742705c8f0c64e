import type { GitHubApi } from '../github/github-api.js'
import { createGitHubClient } from '../github/github-client.js'
import { calling } from '../github/github-failure.js'
import { restGitHubApi } from '../github/rest-github-api.js'
import type { RetryContext } from '../http/send-with-retries.js'
import type { Transport } from '../http/transport.js'
import { RecordsStore } from './records-store.js'

/**
 * The longest one GitHub attempt may take, whatever timeout-seconds says: a write under a lease must
 * be applied well within the lease (see `lease.ts`).
 */
export const MAX_GITHUB_ATTEMPT_MS = 30_000

export interface GitHubConnectionConfig extends RetryContext {
  transport: Transport
  token: string
  /** The REST API's base URL. */
  apiUrl: string
  /** `owner/name`. */
  repository: string
  timeoutMs: number
  warn: (message: string) => void
}

export interface GitHubConnection {
  api: GitHubApi
  /** The login the token acts as: only its comments can be ours. */
  viewer: string
  /** The records store of a pull request, reading and writing as the viewer. */
  store(pullRequest: number): RecordsStore
}

/**
 * The GitHub API, and whom the token acts as, learned before any comment is read or written: GraphQL's
 * viewer answers for every kind of token (the workflow's, an app's, a personal one). If it cannot be
 * learned, nothing is read or written: whose comments to trust is never guessed.
 */
export async function connectToGitHub(config: GitHubConnectionConfig): Promise<GitHubConnection> {
  const client = createGitHubClient({ ...config, timeoutMs: Math.min(config.timeoutMs, MAX_GITHUB_ATTEMPT_MS) })
  const api = restGitHubApi(client, config.repository)
  const viewer = await calling('Finding whom the GitHub token acts as', () => api.viewerLogin())
  const clock = {
    now: config.now,
    monotonic: () => performance.now(),
    random: config.random,
    sleep: async (ms: number) => {
      await config.sleep(ms, config.stopping)
      if (config.stopping?.aborted)
        throw new Error('the run was cancelled while this step waited for the records lease')
    }
  }
  return {
    api,
    viewer,
    store: (pullRequest) => new RecordsStore(api, pullRequest, { viewer, warn: config.warn, log: config.log, clock })
  }
}
