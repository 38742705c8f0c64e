import { DEFAULT_API_URL, parseApiUrl } from './api-url.js'
import { parseBatchIds } from './batch-ids.js'
import { parseBooleanInput } from './boolean-input.js'
import { parseGitHubApiUrl } from './github-api-url.js'
import { InputError } from './input-error.js'
import { parsePullRequestNumber } from './pull-request-input.js'
import { checkSecretInput } from './secret-input.js'
import { isStrictness, STRICTNESS_LEVELS, type Strictness } from './strictness.js'
import { isSweepMode, SWEEP_MODES, type SweepMode } from './sweep-mode.js'

/** Everything the run needs, parsed and checked. */
export interface Inputs {
  /** The batches given by id; may be empty when a pull request is given. */
  batchIds: string[]
  token: string
  strictness: Strictness
  apiUrl: string
  timeoutMs: number
  maxRetries: number
  /** Read the batches and predict, without cancelling anything. */
  dryRun: boolean
  /** Set when the batches recorded on a pull request are to be cancelled too. */
  pullRequest?: PullRequestInputs
  /** Set when the records of the repository's pull requests are swept instead. */
  sweep?: SweepInputs
}

/** The GitHub API and its token, for the records: given as they are to the GitHub connection. */
export interface GitHubAccess {
  token: string
  /** The REST API's base URL. */
  apiUrl: string
}

export interface PullRequestInputs {
  number: number
  /** Only the batches recorded for commits other than the pull request's current head. */
  onlySuperseded: boolean
  github: GitHubAccess
}

export interface SweepInputs {
  /** closed: the open batches of closed pull requests; superseded: those too, and open pull requests' superseded ones. */
  mode: SweepMode
  /** How far back to look, by when a records comment was last updated. */
  days: number
  /** The most GitHub requests one run of the sweep makes (`sweep-budget`). */
  budget: number
  github: GitHubAccess
}

/** Reads one input by its `action.yml` name; returns '' when it is not set. */
export type InputReader = (name: string) => string

/**
 * The defaults of the optional inputs, as `action.yml` declares them (a test keeps the two in step). A
 * runner fills in an input that is not given; these apply to one given empty, as an expression that
 * evaluates to '' gives it (`strictness: \${{ inputs.strictness }}` in a dispatch without it).
 */
export const INPUT_DEFAULTS = {
  strictness: 'strict',
  'api-url': DEFAULT_API_URL,
  'timeout-seconds': '30',
  'max-retries': '3',
  'dry-run': 'false',
  'only-superseded': 'false',
  'sweep-days': '30',
  'sweep-budget': '200'
} as const

const MAX_TIMEOUT_SECONDS = 600
const MAX_RETRIES = 10
const MAX_SWEEP_DAYS = 3650
/** A run's GitHub requests: enough for a few pull requests, and never more than the repository's hourly 1,000 allow. */
export const MIN_SWEEP_BUDGET = 20
export const MAX_SWEEP_BUDGET = 5000

/**
 * Parses and checks every input, so that a mistake fails the step before any request is sent.
 * The tokens are read by the caller first (to mask them) and passed in; no message ever quotes them.
 */
export function parseInputs(
  read: InputReader,
  token: string,
  githubToken = '',
  env: Record<string, string | undefined> = {}
): Inputs {
  const readOptional = (name: keyof typeof INPUT_DEFAULTS) => read(name) || INPUT_DEFAULTS[name]
  const batchIds = parseBatchIds(read('batch-id'), true)
  const pullRequestNumber = parsePullRequestNumber(read('pull-request'))
  const sweep = parseSweepMode(read('sweep'))
  if (sweep !== undefined && (batchIds.length > 0 || pullRequestNumber !== undefined)) {
    throw new InputError(
      'sweep',
      `goes alone: a sweep finds its batches itself, so give batch-id and pull-request to another step (got ${batchIds.length > 0 ? 'batch-id' : 'pull-request'} too)`
    )
  }
  if (batchIds.length === 0 && pullRequestNumber === undefined && sweep === undefined) {
    throw new InputError(
      'batch-id',
      "is required unless pull-request or sweep is given: give one batch id, or several separated by commas, spaces or newlines; or pull-request, the number of a pull request whose recorded batches to cancel; or sweep, closed or superseded, to cancel what the repository's pull requests left behind"
    )
  }
  const github = (): GitHubAccess => ({
    token: checkSecretInput(
      'github-token',
      githubToken,
      `${sweep === undefined ? 'pull-request' : 'sweep'} reads the comments of pull requests with it; its default is \${{ github.token }}`
    ),
    apiUrl: parseGitHubApiUrl(read('github-api-url'), env)
  })
  const onlySuperseded = parseBooleanInput('only-superseded', readOptional('only-superseded'))
  if (onlySuperseded && pullRequestNumber === undefined) {
    throw new InputError('only-superseded', 'needs pull-request: it picks among the batches recorded on a pull request')
  }
  return {
    batchIds,
    token: checkSecretInput(
      'token',
      token,
      'pass your Nexrender API token from a secret, e.g. token: ${{ secrets.NEXRENDER_TOKEN }}'
    ),
    strictness: parseStrictness(readOptional('strictness')),
    apiUrl: parseApiUrl(readOptional('api-url')),
    timeoutMs: parseTimeoutSeconds(readOptional('timeout-seconds')) * 1000,
    maxRetries: parseMaxRetries(readOptional('max-retries')),
    dryRun: parseBooleanInput('dry-run', readOptional('dry-run')),
    ...(pullRequestNumber === undefined
      ? {}
      : { pullRequest: { number: pullRequestNumber, onlySuperseded, github: github() } }),
    ...(sweep === undefined
      ? {}
      : {
          sweep: {
            mode: sweep,
            days: parseSweepDays(readOptional('sweep-days')),
            budget: parseSweepBudget(readOptional('sweep-budget')),
            github: github()
          }
        })
  }
}

function parseSweepMode(raw: string): SweepMode | undefined {
  const mode = raw.trim().toLowerCase()
  if (mode === '') return undefined
  if (!isSweepMode(mode))
    throw new InputError('sweep', `must be ${SWEEP_MODES.join(' or ')}, or empty; got '${raw.slice(0, 40)}'`)
  return mode
}

function parseSweepDays(raw: string): number {
  const days = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : NaN
  if (!(days >= 1 && days <= MAX_SWEEP_DAYS)) {
    throw new InputError(
      'sweep-days',
      `must be a whole number of days from 1 to ${MAX_SWEEP_DAYS}; got '${raw.slice(0, 40)}'`
    )
  }
  return days
}

function parseSweepBudget(raw: string): number {
  const budget = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : NaN
  if (!(budget >= MIN_SWEEP_BUDGET && budget <= MAX_SWEEP_BUDGET)) {
    throw new InputError(
      'sweep-budget',
      `must be a whole number of GitHub requests from ${MIN_SWEEP_BUDGET} to ${MAX_SWEEP_BUDGET}; got '${raw.slice(0, 40)}'`
    )
  }
  return budget
}

/** Any case, as the booleans accept `True`: a word that names a level is not a typo. */
function parseStrictness(raw: string): Strictness {
  const value = raw.trim().toLowerCase()
  if (!isStrictness(value)) {
    throw new InputError('strictness', `must be one of ${STRICTNESS_LEVELS.join(', ')}; got '${raw.slice(0, 40)}'`)
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
