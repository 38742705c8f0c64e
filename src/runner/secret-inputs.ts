import * as core from '@actions/core'
import { redactor, type Redactor } from '../helpers/redact.js'

/**
 * Reads the token inputs and masks them with the runner before anything else can be logged; gives
 * them by name, and the redactor for what the runner does not mask (files, the summary).
 */
export function maskedSecretInputs<Name extends string>(
  ...names: Name[]
): { secrets: Record<Name, string>; redact: Redactor } {
  const secrets = Object.fromEntries(names.map((name) => [name, core.getInput(name)])) as Record<Name, string>
  for (const secret of Object.values<string>(secrets)) if (secret !== '') core.setSecret(secret)
  return { secrets, redact: redactor(...Object.values<string>(secrets)) }
}
