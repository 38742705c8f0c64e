/** Job statuses the API reports that the action acts on. */

/** Only these can be cancelled; every other job is skipped. */
export const CANCELLABLE_STATUSES: readonly string[] = ['queued', 'pending']

/** A job rendering now: it cannot be stopped and will finish. */
export const RENDERING_STATUS = 'render:dorender'

/** Why a job in this status would be skipped, in words (as the API's own reasons put it). */
const WOULD_SKIP_BECAUSE: Record<string, string> = {
  [RENDERING_STATUS]: 'rendering now',
  finished: 'finished',
  error: 'failed',
  manually_cancelled: 'already cancelled'
}

export function wouldSkipBecause(status: string): string {
  return WOULD_SKIP_BECAUSE[status] ?? `not cancellable (${status})`
}
