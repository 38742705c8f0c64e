import { parseApiUrl } from './api-url.js'
import { parseBatchIds } from './batch-ids.js'
import { InputError } from './input-error.js'
import { isStrictness, STRICTNESS_LEVELS, type Strictness } from './strictness.js'

/** Everything the run needs, parsed and checked. */
export interface Inputs {
  batchIds: string[]
  token: string
  strictness: Strictness
  apiUrl: string
  timeoutMs: number
  maxRetries: number
  /** Read the batches and predict, without cancelling anything. */
  dryRun: boolean
}

/** Reads one input by its `action.yml` name; returns '' when it is not set. */
export type InputReader = (name: string) => string

export const INPUT_DEFAULTS = {
  strictness: 'strict',
  'timeout-seconds': '30',
  'max-retries': '3',
  'dry-run': 'false'
} as const

const MAX_TIMEOUT_SECONDS = 600
const MAX_RETRIES = 10

/**
 * Parses and checks every input, so that a mistake fails the step before any request is sent.
 * The token is read by the caller first (to mask it) and passed in; no message ever quotes it.
 */
export function parseInputs(read: InputReader, token: string): Inputs {
  return {
    batchIds: parseBatchIds(read('batch-id')),
    token: checkToken(token),
    strictness: parseStrictness(read('strictness')),
    apiUrl: parseApiUrl(read('api-url')),
    timeoutMs: parseTimeoutSeconds(read('timeout-seconds')) * 1000,
    maxRetries: parseMaxRetries(read('max-retries')),
    dryRun: parseDryRun(read('dry-run'))
  }
}

function checkToken(token: string): string {
  if (token === '') {
    throw new InputError('token', 'is required: pass your Nexrender API token from a secret, e.g. token: ${{ secrets.NEXRENDER_TOKEN }}')
  }
  // A header value cannot hold these; say so without echoing the secret.
  if (/[\s\u0000-\u001f\u007f]/.test(token)) {
    throw new InputError('token', 'contains whitespace or control characters; check how the secret was saved')
  }
  return token
}

function parseStrictness(raw: string): Strictness {
  const value = raw === '' ? INPUT_DEFAULTS.strictness : raw
  if (!isStrictness(value)) {
    throw new InputError('strictness', `must be one of ${STRICTNESS_LEVELS.join(', ')}; got '${raw}'`)
  }
  return value
}

function parseTimeoutSeconds(raw: string): number {
  const text = raw === '' ? INPUT_DEFAULTS['timeout-seconds'] : raw
  const seconds = /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN
  if (!(seconds > 0 && seconds <= MAX_TIMEOUT_SECONDS)) {
    throw new InputError('timeout-seconds', `must be a number of seconds above 0 and at most ${MAX_TIMEOUT_SECONDS}; got '${raw}'`)
  }
  return seconds
}

function parseMaxRetries(raw: string): number {
  const text = raw === '' ? INPUT_DEFAULTS['max-retries'] : raw
  const retries = /^\d+$/.test(text) ? Number(text) : NaN
  if (!(retries >= 0 && retries <= MAX_RETRIES)) {
    throw new InputError('max-retries', `must be a whole number from 0 to ${MAX_RETRIES}; got '${raw}'`)
  }
  return retries
}

/** The YAML 1.2 booleans, as core.getBooleanInput accepts them. */
function parseDryRun(raw: string): boolean {
  const text = raw === '' ? INPUT_DEFAULTS['dry-run'] : raw
  if (['true', 'True', 'TRUE'].includes(text)) return true
  if (['false', 'False', 'FALSE'].includes(text)) return false
  throw new InputError('dry-run', `must be true or false; got '${raw}'`)
}
