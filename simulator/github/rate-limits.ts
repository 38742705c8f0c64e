import type { Answer } from './answers.js'
import type { FakeGitHubFaults } from './model.js'

/** The rate limits and server errors a test asked for, as GitHub answers them; undefined to go on. */
export function limitedByFaults(
  faults: FakeGitHubFaults,
  writing: boolean,
  authorization: string,
  graphql = false
): Answer | undefined {
  const secondary = faults.secondaryRateLimit
  const on = secondary?.on ?? 'writes'
  const applies = (writing && on !== 'graphql') || (graphql && on !== 'writes')
  if (applies && secondary && secondary.times > 0) {
    secondary.times--
    return {
      status: secondary.status ?? 403,
      body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' },
      headers: secondary.retryAfter ? { 'retry-after': secondary.retryAfter } : {}
    }
  }
  const graphqlLimit = faults.graphqlRateLimit
  if (graphql && graphqlLimit && Date.now() < graphqlLimit.resetAt) {
    return {
      status: 200,
      body: { errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded for user ID 1.' }] },
      headers: {
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(Math.ceil(graphqlLimit.resetAt / 1000)),
        'x-ratelimit-resource': 'graphql'
      }
    }
  }
  const primary = faults.primaryRateLimit
  if (primary && primary.times > 0) {
    primary.times--
    return {
      status: 403,
      body: { message: 'API rate limit exceeded for installation ID 1.' },
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(primary.resetAt / 1000)) }
    }
  }
  if (faults.serverErrors && faults.serverErrors.times > 0) {
    faults.serverErrors.times--
    const { status = 502, retryAfter, message } = faults.serverErrors
    return {
      status,
      body: { message: message ? message(authorization) : 'Server Error' },
      headers: retryAfter ? { 'retry-after': retryAfter } : {}
    }
  }
  return undefined
}
