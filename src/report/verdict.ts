import type { CancelStatus } from '../nexrender/cancel-reply.js'
import type { Strictness } from '../inputs/strictness.js'

export type Verdict = 'pass' | 'fail'

/** Which API statuses fail the step at each strictness; `cancelled` always passes. */
const FAILING_STATUSES: Record<Strictness, readonly CancelStatus[]> = {
  strict: ['partial', 'unchanged'],
  lenient: ['unchanged'],
  off: []
}

export function verdictFor(status: CancelStatus, strictness: Strictness): Verdict {
  return FAILING_STATUSES[strictness].includes(status) ? 'fail' : 'pass'
}
