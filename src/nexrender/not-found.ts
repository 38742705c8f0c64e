import { serverErrorText } from '../http/http-failure.js'
import { describeStatus } from '../http/send-with-retries.js'
import type { HttpAnswer } from '../http/transport.js'

/**
 * What to check when the API says it does not know a batch, after "check": a wrong `api-url` (without
 * `/api/v2`, another version, a gateway) answers 404 for every route, and a token of another team does
 * not see the batches of the team that started the render.
 */
export const NOT_FOUND_CHECKS =
  'api-url (the base URL, ending in /api/v2) and that the token belongs to the team that started the render'

/** What a 404 for a batch means, from its body and from what is known of the batch. */
export type NotFound =
  /** The API's own "not found" for a batch given by hand: nothing there to cancel, as documented. */
  | { kind: 'not-found' }
  /**
   * The API's own "not found" for a batch recorded when its render started, so it existed then: not
   * "nothing left to cancel" but the wrong API or another team's token. The batch fails, its record
   * stays open.
   */
  | { kind: 'recorded-not-found'; problem: string }
  /** Not the API's own error (an HTML page, an empty body, another JSON shape): `api-url` points elsewhere. */
  | { kind: 'not-the-api'; problem: string }

export function judgeNotFound(answer: HttpAnswer, recorded: boolean): NotFound {
  const said = [describeStatus(answer), serverErrorText(answer.body.toString('utf8'))].filter(Boolean).join(': ')
  if (!isApiError(answer.body)) {
    return {
      kind: 'not-the-api',
      problem: `${said}: this is not the Nexrender API's own error (JSON with an "error" message), so api-url points elsewhere: check api-url, the API's base URL ending in /api/v2`
    }
  }
  if (!recorded) return { kind: 'not-found' }
  return {
    kind: 'recorded-not-found',
    problem: `${said}: the batch is recorded, so it existed when its render started: check ${NOT_FOUND_CHECKS}. Its record stays open, and the next cleanup or sweep tries it again`
  }
}

/**
 * Whether a body is the API's own error as documented: a JSON object with an `error` message, and
 * `details` (a list) for validation errors, nothing else.
 */
export function isApiError(body: Buffer): boolean {
  let parsed: unknown
  try {
    parsed = JSON.parse(body.toString('utf8'))
  } catch {
    return false
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return false
  const { error, details, ...rest } = parsed as Record<string, unknown>
  return (
    typeof error === 'string' &&
    error.trim() !== '' &&
    (details === undefined || Array.isArray(details)) &&
    Object.keys(rest).length === 0
  )
}
