import * as core from '@actions/core'
import { errorMessage } from '../helpers/error-message.js'

/**
 * Writes the step's job summary where `@actions/core` writes it, to the file `GITHUB_STEP_SUMMARY`
 * names; outside a runner there is no summary file, and the log tells the story.
 */
export async function writeJobSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    core.debug('GITHUB_STEP_SUMMARY is not set; no job summary written')
    return
  }
  try {
    await core.summary.addRaw(markdown).write()
  } catch (error) {
    core.warning(`The job summary could not be written: ${errorMessage(error)}`)
  }
}
