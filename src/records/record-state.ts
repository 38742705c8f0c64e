import type { CancelStatus } from '../nexrender/cancel-reply.js'
import type { BatchRecord } from './records.js'

const STATE_WORDS: Record<CancelStatus, string> = {
  cancelled: 'cancelled',
  partial: 'cancelled in part (partial)',
  unchanged: 'nothing left to cancel (unchanged)'
}

/** A record's state in a few words, for the comment and the summary. */
export function describeState(record: BatchRecord): string {
  if (record.cancel) return `${STATE_WORDS[record.cancel.status]}, ${readableTime(record.cancel.at)}`
  if (record.failedAt) return `open: a cancel failed ${readableTime(record.failedAt)}; tried again next time`
  return 'open'
}

/** `2026-11-29 02:05 UTC` from an ISO time. */
export function readableTime(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso)
  return match ? `${match[1]} ${match[2]} UTC` : iso
}
