import type { ActionRun } from '../../local-runner/run-action.js'

/** A finished run as the local runner reports it: a clean exit with nothing written, but for the overrides. */
export function actionRun(overrides: Partial<ActionRun>): ActionRun {
  return {
    exitCode: 0,
    stdout: '',
    stderr: '',
    outputs: {},
    state: {},
    summary: '',
    files: {},
    durationMs: 0,
    ...overrides
  }
}
