import type { RetryContext } from '../http/send-with-retries.js'

/**
 * GitHub asks integrations to wait at least a second between mutating requests
 * (https://docs.github.com/rest/using-the-rest-api/best-practices-for-using-the-rest-api): one step's
 * writes are sent one at a time, each at least this long after the one before it was sent.
 */
export const MIN_WRITE_GAP_MS = 1000

/**
 * Waits, before a mutating request is sent, until the gap since the step's last one is over; the
 * clock is the retry context's, so that in-process tests run it on a fake one. Writes asked for at
 * once go out in turn.
 */
export function writeSpacing(
  context: Pick<RetryContext, 'now' | 'sleep' | 'stopping'>,
  gapMs = MIN_WRITE_GAP_MS
): () => Promise<void> {
  let lastSentAt: number | undefined
  let turn: Promise<void> = Promise.resolve()
  return () => {
    const mine = turn.then(async () => {
      if (lastSentAt !== undefined) {
        // Never longer than the gap, even if the clock was set back meanwhile.
        const wait = Math.min(gapMs, lastSentAt + gapMs - context.now())
        if (wait > 0) await context.sleep(wait, context.stopping)
      }
      lastSentAt = context.now()
    })
    turn = mine.catch(() => undefined)
    return mine
  }
}
