import type { RetryContext } from '../http/send-with-retries.js'
import type { Transport } from '../http/transport.js'
import { calling } from '../github/github-failure.js'
import { DEFAULT_TOKEN_LOGIN, type GitHubApi } from '../github/github-api.js'
import { octokitApi } from '../github/octokit-api.js'
import { RecordsStore } from './records-store.js'
import { fetchOverTransport } from '../github/transport-fetch.js'

export interface GitHubConnectionConfig extends RetryContext {
  transport: Transport
  token: string
  /** The REST API's base URL. */
  apiUrl: string
  /** `owner/name`. */
  repository: string
  timeoutMs: number
  /** Sent as the User-Agent of every GitHub request. */
  userAgent: string
  warn: (message: string) => void
}

/**
 * The records store of a pull request, reading only the comments of the login the token acts as:
 * the token's user for a personal token, asked of the API; github-actions[bot] for the workflow's
 * token, which has no user to ask about.
 */
export async function openRecordsStore(
  config: GitHubConnectionConfig,
  pullRequest: number
): Promise<{ api: GitHubApi; store: RecordsStore }> {
  const api = octokitApi({
    token: config.token,
    apiUrl: config.apiUrl,
    repository: config.repository,
    userAgent: config.userAgent,
    fetch: fetchOverTransport(config)
  })
  const login = await calling('Finding whom the GitHub token acts as', () => api.tokenLogin())
  const store = new RecordsStore(api, pullRequest, {
    trustedLogin: login ?? DEFAULT_TOKEN_LOGIN,
    warn: config.warn,
    sleep: (ms) => config.sleep(ms, config.stopping),
    random: config.random
  })
  return { api, store }
}
