import { quotableUrl } from '../helpers/quotable-url.js'
import { describeStatus } from './send-with-retries.js'
import { headerOf, type HttpAnswer } from './transport.js'

/** What to do about a status, for people reading a failed step. */
const HINTS: Record<number, string> = {
  400: 'the API rejected the request; check the batch id',
  401: 'check the token secret: it is missing, mistyped or revoked (make a new one in the Nexrender team settings)',
  403: "the token's team cannot reach this batch; use a token of the team that created it"
}

const MAX_SERVER_TEXT = 300

/** A one-line explanation of an HTTP answer that failed a batch: status, the server's own words, a hint. */
export function describeHttpFailure(answer: HttpAnswer): string {
  if (answer.status >= 300 && answer.status < 400) {
    const location = headerOf(answer, 'location')
    // Quoted as any URL is: its query may carry a credential, the token's own among them.
    const target = location ? ` to ${quotableUrl(location)}` : ''
    return `${describeStatus(answer)}: the API redirected${target}; the action never follows redirects, so the token stays with api-url. Check api-url`
  }
  const parts = [describeStatus(answer)]
  const serverText = serverErrorText(answer.body.toString('utf8'))
  if (serverText) parts.push(serverText)
  const hint = HINTS[answer.status]
  if (hint) parts.push(hint)
  return parts.join(': ')
}

/** The `error` and `details` of a documented error body, or a short excerpt of anything else. */
export function serverErrorText(body: string): string {
  const trimmed = body.trim()
  if (trimmed === '') return ''
  let text: string
  try {
    const parsed: unknown = JSON.parse(trimmed)
    text = errorFields(parsed) ?? trimmed
  } catch {
    text = trimmed
  }
  const oneLine = text.replace(/\s+/g, ' ')
  return oneLine.length > MAX_SERVER_TEXT ? `${oneLine.slice(0, MAX_SERVER_TEXT - 3)}...` : oneLine
}

function errorFields(parsed: unknown): string | undefined {
  if (typeof parsed !== 'object' || parsed === null) return undefined
  const { error, details } = parsed as { error?: unknown; details?: unknown }
  const lines: string[] = []
  if (typeof error === 'string') lines.push(error)
  if (Array.isArray(details)) {
    const described = details
      .map((detail: { field?: unknown; message?: unknown }) =>
        [detail?.field, detail?.message].filter((part) => typeof part === 'string').join(': ')
      )
      .filter((line) => line !== '')
    if (described.length > 0) lines.push(`(${described.join('; ')})`)
  }
  return lines.length > 0 ? lines.join(' ') : undefined
}
