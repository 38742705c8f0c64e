import * as core from '@actions/core'
import { counted } from '../helpers/counted.js'
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

/** What the report reads: the verdict's inputs, where the run ran, and the redactor of its secrets. */
export interface RunSetting extends VerdictInputs {
  context: RunContext
  env: NodeJS.ProcessEnv
  redact: Redactor
}

/** The inputs the verdict and the wording depend on. */
export type VerdictInputs = Pick<Inputs, 'strictness' | 'dryRun'>

/** Only what the report reads of the inputs: no token goes with them. */
export function verdictInputs({ strictness, dryRun }: Inputs): VerdictInputs {
  return { strictness, dryRun }
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
 * Tells the runner what the run did: a log line and the warnings of each batch, the job summary, the
 * results file and the outputs; then fails the step if the verdict or the pull request says so.
 */
export async function reportRun(
  { strictness, dryRun, context, env, redact }: RunSetting,
  results: BatchResult[],
  cancelledBy: string | undefined,
  { pullRequest, sweep, title, outputs: setOutputs = true }: ReportParts = {}
): Promise<void> {
  const wording = dryRun ? DRY_RUN_WORDING : CANCEL_WORDING
  // Several batches' lines fold into one group of the log; their warnings still show as annotations.
  const grouped = results.length > 1
  if (grouped) core.startGroup(`${counted(results.length, 'batch', 'batches')}: each one's outcome`)
  for (const result of results) {
    core.info(redact(batchLogLine(result, wording)))
    if (result.outcome === 'answered')
      for (const warning of batchWarnings(result, wording))
        core.warning(redact(warning), { title: `Nexrender batch ${result.batchId}` })
  }
  if (grouped) core.endGroup()
  if (dryRun) core.info('Dry run: nothing was cancelled. Cascaded relatives cannot be known in advance.')
  const resultsFile = writeResultsFile(results, env, redact)
  const summary = renderSummary({
    results,
    strictness,
    context,
    wording,
    cancelledBy,
    pullRequest,
    sweep,
    title
  })
  await writeJobSummary(redact(summary))
  // A results file that could not be written leaves its output empty, and nothing else out.
  const written = await resultsFile
  if ('warning' in written) core.warning(redact(written.warning))
  const swept = sweep ? sweptNumbers(sweep) : pullRequest && pullRequest.toCancel.length > 0 ? [pullRequest.number] : []
  const outputs = actionOutputs(results, 'path' in written ? written.path : '', dryRun, swept, sweep?.left)
  if (setOutputs) for (const [name, value] of Object.entries(outputs)) core.setOutput(name, redact(value))
  const failures = [
    pullRequest?.lookupFailure,
    pullRequest && unreadableFailure(pullRequest.number, pullRequest.unreadable),
    sweep && sweepFailure(sweep),
    stepFailureMessage(results, strictness, wording, cancelledBy)
  ]
  const failure = failures.filter((message) => message !== undefined).join('\n')
  if (failure !== '') core.setFailed(redact(failure))
}
