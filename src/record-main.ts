import * as core from '@actions/core'
import { calling } from './github/github-failure.js'
import { openRecordsStore } from './records/records-connection.js'
import { githubContext } from './runner/github-context.js'
import type { RecordChange } from './records/records.js'
import { requireRepository, runContextFrom } from './runner/run-context.js'
import { createHttpTransport } from './http/http-transport.js'
import { parseRecordInputs } from './inputs/record-inputs.js'
import { recordOutputs } from './report/record-outputs.js'
import { recordSummary } from './report/record-summary.js'
import { counted } from './helpers/counted.js'
import { errorMessage } from './helpers/error-message.js'
import { redactor } from './report/redact.js'
import { writeJobSummary } from './runner/job-summary.js'
import { runnerRetryContext } from './runner/retry-context.js'
import { USER_AGENT } from './version.js'

/** Each GitHub call's limits; the record step has no inputs for them. */
const TIMEOUT_MS = 30_000
const RETRIES = 3

/** The record step's edge: the only code of it that talks to the runner. */
export async function runRecord(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  // Mask the token before anything else can be logged.
  const githubToken = core.getInput('github-token')
  if (githubToken !== '') core.setSecret(githubToken)
  const redact = redactor(githubToken)
  try {
    const context = runContextFrom(githubContext(), env.GITHUB_REPOSITORY)
    const inputs = parseRecordInputs((name) => core.getInput(name), githubToken, context, env)
    const repository = requireRepository(context.repository)
    const { store } = await openRecordsStore(
      {
        ...runnerRetryContext(RETRIES, redact),
        transport: createHttpTransport(USER_AGENT),
        token: inputs.githubToken,
        apiUrl: inputs.githubApiUrl,
        repository,
        timeoutMs: TIMEOUT_MS,
        userAgent: USER_AGENT,
        warn: (message) => core.warning(redact(message))
      },
      inputs.pullRequest
    )
    const recordedAt = new Date().toISOString()
    const changes = inputs.batchIds.map((batchId): RecordChange => ({
      kind: 'record',
      record: { batchId, commit: inputs.commit, recordedAt, ...(context.runUrl ? { runUrl: context.runUrl } : {}) }
    }))
    const stored = await calling(`Writing the records comment of pull request #${inputs.pullRequest}`, () =>
      store.write(changes)
    )
    const count = stored.records.length
    core.info(
      redact(
        `Recorded ${inputs.batchIds.join(', ')} on pull request #${inputs.pullRequest} for commit ${inputs.commit.slice(0, 7)}; ` +
          `${counted(count, 'batch', 'batches')} ${count === 1 ? 'is' : 'are'} recorded there now: ${stored.commentUrl ?? ''}`
      )
    )
    for (const [name, value] of Object.entries(recordOutputs(stored))) core.setOutput(name, redact(value))
    await writeJobSummary(redact(recordSummary(inputs, stored)), env)
  } catch (error) {
    core.setFailed(redact(errorMessage(error)))
  }
}
