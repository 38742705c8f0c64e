import * as core from '@actions/core'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { batchLogLine, batchWarnings } from './report/batch-report.js'
import type { BatchResult } from './nexrender/batch-result.js'
import { CANCEL, DRY_RUN } from './nexrender/batch-operation.js'
import { errorMessage } from './report/error-message.js'
import { githubContext } from './github/github-context.js'
import { createHttpTransport } from './http/http-transport.js'
import { parseInputs, type Inputs } from './inputs/inputs.js'
import { actionOutputs } from './report/outputs.js'
import { redactor } from './report/redact.js'
import { resultsFileText } from './report/results-file.js'
import { DEFAULT_RETRY_POLICY, delayScaleFrom } from './http/retry-policy.js'
import { runBatches } from './nexrender/run-batches.js'
import { runContextFrom } from './github/run-context.js'
import { stepFailureMessage } from './report/step-outcome.js'
import { renderSummary } from './report/summary.js'
import { USER_AGENT } from './version.js'
import { CANCEL_WORDING, DRY_RUN_WORDING } from './report/wording.js'

/** The action's edge: the only code that talks to the runner. Everything it calls is a plain function. */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  // Mask the token before anything else can be logged.
  const token = core.getInput('token')
  if (token !== '') core.setSecret(token)
  const redact = redactor(token)
  try {
    const inputs = parseInputs((name) => core.getInput(name), token)
    const results = await processBatches(inputs, env, redact)
    await report(results, inputs, env, redact)
  } catch (error) {
    core.setFailed(redact(errorMessage(error)))
  }
}

async function processBatches(
  inputs: Inputs,
  env: NodeJS.ProcessEnv,
  redact: (text: string) => string
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
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    random: Math.random,
    now: Date.now,
    log: (line) => core.info(redact(line)),
    debug: (line) => core.debug(redact(line))
  })
}

async function report(
  results: BatchResult[],
  inputs: Inputs,
  env: NodeJS.ProcessEnv,
  redact: (text: string) => string
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
  await writeSummary(redact(renderSummary({ results, strictness: inputs.strictness, context, wording })), env)
  const failure = stepFailureMessage(results, inputs.strictness, wording)
  if (failure !== undefined) core.setFailed(redact(failure))
}

function writeResultsFile(results: BatchResult[], env: NodeJS.ProcessEnv, redact: (text: string) => string): string {
  const folder = mkdtempSync(join(env.RUNNER_TEMP || tmpdir(), 'nexrender-cancel-'))
  const file = join(folder, 'results.json')
  writeFileSync(file, redact(resultsFileText(results)))
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
