import type { BatchResult } from '../nexrender/batch-result.js'

/**
 * What the results file holds, as the pieces to write in turn: a JSON array, in input order, of each
 * batch's full reply as the API sent it (a 404 as the reported `unchanged` record; in a dry run, the
 * batch as read), and for a batch that failed, its id and the error, so positions still match.
 */
export function resultsFileParts(results: BatchResult[]): Buffer[] {
  const parts: Buffer[] = [Buffer.from('[')]
  for (const [index, result] of results.entries()) {
    if (index > 0) parts.push(Buffer.from(','))
    parts.push(
      result.outcome === 'answered'
        ? result.record
        : Buffer.from(JSON.stringify({ batchId: result.batchId, error: result.problem }))
    )
  }
  parts.push(Buffer.from(']'))
  return parts
}

/** What the folder's failure says about it, by the error's code; what a step can do to RUNNER_TEMP. */
const FOLDER_PROBLEMS: Record<string, string> = {
  ENOENT: 'does not exist',
  ENOTDIR: 'is not a directory (a file is in its place, or in its path)',
  EACCES: 'is not writable by the step',
  EPERM: 'is not writable by the step',
  EROFS: 'is on a read-only file system',
  ENOSPC: 'is full',
  EDQUOT: 'is over its disk quota'
}

/**
 * The warning when the results file cannot be written: which folder, what is wrong with it, that
 * only the `results-file` output is left empty, and what to check.
 * @param folder where the file was to go: RUNNER_TEMP, or the system's temporary folder without it
 */
export function resultsFileWarning(
  folder: string,
  runnerTempSet: boolean,
  error: { code?: string; message: string }
): string {
  const where = runnerTempSet
    ? `RUNNER_TEMP (${folder})`
    : `the system's temporary folder ${folder} (RUNNER_TEMP is not set)`
  const problem = (error.code && FOLDER_PROBLEMS[error.code]) ?? 'cannot be written to'
  return (
    `The results file could not be written: ${where} ${problem} (${error.message}). ` +
    'The results-file output is left empty; the other outputs, the summary and the verdict are as usual. ' +
    'Check that RUNNER_TEMP names a directory the step can write to, with room left: the runner sets it, ' +
    'so an earlier step may have removed, replaced or filled it.'
  )
}
