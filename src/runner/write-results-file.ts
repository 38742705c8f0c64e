import { mkdtempSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { errorMessage } from '../helpers/error-message.js'
import type { BatchResult } from '../nexrender/batch-result.js'
import type { Redactor } from '../helpers/redact.js'
import { resultsFileParts, resultsFileWarning } from '../report/results-file.js'

/** The results file's path once written, or the warning that says why it could not be. */
export type WrittenResultsFile = { path: string } | { warning: string }

/**
 * Writes the results file under RUNNER_TEMP. The folder is made at once and the replies go out as
 * they came, piece by piece, while the summary is worked out. Never rejects: a folder that is
 * missing, not a folder, not writable or full leaves only the file out of the report.
 */
export async function writeResultsFile(
  results: BatchResult[],
  env: NodeJS.ProcessEnv,
  redact: Redactor
): Promise<WrittenResultsFile> {
  const folder = env.RUNNER_TEMP || tmpdir()
  try {
    const path = join(mkdtempSync(join(folder, 'nexrender-cancel-')), 'results.json')
    await writeFile(
      path,
      resultsFileParts(results).map((part) => redact.bytes(part))
    )
    return { path }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code
    return { warning: resultsFileWarning(folder, Boolean(env.RUNNER_TEMP), { code, message: errorMessage(error) }) }
  }
}
