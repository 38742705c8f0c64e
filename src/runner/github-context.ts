/**
 * The run's context (event, payload, run id) from `@actions/github`. Its entry point also builds an
 * Octokit client when loaded, with a second copy of `@actions/http-client`, which every run would pay
 * for at start-up; the package's `exports` do not offer the context alone, so its module is imported
 * by path. The Context class reads only the environment and the event payload file.
 */
import { Context } from '../../node_modules/@actions/github/lib/context.js'

export function githubContext(): Context {
  return new Context()
}
