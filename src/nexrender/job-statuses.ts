/** Job statuses the API reports that the action acts on. */

/** Only these can be cancelled; every other job is skipped. */
export const CANCELLABLE_STATUSES: readonly string[] = ['queued', 'pending']

/** A job rendering now: it cannot be stopped and will finish. */
export const RENDERING_STATUS = 'render:dorender'
