import * as core from '@actions/core'
import { counted } from '../helpers/counted.js'
import { errorMessage } from '../helpers/error-message.js'
import { calling } from '../github/github-failure.js'
import { createHttpTransport } from '../http/http-transport.js'
import { InputError } from '../inputs/input-error.js'
import { parseRecordInputs } from '../inputs/record-inputs.js'
import { closedPullRequestProblem, unreadableWarning } from '../report/record-problems.js'
import { connectToGitHub } from '../records/github-connection.js'
import { isoSeconds } from '../helpers/iso-seconds.js'
import type { RecordChange } from '../records/records.js'
import { inputErrorSummary } from '../report/input-error-summary.js'
import { recordOutputs } from '../report/record-outputs.js'
import { recordFailureSummary, recordSummary } from '../report/record-summary.js'
import { readRunEvent } from '../runner/run-event.js'
import { writeJobSummary } from '../runner/job-summary.js'
import { runnerRetryContext } from '../runner/retry-context.js'
import { maskedSecretInputs } from '../runner/secret-inputs.js'
import { requireRepository, runContextFrom } from '../runner/run-context.js'
import { USER_AGENT } from '../http/user-agent.js'
import { requireRunnerFiles } from '../runner/runner-files.js'
import { watchRunnerSignals } from '../runner/run-cancellation.js'

/** Each GitHub call's limits; the record step has no inputs for them. */
const TIMEOUT_MS = 30_000
const RETRIES = 3

/** The record step's edge: the only code of it that talks to the runner. */
export async function runRecord(): Promise<void> {
  const { env } = process
  // Listening first: a cancel that comes while the step starts is handled as any other.
  const cancellation = watchRunnerSignals((line) => core.info(line))
  const { secrets, redact } = maskedSecretInputs('github-token')
  const githubToken = secrets['github-token']
  const warn = (message: string) => core.warning(redact(message))
  // What the step is recording, from when its inputs are read until the records are written: a
  // failure in between may have left them unrecorded, and its summary says so.
  let recording: { batchIds: string[]; pullRequest: number } | undefined
  try {
    requireRunnerFiles(env)
    const context = runContextFrom(readRunEvent(env), env.GITHUB_REPOSITORY)
    const inputs = parseRecordInputs((name) => core.getInput(name), githubToken, context, env)
    const { pullRequest } = inputs
    recording = { batchIds: inputs.batchIds, pullRequest }
    const hints = { fromFork: context.pullRequestNumber === pullRequest && context.pullRequestFromFork }
    const github = await connectToGitHub({
      ...runnerRetryContext(RETRIES, redact, cancellation),
      // Its calls write the records, so they may use the grace that requests in flight get.
      stopping: cancellation.interrupt,
      transport: createHttpTransport(USER_AGENT, redact),
      ...inputs.github,
      repository: requireRepository(context.repository),
      timeoutMs: TIMEOUT_MS,
      warn
    })
    // Recording by hand: the render was made for what the pull request's head is now.
    const commit =
      inputs.commit ??
      (
        await calling(`Reading the head commit of pull request #${pullRequest}`, () =>
          github.api.pullRequest(pullRequest)
        )
      ).head
    const recordedAt = isoSeconds(Date.now())
    const changes = inputs.batchIds.map((batchId): RecordChange => ({
      kind: 'record',
      record: { batchId, commit, recordedAt, ...(context.runUrl ? { runUrl: context.runUrl } : {}) }
    }))
    const store = github.store(pullRequest)
    const stored = await calling(
      `Writing the records comment of pull request #${pullRequest}`,
      () => store.write(changes),
      hints
    )
    recording = undefined
    for (const unreadable of stored.unreadable) warn(unreadableWarning(unreadable))
    const count = stored.records.length
    core.info(
      redact(
        `Recorded ${inputs.batchIds.join(', ')} on pull request #${pullRequest} for commit ${commit.slice(0, 7)}; ` +
          `${counted(count, 'batch', 'batches')} ${count === 1 ? 'is' : 'are'} recorded there now: ${stored.commentUrl ?? ''}`
      )
    )
    for (const [name, value] of Object.entries(recordOutputs(stored))) core.setOutput(name, redact(value))
    await writeJobSummary(redact(recordSummary({ ...inputs, commit }, stored)))
    // Checked once the records are written: a close after this finds them, and its cleanup cancels them.
    const now = await calling(`Reading the state of pull request #${pullRequest}`, () =>
      github.api.pullRequest(pullRequest)
    )
    const closed = closedPullRequestProblem(now, inputs.batchIds, stored.records)
    if (closed) core.setFailed(redact(closed))
  } catch (error) {
    const cause = redact(errorMessage(error))
    const { cancelledBy } = cancellation
    const message = cancelledBy ? `The run was cancelled (${cancelledBy}) while this step recorded: ${cause}` : cause
    if (error instanceof InputError) await writeJobSummary(inputErrorSummary('Nexrender batches recorded', message))
    else if (recording) await writeJobSummary(recordFailureSummary(recording, message))
    core.setFailed(message)
  } finally {
    cancellation.dispose()
  }
}
