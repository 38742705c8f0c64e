import { InputError } from './input-error.js'

/** The documented batch id pattern: a ULID in canonical (upper-case Crockford base32) form. */
export const BATCH_ID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/

/**
 * Splits the `batch-id` input on commas, spaces and newlines, normalizes each id
 * (ULIDs are case-insensitive, upper case is canonical) and drops duplicates,
 * keeping the order in which ids were first given. Empty is an error unless `optional`.
 */
export function parseBatchIds(raw: string, optional = false): string[] {
  const given = raw.split(/[\s,]+/).filter((part) => part !== '')
  if (given.length === 0 && optional) return []
  if (given.length === 0) {
    throw new InputError(
      'batch-id',
      'is required: give one batch id, or several separated by commas, spaces or newlines'
    )
  }
  const invalid = given.filter((id) => !BATCH_ID_PATTERN.test(id.toUpperCase()))
  if (invalid.length > 0) {
    const shown = invalid.map((id) => `'${printable(id)}'`).join(', ')
    throw new InputError(
      'batch-id',
      `has ${invalid.length === 1 ? 'an invalid id' : 'invalid ids'}: ${shown}. ` +
        'A batch id is a ULID: 26 characters of 0-9 and A-Z without I, L, O and U.'
    )
  }
  return [...new Set(given.map((id) => id.toUpperCase()))]
}

/** Keeps a pasted value readable in a message: control characters shown as escapes, length capped. */
function printable(value: string): string {
  const escaped = JSON.stringify(value).slice(1, -1)
  return escaped.length > 60 ? `${escaped.slice(0, 57)}...` : escaped
}
