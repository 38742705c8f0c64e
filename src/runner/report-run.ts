import * as core from './runner-commands.js'
import type { Inputs } from '../inputs/inputs.js'
import type { BatchResult } from '../nexrender/batch-result.js'
import { batchLogLine, batchWarnings } from '../report/batch-report.js'
import { actionOutputs } from '../report/outputs.js'
import type { PullRequestReport } from '../report/pull-request-report.js'
import { unreadableFailure } from '../report/record-problems.js'
import type { Redactor } from '../helpers/redact.js'
import { stepFailureMessage } from '../report/step-outcome.js'
import { sweepFailure, sweptNumbers, type SweepReport } from '../report/sweep-report.js'
import { renderSummary } from '../report/summary.js'
import { CANCEL_WORDING, DRY_RUN_WORDING } from '../report/wording.js'
import { writeJobSummary } from './job-summary.js'
import type { RunContext } from './run-context.js'
import { writeResultsFile } from './write-results-file.js'

/** What the report reads: the checked inputs, where the run ran, and the redactor of its secrets. */
export interface RunSetting {
  inputs: Inputs
  context: RunContext
  env: NodeJS.ProcessEnv
  redact: Redactor
}

/** What else the report covers, and how. */
export interface ReportParts {
  pullRequest?: PullRequestReport
  sweep?: SweepReport
  /** The summary's heading, before the verdict. */
  title?: string
  /** False in a post step, whose outputs no later step can read: the log and the summary carry it. */
  outputs?: boolean
}

/**
 * Tells the runner what the run did: a log line and the warnings of each batch, the outputs, the
 * results file and the job summary; then fails the step if the verdict or the pull request says so.
 */
export async function reportRun(
  { inputs, context, env, redact }: RunSetting,
  results: BatchResult[],
  cancelledBy: string | undefined,
  { pullRequest, sweep, title, outputs: setOutputs = true }: ReportParts = {}
): Promise<void> {
  const wording = inputs.dryRun ? DRY_RUN_WORDING : CANCEL_WORDING
  for (const result of results) {
    core.info(redact(batchLogLine(result, wording)))
    if (result.outcome === 'answered')
      for (const warning of batchWarnings(result, wording)) core.warning(redact(warning))
  }
  if (inputs.dryRun) core.info('Dry run: nothing was cancelled. Cascaded relatives cannot be known in advance.')
  const resultsFile = writeResultsFile(results, env, redact)
  const swept = sweep ? sweptNumbers(sweep) : pullRequest && pullRequest.toCancel.length > 0 ? [pullRequest.number] : []
  const outputs = actionOutputs(results, resultsFile.path, inputs.dryRun, swept)
  if (setOutputs) for (const [name, value] of Object.entries(outputs)) core.setOutput(name, redact(value))
  const summary = renderSummary({
    results,
    strictness: inputs.strictness,
    context,
    wording,
    cancelledBy,
    pullRequest,
    sweep,
    title
  })
  await writeJobSummary(redact(summary), env)
  await resultsFile.written
  const failures = [
    pullRequest?.lookupFailure,
    pullRequest && unreadableFailure(pullRequest.number, pullRequest.unreadable),
    sweep && sweepFailure(sweep),
    stepFailureMessage(results, inputs.strictness, wording, cancelledBy)
  ]
  const failure = failures.filter((message) => message !== undefined).join('\n')
  if (failure !== '') core.setFailed(redact(failure))
}
