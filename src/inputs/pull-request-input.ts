import { InputError } from './input-error.js'

/** The `pull-request` input: a pull request's number, or undefined when empty. */
export function parsePullRequestNumber(raw: string): number | undefined {
  const trimmed = raw.trim()
  if (trimmed === '') return undefined
  const number = /^\d{1,10}$/.test(trimmed) ? Number(trimmed) : NaN
  if (!(number >= 1 && number <= 2 ** 31 - 1)) {
    throw new InputError('pull-request', `must be a pull request's number, like 42; got '${raw.slice(0, 40)}'`)
  }
  return number
}
