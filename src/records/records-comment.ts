import { BATCH_ID_PATTERN } from '../inputs/batch-ids.js'
import { COMMIT_PATTERN } from '../inputs/commit-input.js'
import { CANCEL_STATUSES, type CancelStatus } from '../nexrender/cancel-reply.js'
import { isRecord } from '../helpers/is-record.js'
import { code, link, table } from '../helpers/markdown.js'
import { describeState, readableTime } from './record-state.js'
import { isDone, type BatchRecord } from './records.js'

/** Opens the hidden part of the comment that holds the records; also how the comment is found again. */
export const RECORDS_MARKER = '<!-- nexrender-cancel-batch-action:records'
const RECORDS_VERSION = 1
/** GitHub refuses comments over 65,536 characters; keep room for the table. */
const MAX_COMMENT_CHARS = 60_000
const MAX_TABLE_ROWS = 50

/** The comment as people see it (a table of the batches), with the records as JSON in a hidden part. */
export function renderRecordsComment(records: BatchRecord[]): string {
  // Done records go first when the comment grows too long: without them nothing would cancel them anyway.
  let kept = records
  for (;;) {
    const body = composeComment(kept)
    if (body.length <= MAX_COMMENT_CHARS) return body
    const oldestDone = kept.find(isDone)
    if (!oldestDone) {
      throw new Error(
        `the pull request has ${kept.length} open batches recorded, more than its comment can hold; cancel some first`
      )
    }
    kept = kept.filter((record) => record !== oldestDone)
  }
}

function composeComment(records: BatchRecord[]): string {
  const newestFirst = [...records].reverse()
  const rows = table(['Batch', 'Commit', 'Run', 'Recorded', 'State'], newestFirst, MAX_TABLE_ROWS, (record) => [
    code(record.batchId),
    code(record.commit.slice(0, 7)),
    record.runUrl ? link('run', record.runUrl) : '–',
    readableTime(record.recordedAt),
    describeState(record)
  ])
  // Inside an HTML comment nothing may read as its end; JSON escapes inside strings keep the data as it is.
  const json = JSON.stringify({ version: RECORDS_VERSION, records })
    .replace(/-(?=-)/g, '\\u002d')
    .replace(/>/g, '\\u003e')
  return [
    '### Nexrender renders of this pull request',
    '',
    rows,
    '',
    '<sub>Kept by the Nexrender cancel-batch action: its cancel step reads this comment to find the renders to stop. Editing it can lose them.</sub>',
    '',
    `${RECORDS_MARKER}`,
    json,
    '-->'
  ].join('\n')
}

export interface ParsedRecords {
  records: BatchRecord[]
  /** What was wrong with records that were left out, for a warning each. */
  problems: string[]
}

/**
 * The records in a comment body: the JSON after the marker, each record checked as an input would be.
 * A record that is not well formed is left out with a problem that says why; a comment without
 * readable records gives none.
 */
export function parseRecordsComment(body: string): ParsedRecords {
  const start = body.indexOf(RECORDS_MARKER)
  const end = body.indexOf('-->', start)
  if (start === -1 || end === -1) return { records: [], problems: ['it has no records part'] }
  let data: unknown
  try {
    data = JSON.parse(body.slice(start + RECORDS_MARKER.length, end))
  } catch {
    return { records: [], problems: ['its records part is not JSON'] }
  }
  if (!isRecord(data) || data.version !== RECORDS_VERSION || !Array.isArray(data.records)) {
    return { records: [], problems: [`its records part is not version ${RECORDS_VERSION} of the format`] }
  }
  const records: BatchRecord[] = []
  const problems: string[] = []
  for (const item of data.records as unknown[]) {
    const checked = checkRecord(item)
    if (typeof checked === 'string') problems.push(checked)
    else records.push(checked)
  }
  return { records, problems }
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/

/** A well-formed record, or why it is not one. */
function checkRecord(item: unknown): BatchRecord | string {
  if (!isRecord(item)) return 'a record is not an object'
  const { batchId, commit, runUrl, recordedAt, cancel, failedAt } = item
  const shown = JSON.stringify(batchId)?.slice(0, 40) ?? 'nothing'
  if (typeof batchId !== 'string' || !BATCH_ID_PATTERN.test(batchId.toUpperCase())) {
    return `a record's batch id ${shown} is not a valid batch id`
  }
  if (typeof commit !== 'string' || !COMMIT_PATTERN.test(commit)) return `the record of ${batchId} has no valid commit`
  if (typeof recordedAt !== 'string' || !ISO_TIME.test(recordedAt)) return `the record of ${batchId} has no valid time`
  const record: BatchRecord = { batchId: batchId.toUpperCase(), commit, recordedAt }
  if (typeof runUrl === 'string' && /^https?:\/\//.test(runUrl)) record.runUrl = runUrl
  if (isRecord(cancel)) {
    const { status, at } = cancel
    if (!CANCEL_STATUSES.includes(status as CancelStatus) || typeof at !== 'string' || !ISO_TIME.test(at)) {
      return `the record of ${batchId} has a cancel outcome that is not well formed`
    }
    record.cancel = { status: status as CancelStatus, at }
  }
  if (typeof failedAt === 'string' && ISO_TIME.test(failedAt)) record.failedAt = failedAt
  return record
}
