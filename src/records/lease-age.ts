/**
 * How old a lease's reaction is, as far as this step can vouch for it. A lease voided while its holder
 * still writes loses records, so an age is never taken from a clock the step cannot check: a front end
 * with a wrong clock sends a `Date` minutes off the `created_at` GitHub stored, and a runner's clock
 * can be off too. An age is believed only as far as both agree, and never below what this step has
 * watched itself on its own monotonic clock.
 */

/** What one answer about a lease's reaction said, and when (by the runner's clock) it was asked. */
export interface ReactionSighting {
  /** The reaction's `created_at`, as GitHub stored it (to the second). */
  createdAt: string
  /** The answer's `Date` header in ms, undefined when there was none or it could not be read. */
  serverTime?: number
  /** The runner's clock when the request was sent, and when its answer came. */
  sentAt: number
  receivedAt: number
}

/** GitHub's times are whole seconds: each may be up to this much earlier than the moment it names. */
const SECOND_MS = 1000

/**
 * The reaction's age at the answer, by GitHub's `created_at` against both the answer's `Date` and the
 * runner's clock when the request was sent, whichever says less: a clock that runs ahead is outvoted
 * by the other. Undefined when there is no second clock to check by (no `Date`) or no readable time.
 * Never more than the reaction's real age unless both clocks run ahead of GitHub's stored time.
 */
export function checkedAge(sighting: ReactionSighting): number | undefined {
  const created = Date.parse(sighting.createdAt)
  if (Number.isNaN(created) || sighting.serverTime === undefined || Number.isNaN(sighting.serverTime)) return undefined
  // The Date is truncated to the second; the request was sent before the reaction was looked at.
  const byServer = sighting.serverTime - created - SECOND_MS
  const byRunner = sighting.sentAt - created
  return Math.max(0, Math.min(byServer, byRunner))
}

/**
 * Whether a reaction GitHub answered 200 for (already there) may be the one made by an earlier attempt
 * of the same request, which GitHub answered with an error: it was made no earlier than the request
 * was first sent, by the runner's clock and by the answer's `Date` alike. Only "may": another step of
 * the same identity can have made it in the same moments, so it is never taken for this step's.
 */
export function mayBeFromThisRequest(sighting: ReactionSighting): boolean {
  const created = Date.parse(sighting.createdAt)
  if (Number.isNaN(created) || sighting.serverTime === undefined || Number.isNaN(sighting.serverTime)) return false
  const sinceSent = sighting.receivedAt - sighting.sentAt
  const notBeforeByRunner = created + SECOND_MS >= sighting.sentAt
  const notBeforeByServer = sighting.serverTime - created <= sinceSent + SECOND_MS
  return notBeforeByRunner && notBeforeByServer
}

/**
 * A reaction's age as this step judges it across polls: for each reaction id, the earliest moment (on
 * the step's monotonic clock) by which it is known to have existed. That is when the step first saw
 * it, or earlier by as much as a checked age says; a sighting that cannot be checked adds nothing.
 */
export class ReactionAges {
  private readonly since = new Map<number, number>()

  /** Notes a sighting made at `monotonicNow`, and returns the reaction's age then. */
  observe(reactionId: number, sighting: ReactionSighting, monotonicNow: number): number {
    const existedBy = monotonicNow - (checkedAge(sighting) ?? 0)
    const since = Math.min(this.since.get(reactionId) ?? existedBy, existedBy)
    this.since.set(reactionId, since)
    return monotonicNow - since
  }

  /** Whether this step has seen that reaction before. */
  seen(reactionId: number): boolean {
    return this.since.has(reactionId)
  }
}
