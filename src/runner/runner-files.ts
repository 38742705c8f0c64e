import { existsSync } from 'node:fs'
/** The files a runner names for the step to write to, by the variable that names each. */
const RUNNER_FILES = {
  GITHUB_OUTPUT: 'the outputs',
  GITHUB_STATE: "the post step's state",
  GITHUB_STEP_SUMMARY: 'the job summary'
} as const

/**
 * A runner creates each file before the step starts; a run by hand may name one it did not create.
 * Said before any request is sent, so that a cancel is never sent and then left unreported. Undefined
 * when every variable that is set names a file that exists.
 */
export function runnerFileProblem(
  env: Record<string, string | undefined>,
  exists: (path: string) => boolean
): string | undefined {
  for (const [variable, what] of Object.entries(RUNNER_FILES)) {
    const path = env[variable]
    if (path && !exists(path)) {
      return (
        `${variable} names '${path}', which does not exist, so ${what} could not be written. A runner creates ` +
        `this file before the step starts; when you run the action by hand, create it first (touch it) or leave ${variable} unset.`
      )
    }
  }
  return undefined
}

/** Fails the step (by throwing) when a runner file named in the environment does not exist. */
export function requireRunnerFiles(env: Record<string, string | undefined>): void {
  const problem = runnerFileProblem(env, existsSync)
  if (problem) throw new Error(problem)
}
