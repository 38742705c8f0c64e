import { existsSync, readFileSync } from 'node:fs'
import type { GithubContextLike } from './run-context.js'

/**
 * The run's event as the runner gives it: its name, server and run id in the environment, and its
 * payload in the file GITHUB_EVENT_PATH names (as `@actions/github`'s context reads them, without
 * the Octokit client that package builds when loaded). Outside a runner they are simply absent.
 */
export function readRunEvent(env: NodeJS.ProcessEnv): GithubContextLike {
  const path = env.GITHUB_EVENT_PATH
  let payload: GithubContextLike['payload'] = {}
  if (path && existsSync(path)) {
    try {
      const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'))
      if (typeof parsed === 'object' && parsed !== null) payload = parsed as GithubContextLike['payload']
    } catch {
      // An unreadable payload is a payload with nothing in it: the inputs say what the event would have.
    }
  }
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
    runId: Number.parseInt(env.GITHUB_RUN_ID ?? '', 10),
    payload
  }
}
