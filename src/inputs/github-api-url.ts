import { parseApiUrl } from './api-url.js'

export const DEFAULT_GITHUB_API_URL = 'https://api.github.com'

/**
 * The GitHub REST API's base URL: the `github-api-url` input (its default in action.yml is the
 * runner's own), else `GITHUB_API_URL` as every action reads it, else github.com's.
 */
export function parseGitHubApiUrl(raw: string, env: Record<string, string | undefined>): string {
  return parseApiUrl(raw || env.GITHUB_API_URL || DEFAULT_GITHUB_API_URL, 'github-api-url')
}
