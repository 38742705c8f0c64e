import type { Answer } from './answers.js'

/**
 * GitHub's secondary rate limits, as it documents them for REST
 * (https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api): per identity, no
 * more than 80 content-creating requests a minute and 500 an hour, and no more than 900 points a
 * minute, a read costing 1 point and a write 5. A request over a limit is answered 403 with a
 * `retry-after` (seconds until the window has room again), and counts for nothing.
 */
export interface SecondaryLimits {
  creatingPerMinute: number
  creatingPerHour: number
  pointsPerMinute: number
}

export const GITHUB_SECONDARY_LIMITS: SecondaryLimits = {
  creatingPerMinute: 80,
  creatingPerHour: 500,
  pointsPerMinute: 900
}

const MINUTE = 60_000
const HOUR = 3_600_000
const WRITE_POINTS = 5

export const SECONDARY_LIMIT_MESSAGE =
  'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'

/** What the fake counts, by identity: when each content-creating request came, and each request's points. */
export interface SecondaryLimiter {
  /** Undefined to go on (the request is counted), or GitHub's 403. `writing`: a REST write. */
  check(identity: string, writing: boolean): Answer | undefined
  /** Every time an answer was a secondary limit. */
  readonly tripped: number[]
}

export function createSecondaryLimiter(
  limits: SecondaryLimits | false,
  now: () => number = Date.now
): SecondaryLimiter {
  const creating = new Map<string, number[]>()
  const points = new Map<string, Array<{ at: number; points: number }>>()
  const tripped: number[] = []
  return {
    tripped,
    check(identity, writing) {
      if (!limits) return undefined
      const time = now()
      const made = (creating.get(identity) ?? []).filter((at) => at > time - HOUR)
      creating.set(identity, made)
      const spent = (points.get(identity) ?? []).filter((entry) => entry.at > time - MINUTE)
      points.set(identity, spent)
      const cost = writing ? WRITE_POINTS : 1
      /** When the window frees room for `room` more, as GitHub's retry-after says it (whole seconds). */
      const waits: number[] = []
      if (writing) {
        const lastMinute = made.filter((at) => at > time - MINUTE)
        if (lastMinute.length >= limits.creatingPerMinute)
          waits.push((lastMinute[lastMinute.length - limits.creatingPerMinute] ?? time) + MINUTE - time)
        if (made.length >= limits.creatingPerHour)
          waits.push((made[made.length - limits.creatingPerHour] ?? time) + HOUR - time)
      }
      const used = spent.reduce((sum, entry) => sum + entry.points, 0)
      if (used + cost > limits.pointsPerMinute) {
        let freed = used + cost - limits.pointsPerMinute
        const until = spent.find((entry) => (freed -= entry.points) <= 0)
        waits.push((until?.at ?? time) + MINUTE - time)
      }
      if (waits.length > 0) {
        tripped.push(time)
        return {
          status: 403,
          body: { message: SECONDARY_LIMIT_MESSAGE },
          headers: { 'retry-after': String(Math.max(1, Math.ceil(Math.max(...waits) / 1000))) }
        }
      }
      if (writing) made.push(time)
      spent.push({ at: time, points: cost })
      return undefined
    }
  }
}
