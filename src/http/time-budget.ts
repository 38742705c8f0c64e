import type { TimeBudget } from './send-with-retries.js'

/**
 * A budget of `ms` from `now`, or the step's own when that ends first: a call never outlasts the
 * step's end, and the step's words for an unanswered request stay its own.
 */
export function budgetWithin(now: number, ms: number, unanswered: string, outer?: TimeBudget): TimeBudget {
  const own = { endsAt: now + ms, unanswered }
  return outer && outer.endsAt <= own.endsAt ? outer : own
}
