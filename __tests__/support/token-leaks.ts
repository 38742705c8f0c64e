import type { ActionRun } from '../../local-runner/run-action.js'

/** SECURITY.md's promise: no run of this many consecutive characters of a token is ever shown or kept. */
export const LEAK_RUN = 8

/**
 * Every place where a run of LEAK_RUN characters of one of the tokens shows: the step's log (stdout
 * and stderr, but for the runner's mask commands, which must hold the tokens whole), each file it
 * wrote for a later step or a person (outputs, state, summary, results file), and the comments given.
 * Tokens not given (undefined or empty) are skipped.
 */
export function tokenLeaks(
  run: ActionRun,
  tokens: ReadonlyArray<string | undefined>,
  comments: readonly string[] = []
): string[] {
  const given = tokens.filter((token): token is string => token !== undefined && token !== '')
  const maskCommands = new Set(given.map((token) => `::add-mask::${token}`))
  const log = `${run.stdout}\n${run.stderr}`
    .split('\n')
    .filter((line) => !maskCommands.has(line))
    .join('\n')
  const places: Array<[string, string]> = [
    ['log', log],
    ...Object.entries(run.files),
    ...comments.map((body, index): [string, string] => [`comment ${index + 1}`, body])
  ]
  return places.flatMap(([place, text]) =>
    given.flatMap((token) =>
      runsOf(token)
        .filter((run) => text.includes(run))
        .map((run) => `${place}: '${run}'`)
    )
  )
}

/** Fails when tokenLeaks finds anything, naming each place and run; gives the run back. */
export function expectNoTokenLeaks(
  run: ActionRun,
  tokens: ReadonlyArray<string | undefined>,
  comments: readonly string[] = []
): ActionRun {
  const leaks = tokenLeaks(run, tokens, comments)
  if (leaks.length > 0) throw new Error(`a token leaked, in part or whole, into ${leaks.join(', ')}`)
  return run
}

/** Every run of LEAK_RUN characters of a token; a shorter token whole. */
function runsOf(token: string): string[] {
  if (token.length <= LEAK_RUN) return [token]
  return Array.from({ length: token.length - LEAK_RUN + 1 }, (_, start) => token.slice(start, start + LEAK_RUN))
}
