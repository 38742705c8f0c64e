import { InputError } from './input-error.js'

/** A full commit id: 40 hex digits (SHA-1), or 64 (SHA-256 repositories). */
export const COMMIT_PATTERN = /^[0-9a-f]{40}([0-9a-f]{24})?$/

/** The `commit` input, lower-cased; undefined when empty. */
export function parseCommit(raw: string): string | undefined {
  const commit = raw.trim().toLowerCase()
  if (commit === '') return undefined
  if (!COMMIT_PATTERN.test(commit)) {
    throw new InputError('commit', `must be a full commit id of 40 hex digits; got '${raw.slice(0, 70)}'`)
  }
  return commit
}
