import * as core from '@actions/core'
import { counted } from '../helpers/counted.js'
import { errorMessage } from '../helpers/error-message.js'
import { createHttpTransport } from '../http/http-transport.js'
import { InputError } from '../inputs/input-error.js'
import { parseInputs, type GitHubAccess, type Inputs } from '../inputs/inputs.js'
import { CANCEL, DRY_RUN } from '../nexrender/batch-operation.js'
import { runBatches } from '../nexrender/run-batches.js'
import type { PullRequestPart } from './pull-request-cleanup.js'
import type { SweepPart } from './leftover-sweep.js'
import type { SweepReport } from '../report/sweep-report.js'
import { inputErrorSummary } from '../report/input-error-summary.js'
import { readRunEvent } from '../runner/run-event.js'
import { writeJobSummary } from '../runner/job-summary.js'
import { reportRun, verdictInputs } from '../runner/report-run.js'
import { runnerRetryContext } from '../runner/retry-context.js'
import { watchRunnerSignals } from '../runner/run-cancellation.js'
import { maskedSecretInputs } from '../runner/secret-inputs.js'
import { requireRepository, runContextFrom } from '../runner/run-context.js'
import { USER_AGENT } from '../http/user-agent.js'
import { requireRunnerFiles } from '../runner/runner-files.js'

/** The action's edge: the only code that talks to the runner. Everything it calls is a plain function. */
export async function run(): Promise<void> {
  const { env } = process
  // Listening first: a cancel that comes while the step starts is handled as any other.
  const cancellation = watchRunnerSignals((line) => core.info(line))
  const { secrets, redact } = maskedSecretInputs('token', 'github-token')
  try {
    requireRunnerFiles(env)
    const inputs = parseInputs((name) => core.getInput(name), secrets.token, secrets['github-token'], env)
    const context = runContextFrom(readRunEvent(env), env.GITHUB_REPOSITORY)
    const retry = runnerRetryContext(inputs.maxRetries, redact, cancellation)
    const transport = createHttpTransport(USER_AGENT, redact)
    const info = (line: string) => core.info(redact(line))
    const group = (title: string, lines: string[]) => {
      if (lines.length === 0) return info(title)
      core.startGroup(redact(title))
      for (const line of lines) info(line)
      core.endGroup()
    }
    const warn = (message: string) => core.warning(redact(message))
    const github = (access: GitHubAccess) => ({
      // GitHub's calls record what the cancels did, so they may use the grace that requests in flight get.
      ...retry,
      stopping: cancellation.interrupt,
      transport,
      ...access,
      repository: requireRepository(context.repository),
      timeoutMs: inputs.timeoutMs,
      warn
    })
    // The parts that read records are loaded only when asked for (chunks of their own), so a plain
    // cancel never pays for the GitHub client.
    let pullRequest: PullRequestPart | undefined
    let sweep: SweepPart | undefined
    if (inputs.pullRequest) {
      const { lookUpPullRequest } = await import('./pull-request-cleanup.js')
      const { number, onlySuperseded } = inputs.pullRequest
      pullRequest = await lookUpPullRequest(
        { ...github(inputs.pullRequest.github), pullRequest: number, onlySuperseded },
        info
      )
    }
    if (inputs.sweep) {
      const { findSweepBatches } = await import('./leftover-sweep.js')
      const { mode, days, budget } = inputs.sweep
      sweep = await findSweepBatches(
        { ...github(inputs.sweep.github), mode, days, requestBudget: budget, serverUrl: context.serverUrl },
        group
      )
    }
    const recorded = new Set([
      ...(pullRequest?.report.toCancel ?? []).map((record) => record.batchId),
      ...(sweep?.batchIds ?? [])
    ])
    const batchIds = [...new Set([...inputs.batchIds, ...recorded])]
    if (batchIds.length > 0) announce(batchIds, inputs)
    const results = await runBatches(batchIds, inputs.dryRun ? DRY_RUN : CANCEL, {
      ...retry,
      transport,
      apiUrl: inputs.apiUrl,
      token: inputs.token,
      timeoutMs: inputs.timeoutMs,
      recorded
    })
    const pullRequestReport =
      pullRequest && !inputs.dryRun
        ? await (await import('./pull-request-cleanup.js')).writeOutcomes(pullRequest, results, warn)
        : pullRequest?.report
    let sweepReport: SweepReport | undefined
    if (sweep) {
      const { sweepReport: reportOf, writeSweepOutcomes } = await import('./leftover-sweep.js')
      sweepReport = reportOf(inputs.dryRun ? sweep : await writeSweepOutcomes(sweep, results, new Date()))
      info(
        `The sweep made ${sweepReport.githubRequests} GitHub requests of its budget of ${sweepReport.budget}; ` +
          `it left ${sweepReport.left} pull requests for the next run.`
      )
    }
    await reportRun({ ...verdictInputs(inputs), context, env, redact }, results, cancellation.cancelledBy, {
      pullRequest: pullRequestReport,
      sweep: sweepReport
    })
  } catch (error) {
    const message = redact(errorMessage(error))
    if (error instanceof InputError) await writeJobSummary(inputErrorSummary('Nexrender batch cancel', message))
    core.setFailed(message)
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
