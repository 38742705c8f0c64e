import type { GitHubApi, ReactionTarget } from '../github/github-api.js'

/**
 * A short lease on writing a pull request's records, held by one writer of an identity at a time.
 * GitHub has no conditional update for comments, but creating a reaction is atomic: 201 when it is
 * new, 200 when the same identity has already left it. So the lease is that identity's 👀 reaction on
 * our first comment (on the pull request itself while there is none): whoever creates it holds it;
 * whoever finds it waits. A lease older than LEASE_MS, by GitHub's clock, belongs to a writer that
 * died: it is removed and taken. A holder sends no write that could be applied after its lease ends.
 */
export const LEASE_REACTION = 'eyes'
export const LEASE_MS = 120_000
/**
 * How late a write may still be applied after its attempt gave up: the holder stops sending this long
 * before its lease ends. GitHub ends a request it has not answered within 10 s.
 */
export const APPLY_MARGIN_MS = 10_000
/** The longest a writer waits for a lease: a dead holder's, then a queue of writers. */
export const MAX_LEASE_WAIT_MS = 180_000

export interface Lease {
  /** The latest time (by `now()`) a write under the lease may still be applied. */
  notAfter: number
  release(): Promise<void>
}

export interface LeaseClock {
  now: () => number
  sleep: (ms: number) => Promise<void>
  random: () => number
}

/** Thrown when the lease stays with another writer for longer than MAX_LEASE_WAIT_MS. */
export class LeaseUnavailable extends Error {
  constructor(where: string) {
    super(
      `another step held the lease on ${where} (a 👀 reaction of whom the token acts as) for longer than ${MAX_LEASE_WAIT_MS / 60_000} minutes`
    )
    this.name = 'LeaseUnavailable'
  }
}

export async function acquireLease(
  api: GitHubApi,
  target: ReactionTarget,
  clock: LeaseClock,
  where: string
): Promise<Lease> {
  const started = clock.now()
  for (let waits = 0; ; waits++) {
    // The lease can have begun no earlier than this request was sent: its end is counted from here.
    const sentAt = clock.now()
    const answer = await api.addReaction(target, LEASE_REACTION)
    if (answer.created) {
      return {
        notAfter: sentAt + LEASE_MS - APPLY_MARGIN_MS,
        release: () => api.deleteReaction(target, answer.reactionId)
      }
    }
    const age = answer.serverTime - Date.parse(answer.createdAt)
    if (!(age < LEASE_MS)) {
      // Its holder stopped without releasing it. Removing it by its id cannot remove a newer lease.
      await api.deleteReaction(target, answer.reactionId)
      continue
    }
    if (clock.now() - started > MAX_LEASE_WAIT_MS) throw new LeaseUnavailable(where)
    // Poll gently, spread out, and never past the moment the lease would expire.
    const backoff = Math.min(250 * 2 ** waits, 4000) * (0.5 + clock.random())
    await clock.sleep(Math.min(backoff, LEASE_MS - age + 1000))
  }
}
