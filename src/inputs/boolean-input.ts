import { InputError } from './input-error.js'

/** The YAML 1.2 booleans, as core.getBooleanInput accepts them. */
export function parseBooleanInput(input: string, raw: string): boolean {
  if (['true', 'True', 'TRUE'].includes(raw)) return true
  if (['false', 'False', 'FALSE'].includes(raw)) return false
  throw new InputError(input, `must be true or false; got '${raw}'`)
}
