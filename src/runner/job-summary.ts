import * as core from '@actions/core'
import { errorMessage } from '../helpers/error-message.js'

/** Writes the step's job summary; outside a runner there is no summary file, and the log tells the story. */
export async function writeJobSummary(markdown: string, env: NodeJS.ProcessEnv): Promise<void> {
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
