import { DEFAULT_API_URL, parseApiUrl } from './api-url.js'
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

/** The defaults of the optional inputs, as `action.yml` declares them (a test keeps the two in step). */
export const INPUT_DEFAULTS = {
  strictness: 'strict',
  'api-url': DEFAULT_API_URL,
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
  // Outside a runner (tests, the demo) unset inputs are empty; a runner fills in the defaults itself.
  const readOptional = (name: keyof typeof INPUT_DEFAULTS) => read(name) || INPUT_DEFAULTS[name]
  return {
    batchIds: parseBatchIds(read('batch-id')),
    token: checkToken(token),
    strictness: parseStrictness(readOptional('strictness')),
    apiUrl: parseApiUrl(readOptional('api-url')),
    timeoutMs: parseTimeoutSeconds(readOptional('timeout-seconds')) * 1000,
    maxRetries: parseMaxRetries(readOptional('max-retries')),
    dryRun: parseDryRun(readOptional('dry-run'))
  }
}

function checkToken(token: string): string {
  if (token === '') {
    throw new InputError(
      'token',
      'is required: pass your Nexrender API token from a secret, e.g. token: ${{ secrets.NEXRENDER_TOKEN }}'
    )
  }
  // A header value cannot hold these; say so without echoing the secret.
  if (/[\s\p{Cc}]/u.test(token)) {
    throw new InputError('token', 'contains whitespace or control characters; check how the secret was saved')
  }
  return token
}

function parseStrictness(value: string): Strictness {
  if (!isStrictness(value)) {
    throw new InputError('strictness', `must be one of ${STRICTNESS_LEVELS.join(', ')}; got '${value}'`)
  }
  return value
}

function parseTimeoutSeconds(raw: string): number {
  const seconds = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : NaN
  if (!(seconds > 0 && seconds <= MAX_TIMEOUT_SECONDS)) {
    throw new InputError(
      'timeout-seconds',
      `must be a number of seconds above 0 and at most ${MAX_TIMEOUT_SECONDS}; got '${raw}'`
    )
  }
  return seconds
}

function parseMaxRetries(raw: string): number {
  const retries = /^\d+$/.test(raw) ? Number(raw) : NaN
  if (!(retries >= 0 && retries <= MAX_RETRIES)) {
    throw new InputError('max-retries', `must be a whole number from 0 to ${MAX_RETRIES}; got '${raw}'`)
  }
  return retries
}

/** The YAML 1.2 booleans, as core.getBooleanInput accepts them. */
function parseDryRun(raw: string): boolean {
  if (['true', 'True', 'TRUE'].includes(raw)) return true
  if (['false', 'False', 'FALSE'].includes(raw)) return false
  throw new InputError('dry-run', `must be true or false; got '${raw}'`)
}
