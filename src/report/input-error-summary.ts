import { cell } from '../helpers/markdown.js'

/**
 * The short job summary of a step that stopped on an input error, so that a reviewer who opens the
 * run's summary sees what was wrong and how to fix it, not only the log's annotation.
 */
export function inputErrorSummary(step: string, message: string): string {
  return [
    `## ${step}: ❌ fails: an input is wrong`,
    `> ${cell(message)}`,
    "Nothing was sent. Fix the input in the step's `with:` (the README's inputs table says what each one takes), then re-run the job."
  ].join('\n\n')
}
