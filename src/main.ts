import * as core from '@actions/core'
import { closeSync, mkdtempSync, openSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { batchLogLine, batchWarnings } from './report/batch-report.js'
import type { BatchResult } from './nexrender/batch-result.js'
import { CANCEL, DRY_RUN } from './nexrender/batch-operation.js'
import { errorMessage } from './report/error-message.js'
import { githubContext } from './github/github-context.js'
import { createHttpTransport } from './http/http-transport.js'
import { parseInputs, type Inputs } from './inputs/inputs.js'
import { actionOutputs } from './report/outputs.js'
import { redactor, type Redactor } from './report/redact.js'
import { resultsFileParts } from './report/results-file.js'
import { DEFAULT_RETRY_POLICY, delayScaleFrom } from './http/retry-policy.js'
import { runBatches } from './nexrender/run-batches.js'
import { runContextFrom } from './github/run-context.js'
import { stepFailureMessage } from './report/step-outcome.js'
import { renderSummary } from './report/summary.js'
import { watchForCancellation, type RunCancellation } from './runner/run-cancellation.js'
import { USER_AGENT } from './version.js'
import { CANCEL_WORDING, DRY_RUN_WORDING } from './report/wording.js'

/** The action's edge: the only code that talks to the runner. Everything it calls is a plain function. */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  // Mask the token before anything else can be logged.
  const token = core.getInput('token')
  if (token !== '') core.setSecret(token)
  const redact = redactor(token)
  const cancellation = watchForCancellation(process, (signal, graceMs) =>
    core.info(
      `Received ${signal}: the run is being cancelled. No new request is sent; requests in flight get ${graceMs / 1000} s to answer.`
    )
  )
  try {
    const inputs = parseInputs((name) => core.getInput(name), token)
    const results = await processBatches(inputs, env, redact, cancellation)
    await report(results, inputs, env, redact, cancellation.cancelledBy)
  } catch (error) {
    core.setFailed(redact(errorMessage(error)))
  } finally {
    cancellation.dispose()
  }
}

async function processBatches(
  inputs: Inputs,
  env: NodeJS.ProcessEnv,
  redact: Redactor,
  cancellation: RunCancellation
): Promise<BatchResult[]> {
  const count = `${inputs.batchIds.length} batch${inputs.batchIds.length === 1 ? '' : 'es'}`
  core.info(
    inputs.dryRun
      ? `Dry run: reading ${count} at ${inputs.apiUrl} to predict a cancel; nothing will be cancelled (strictness ${inputs.strictness})`
      : `Cancelling ${count} at ${inputs.apiUrl} (strictness ${inputs.strictness})`
  )
  return runBatches(inputs.batchIds, inputs.dryRun ? DRY_RUN : CANCEL, {
    transport: createHttpTransport(USER_AGENT),
    apiUrl: inputs.apiUrl,
    token: inputs.token,
    timeoutMs: inputs.timeoutMs,
    policy: { ...DEFAULT_RETRY_POLICY, retries: inputs.maxRetries, delayScale: delayScaleFrom(env) },
    sleep: (ms, signal) => delay(ms, undefined, { signal }).catch(() => undefined),
    random: Math.random,
    now: Date.now,
    log: (line) => core.info(redact(line)),
    debug: (line) => core.debug(redact(line)),
    stopping: cancellation.stopping,
    interrupt: cancellation.interrupt
  })
}

async function report(
  results: BatchResult[],
  inputs: Inputs,
  env: NodeJS.ProcessEnv,
  redact: Redactor,
  cancelledBy: string | undefined
): Promise<void> {
  const wording = inputs.dryRun ? DRY_RUN_WORDING : CANCEL_WORDING
  for (const result of results) {
    core.info(redact(batchLogLine(result, wording)))
    if (result.outcome === 'answered')
      for (const warning of batchWarnings(result, wording)) core.warning(redact(warning))
  }
  if (inputs.dryRun) core.info('Dry run: nothing was cancelled. Cascaded relatives cannot be known in advance.')
  const resultsFile = writeResultsFile(results, env, redact)
  const outputs = actionOutputs(results, resultsFile, inputs.dryRun)
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, redact(value))
  const context = runContextFrom(githubContext(), env.GITHUB_REPOSITORY)
  await writeSummary(
    redact(renderSummary({ results, strictness: inputs.strictness, context, wording, cancelledBy })),
    env
  )
  const failure = stepFailureMessage(results, inputs.strictness, wording, cancelledBy)
  if (failure !== undefined) core.setFailed(redact(failure))
}

function writeResultsFile(results: BatchResult[], env: NodeJS.ProcessEnv, redact: Redactor): string {
  const folder = mkdtempSync(join(env.RUNNER_TEMP || tmpdir(), 'nexrender-cancel-'))
  const file = join(folder, 'results.json')
  // Piece by piece: the replies are written as they came, without joining or encoding them again.
  const descriptor = openSync(file, 'w')
  try {
    for (const part of resultsFileParts(results)) writeSync(descriptor, redact.bytes(part))
  } finally {
    closeSync(descriptor)
  }
  return file
}

async function writeSummary(markdown: string, env: NodeJS.ProcessEnv): Promise<void> {
  // Outside a runner there is no summary file; the log and outputs still tell the story.
  if (!env.GITHUB_STEP_SUMMARY) {
    core.debug('GITHUB_STEP_SUMMARY is not set; no job summary written')
    return
  }
  try {
    await core.summary.addRaw(markdown).write()
  } catch (error) {
    core.warning(`The job summary could not be written: ${errorMessage(error)}`)
  }
}
