import { quotableUrl } from '../helpers/quotable-url.js'
import { InputError } from './input-error.js'

export const DEFAULT_API_URL = 'https://api.nexrender.com/api/v2'

/**
 * Checks an API base URL input (`api-url`, `github-api-url`) and returns it without a trailing slash.
 * Plain http is allowed only for loopback hosts, so a token never crosses a network in clear text.
 * The value is quoted without what may hold a credential: its user info, query and fragment.
 */
export function parseApiUrl(value: string, input = 'api-url'): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new InputError(input, `is not a valid URL: '${quotableUrl(value)}'`)
  }
  if (url.username !== '' || url.password !== '') {
    throw new InputError(input, 'must not contain credentials; the token input carries them')
  }
  if (url.search !== '' || url.hash !== '') {
    throw new InputError(input, `must not have a query or fragment; give the base URL alone: '${quotableUrl(value)}'`)
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new InputError(
      input,
      `must use https: plain http is allowed only for localhost, 127.0.0.0/8 and [::1]; got '${quotableUrl(value)}', did you mean '${quotableUrl(value).replace(/^http:/i, 'https:')}'?`
    )
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InputError(input, `must be an https URL, got '${url.protocol}'`)
  }
  return url.href.replace(/\/+$/, '')
}

/** True for `localhost`, any 127.0.0.0/8 address and `[::1]` (as URL.hostname spells them). */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname)
}
