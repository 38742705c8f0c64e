import * as core from '@actions/core'
import { mkdtempSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { githubContext } from './runner/github-context.js'
import type { PullRequestBatches } from './records/pull-request-batches.js'
import { eventHeadOf, requireRepository, runContextFrom, type RunContext } from './runner/run-context.js'
import { createHttpTransport } from './http/http-transport.js'
import type { RetryContext } from './http/send-with-retries.js'
import type { Transport } from './http/transport.js'
import { parseInputs, type Inputs, type PullRequestInputs } from './inputs/inputs.js'
import { CANCEL, DRY_RUN } from './nexrender/batch-operation.js'
import type { BatchResult } from './nexrender/batch-result.js'
import { runBatches } from './nexrender/run-batches.js'
import { batchLogLine, batchWarnings } from './report/batch-report.js'
import { counted } from './helpers/counted.js'
import { errorMessage } from './helpers/error-message.js'
import { actionOutputs } from './report/outputs.js'
import { pullRequestLogLines, type PullRequestReport } from './report/pull-request-report.js'
import { redactor, type Redactor } from './report/redact.js'
import { resultsFileParts } from './report/results-file.js'
import { stepFailureMessage } from './report/step-outcome.js'
import { renderSummary } from './report/summary.js'
import { CANCEL_WORDING, DRY_RUN_WORDING } from './report/wording.js'
import { writeJobSummary } from './runner/job-summary.js'
import { runnerRetryContext } from './runner/retry-context.js'
import { watchForCancellation } from './runner/run-cancellation.js'
import { USER_AGENT } from './version.js'

/** A pull request's part in the run: its records as read (absent if they could not be), and the report. */
interface PullRequestPart {
  batches?: PullRequestBatches
  report: PullRequestReport
}

/** What every part of the run reads: the checked inputs, where it runs, and the redactor of its secrets. */
interface RunSetting {
  inputs: Inputs
  context: RunContext
  env: NodeJS.ProcessEnv
  redact: Redactor
}

/** The action's edge: the only code that talks to the runner. Everything it calls is a plain function. */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  // Mask the tokens before anything else can be logged.
  const token = core.getInput('token')
  const githubToken = core.getInput('github-token')
  for (const secret of [token, githubToken]) if (secret !== '') core.setSecret(secret)
  const redact = redactor(token, githubToken)
  const cancellation = watchForCancellation(process, (signal, graceMs) =>
    core.info(
      `Received ${signal}: the run is being cancelled. No new request is sent; requests in flight get ${graceMs / 1000} s to answer.`
    )
  )
  try {
    const inputs = parseInputs((name) => core.getInput(name), token, githubToken, env)
    const context = runContextFrom(githubContext(), env.GITHUB_REPOSITORY)
    const setting: RunSetting = { inputs, context, env, redact }
    const retry = runnerRetryContext(inputs.maxRetries, env, redact, cancellation)
    // GitHub's calls record what the cancels did, so they may use the grace that requests in flight get.
    const githubRetry = { ...retry, stopping: cancellation.interrupt }
    const transport = createHttpTransport(USER_AGENT)
    const pullRequest = inputs.pullRequest
      ? await lookUpPullRequest(setting, inputs.pullRequest, githubRetry, transport)
      : undefined
    const batchIds = [
      ...new Set([...inputs.batchIds, ...(pullRequest?.report.toCancel ?? []).map((record) => record.batchId)])
    ]
    if (batchIds.length > 0) announce(batchIds, inputs)
    const results = await runBatches(batchIds, inputs.dryRun ? DRY_RUN : CANCEL, {
      ...retry,
      transport,
      apiUrl: inputs.apiUrl,
      token: inputs.token,
      timeoutMs: inputs.timeoutMs
    })
    if (pullRequest?.batches && !inputs.dryRun)
      await recordOutcomes(pullRequest.batches, pullRequest.report, results, redact)
    await report(setting, results, cancellation.cancelledBy, pullRequest?.report)
  } catch (error) {
    core.setFailed(redact(errorMessage(error)))
  } finally {
    cancellation.dispose()
  }
}

function announce(batchIds: string[], inputs: Inputs): void {
  const count = counted(batchIds.length, 'batch', 'batches')
  core.info(
    inputs.dryRun
      ? `Dry run: reading ${count} at ${inputs.apiUrl} to predict a cancel; nothing will be cancelled (strictness ${inputs.strictness})`
      : `Cancelling ${count} at ${inputs.apiUrl} (strictness ${inputs.strictness})`
  )
}

/**
 * Reads the batches recorded on the pull request. Octokit and the records logic are loaded only here,
 * so a plain cancel never pays for them. A failure is reported, not thrown: the batches given by id
 * are still cancelled, and the step then fails naming the lookup.
 */
async function lookUpPullRequest(
  { inputs, context, redact }: RunSetting,
  pullRequest: PullRequestInputs,
  retry: RetryContext,
  transport: Transport
): Promise<PullRequestPart> {
  const { number } = pullRequest
  try {
    const { lookUpPullRequestBatches } = await import('./records/pull-request-batches.js')
    const batches = await lookUpPullRequestBatches({
      ...retry,
      transport,
      token: pullRequest.githubToken,
      apiUrl: pullRequest.githubApiUrl,
      repository: requireRepository(context.repository),
      timeoutMs: inputs.timeoutMs,
      warn: (message) => core.warning(redact(message)),
      pullRequest: number,
      onlySuperseded: pullRequest.onlySuperseded,
      eventHead: eventHeadOf(context, number)
    })
    const { commentUrl, records, toCancel, alreadyDone, current, head } = batches
    const report: PullRequestReport = { number, commentUrl, recorded: records, toCancel, alreadyDone, current, head }
    for (const line of pullRequestLogLines(report)) core.info(redact(line))
    return { batches, report }
  } catch (error) {
    const lookupFailure = `Could not read the batches recorded on pull request #${number}: ${errorMessage(error)}`
    core.info(redact(lookupFailure))
    return { report: { number, lookupFailure, recorded: [], toCancel: [], alreadyDone: [], current: [] } }
  }
}

/** Writes the outcomes into the pull request's comment; if that fails the cancels still stand, with a warning. */
async function recordOutcomes(
  batches: PullRequestBatches,
  report: PullRequestReport,
  results: BatchResult[],
  redact: Redactor
): Promise<void> {
  try {
    const { recordCancelOutcomes } = await import('./records/pull-request-batches.js')
    report.commentUrl = (await recordCancelOutcomes(batches, results, new Date().toISOString())).commentUrl
  } catch (error) {
    report.updateFailure = errorMessage(error)
    core.warning(
      redact(`The cancels happened, but the pull request's comment could not be updated: ${errorMessage(error)}`)
    )
  }
}

async function report(
  { inputs, context, env, redact }: RunSetting,
  results: BatchResult[],
  cancelledBy: string | undefined,
  pullRequest: PullRequestReport | undefined
): Promise<void> {
  const wording = inputs.dryRun ? DRY_RUN_WORDING : CANCEL_WORDING
  for (const result of results) {
    core.info(redact(batchLogLine(result, wording)))
    if (result.outcome === 'answered')
      for (const warning of batchWarnings(result, wording)) core.warning(redact(warning))
  }
  if (inputs.dryRun) core.info('Dry run: nothing was cancelled. Cascaded relatives cannot be known in advance.')
  const resultsFile = writeResultsFile(results, env, redact)
  const outputs = actionOutputs(results, resultsFile.path, inputs.dryRun)
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, redact(value))
  const summary = renderSummary({ results, strictness: inputs.strictness, context, wording, cancelledBy, pullRequest })
  await writeJobSummary(redact(summary), env)
  await resultsFile.written
  const failures = [pullRequest?.lookupFailure, stepFailureMessage(results, inputs.strictness, wording, cancelledBy)]
  const failure = failures.filter((message) => message !== undefined).join('\n')
  if (failure !== '') core.setFailed(redact(failure))
}

/**
 * Starts writing the results file and gives its path at once: the replies go out as they came, piece
 * by piece, while the outputs and the summary are worked out.
 */
function writeResultsFile(
  results: BatchResult[],
  env: NodeJS.ProcessEnv,
  redact: Redactor
): { path: string; written: Promise<void> } {
  const path = join(mkdtempSync(join(env.RUNNER_TEMP || tmpdir(), 'nexrender-cancel-')), 'results.json')
  return {
    path,
    written: writeFile(
      path,
      resultsFileParts(results).map((part) => redact.bytes(part))
    )
  }
}
