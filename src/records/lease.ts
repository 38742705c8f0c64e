import type { GitHubApi, ReactionTarget } from '../github/github-api.js'
import { mayBeFromThisRequest, ReactionAges } from './lease-age.js'

/**
 * A short lease on writing a pull request's records, held by one writer of an identity at a time.
 * GitHub has no conditional update for comments, but creating a reaction is atomic: 201 when it is
 * new, 200 when the same identity has already left it. So the lease is that identity's 👀 reaction on
 * our first comment (on the pull request itself while there is none): whoever creates it holds it;
 * whoever finds it waits, even for a 👀 its own failed attempt may have made (it cannot be told from
 * another step's). A lease older than LEASE_MS (judged as `lease-age.ts` says) belongs to a writer that
 * died: it is removed and taken. A holder sends no write that could be applied after its lease ends.
 */
export const LEASE_REACTION = 'eyes'
export const LEASE_MS = 120_000
/**
 * How late a write may still be applied after its attempt gave up: the holder stops sending this long
 * before its lease ends. GitHub ends a request it has not answered within 10 s.
 */
export const APPLY_MARGIN_MS = 10_000
/**
 * A waiter asks for the lease again after 2 s, then 4, 8, and 16 s at most, each jittered by half
 * either way: every ask is a content-creating request, so several waiters together stay well within
 * GitHub's secondary limits (80 a minute).
 */
export const FIRST_LEASE_POLL_MS = 2000
export const MAX_LEASE_POLL_MS = 16_000
/** The longest a writer waits for a lease: a dead holder's, then a queue of writers. */
export const MAX_LEASE_WAIT_MS = 180_000

export interface Lease {
  /** The latest time (by `now()`) a write under the lease may still be applied. */
  notAfter: number
  release(): Promise<void>
}

export interface LeaseClock {
  /** The runner's clock, as the GitHub client's deadlines read it. */
  now: () => number
  /** A clock that never jumps, for how long this step has waited and watched. */
  monotonic: () => number
  sleep: (ms: number) => Promise<void>
  random: () => number
}

export interface LeaseContext {
  clock: LeaseClock
  /** Whom the token acts as: any lease this step finds is held by another step acting as them. */
  holder: string
  /** Receives a line whenever the step waits on a lease (saying when the 👀 may be its own), or takes a dead one. */
  log: (line: string) => void
}

/**
 * Thrown when the lease stays with another writer for longer than MAX_LEASE_WAIT_MS, or a dead one's
 * 👀 keeps coming back after it was removed (`removals` > 1).
 */
export class LeaseUnavailable extends Error {
  constructor(where: string, removals = 0) {
    super(
      removals > 1
        ? `the lease on ${where} could not be taken within ${MAX_LEASE_WAIT_MS / 60_000} minutes: a dead lease (a 👀 reaction of whom the token acts as) was removed ${removals} times and found again each time, as if GitHub, or a proxy in front of it, did not apply the removal. Check github-api-url and any caching proxy, or remove the reaction by hand`
        : `another step held the lease on ${where} (a 👀 reaction of whom the token acts as) for longer than ${MAX_LEASE_WAIT_MS / 60_000} minutes`
    )
    this.name = 'LeaseUnavailable'
  }
}

export async function acquireLease(
  api: GitHubApi,
  target: ReactionTarget,
  where: string,
  { clock, holder, log }: LeaseContext
): Promise<Lease> {
  const started = clock.monotonic()
  const ages = new ReactionAges()
  let removals = 0
  for (let waits = 0; ; waits++) {
    // The lease can have begun no earlier than this request was sent: its end is counted from here.
    const sentAt = clock.now()
    const answer = await api.addReaction(target, LEASE_REACTION)
    const { reactionId, createdAt } = answer
    const sighting = { createdAt, serverTime: answer.serverTime, sentAt, receivedAt: clock.now() }
    const firstSight = !ages.seen(reactionId)
    if (answer.created)
      return {
        notAfter: sentAt + LEASE_MS - APPLY_MARGIN_MS,
        release: () => api.deleteReaction(target, reactionId)
      }
    const age = ages.observe(reactionId, sighting, clock.monotonic())
    if (age >= LEASE_MS) {
      log(
        `The lease on ${where} (a 👀 of ${holder}, reaction ${reactionId}, made ${createdAt}) is older than a lease lives: its holder stopped without releasing it, so it is removed and taken.`
      )
      // Removing it by its id cannot remove a newer lease.
      await api.deleteReaction(target, reactionId)
      removals++
      // Asked again at once the first time; a dead 👀 found again after its removal (a removal not
      // applied yet, or never) is waited on as a live one is, within the same bound, never in a tight loop.
      if (removals === 1) continue
    }
    const waited = clock.monotonic() - started
    // Named as a dead lease that keeps coming back only when the last one seen was dead.
    if (waited > MAX_LEASE_WAIT_MS) throw new LeaseUnavailable(where, age >= LEASE_MS ? removals : 0)
    // After an attempt GitHub answered with an error, the 👀 found may be the one that attempt made, or
    // another step's taken meanwhile: a reaction tells no more than who made it, so it is waited for.
    const mayBeOwn = answer.earlierAttemptMayHaveActed && firstSight && mayBeFromThisRequest(sighting)
    const holding = mayBeOwn
      ? `GitHub answered this step's request for the lease on ${where} with an error, and the 👀 of ${holder} it then found (reaction ${reactionId}, made ${createdAt}) may be the one that request made or another step's: it cannot tell, so it waits as for another step's lease`
      : `Waiting for the lease on ${where}, held by another step acting as ${holder} (a 👀, reaction ${reactionId}, made ${createdAt})`
    if (firstSight && age < LEASE_MS)
      log(
        `${holding}: at most ${seconds(LEASE_MS - age)} until it runs out, and ${seconds(MAX_LEASE_WAIT_MS - waited)} in all.`
      )
    // Poll gently, spread out, and never past the moment the lease would expire.
    const backoff = Math.min(FIRST_LEASE_POLL_MS * 2 ** waits, MAX_LEASE_POLL_MS) * (0.5 + clock.random())
    await clock.sleep(age >= LEASE_MS ? backoff : Math.min(backoff, LEASE_MS - age + 1000))
  }
}

function seconds(ms: number): string {
  return `${Math.ceil(ms / 1000)} s`
}
