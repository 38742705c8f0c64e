import { mkdtempSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BatchResult } from '../nexrender/batch-result.js'
import type { Redactor } from '../helpers/redact.js'
import { resultsFileParts } from '../report/results-file.js'

/**
 * Starts writing the results file under RUNNER_TEMP and gives its path at once: the replies go out
 * as they came, piece by piece, while the outputs and the summary are worked out.
 */
export function writeResultsFile(
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
