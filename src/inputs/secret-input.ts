import { InputError } from './input-error.js'

/**
 * Checks a token input without ever quoting it. `howToGive` tells what to pass when it is missing;
 * a header value cannot hold whitespace or control characters, which a badly saved secret has.
 */
export function checkSecretInput(input: string, value: string, howToGive: string): string {
  if (value === '') throw new InputError(input, `is required: ${howToGive}`)
  // The action sends the token with its own prefix; a pasted header value would be sent as `Bearer Bearer …`.
  if (/^(bearer|token)\s/i.test(value)) {
    throw new InputError(
      input,
      `starts with '${value.split(/\s/)[0] ?? ''} ': give the token alone, without the prefix; the action adds it`
    )
  }
  if (/[\s\p{Cc}]/u.test(value)) {
    throw new InputError(input, 'contains whitespace or control characters; check how the secret was saved')
  }
  return value
}
