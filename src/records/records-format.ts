import { isRecord } from '../helpers/is-record.js'
import { isoSeconds } from '../helpers/iso-seconds.js'
import { BATCH_ID_PATTERN } from '../inputs/batch-ids.js'
import { COMMIT_PATTERN } from '../inputs/commit-input.js'
import { CANCEL_STATUSES, type CancelStatus } from '../nexrender/cancel-reply.js'
import type { BatchRecord } from './records.js'

/**
 * How the records are kept in a comment: our heading on the first line, then the hidden part (an HTML
 * comment) that holds the records as compact JSON, then what people read. A comment is in our format
 * only if it begins so: a copy of the marker anywhere else (quoted, in code) never is.
 */
export const HEADING = '### Nexrender renders of this pull request'
export const CONTINUED_HEADING = `${HEADING} (continued)`
/** Opens the hidden part. */
export const RECORDS_MARKER = '<!-- nexrender-cancel-batch-action:records'
/** The version of the records part this action writes and reads; a newer one is kept, never rewritten. */
export const FORMAT_VERSION = 1

const OUR_FORMAT = new RegExp(`^${escaped(HEADING)}( \\(continued\\))?\\r?\\n${escaped(RECORDS_MARKER)}\\r?\\n`)

/** What a comment in our format holds. */
export type RecordsPart =
  /** `total`: in the first comment, how many records all comments of ours hold together. */
  | { kind: 'readable'; records: BatchRecord[]; total?: number }
  /** Ours, but its records part cannot be read in full (an edit broke it) or is of a newer version. */
  | { kind: 'unreadable'; problem: string; records: BatchRecord[]; newerVersion?: number }

/** Whether a comment body is in our format from its first line: our heading, then our hidden part. */
export function inOurFormat(body: string): boolean {
  return OUR_FORMAT.test(body)
}

/**
 * The records part of a body in our format. Every record is checked as an input would be; one that
 * is not well formed makes the part unreadable (the rest is still read, for the cleanup to cancel),
 * so that the comment is kept as it is rather than rewritten without it.
 */
export function readRecordsPart(body: string): RecordsPart {
  const start = body.indexOf(RECORDS_MARKER) + RECORDS_MARKER.length
  const end = body.indexOf('-->', start)
  if (end === -1) return unreadable('its hidden records part has no end (-->)')
  let data: unknown
  try {
    data = JSON.parse(body.slice(start, end))
  } catch {
    return unreadable('its hidden records part is not JSON')
  }
  if (!isRecord(data) || !Number.isInteger(data.v) || (data.v as number) < 1) {
    return unreadable('its hidden records part does not say which version of the format it is')
  }
  const version = data.v as number
  if (version > FORMAT_VERSION) {
    return {
      kind: 'unreadable',
      problem: `a newer version of this action wrote it (records format ${version}; this version reads ${FORMAT_VERSION})`,
      records: [],
      newerVersion: version
    }
  }
  return decodeRecords(data)
}

function unreadable(problem: string): RecordsPart {
  return { kind: 'unreadable', problem, records: [] }
}

/** One record, compact: [batch, commit index, run index or -1, recorded (s), outcome, outcome at (s), failed at (s)]. */
type CompactRecord = [string, number, number, number, string?, number?, number?]

const OUTCOME_CODES: Record<CancelStatus, string> = { cancelled: 'c', partial: 'p', unchanged: 'u' }
const STATUS_OF_CODE = new Map(CANCEL_STATUSES.map((status) => [OUTCOME_CODES[status], status]))

/** The JSON of a records part: commits and run links listed once, records as arrays, times in seconds. */
export class RecordsPartWriter {
  private readonly commits: string[] = []
  private readonly runs: string[] = []
  private readonly rows: string[] = []
  /** The length the JSON will have, with its escapes, kept as records are added. */
  private size = jsonSafe(`{"v":${FORMAT_VERSION},"commits":[],"runs":[],"records":[]}`).length

  /** The length the JSON would have with this record added. */
  sizeWith(record: BatchRecord): number {
    return this.size + this.growth(record).length
  }

  add(record: BatchRecord): void {
    const growth = this.growth(record)
    if (growth.commit !== undefined) this.commits.push(growth.commit)
    if (growth.run !== undefined) this.runs.push(growth.run)
    this.rows.push(growth.row)
    this.size += growth.length
  }

  get count(): number {
    return this.rows.length
  }

  /** The JSON; the first comment's says how many records all comments of ours hold (`total`). */
  json(total?: number): string {
    const list = (items: string[]) => items.map((item) => JSON.stringify(item)).join(',')
    const counted = total === undefined ? '' : `"total":${total},`
    return jsonSafe(
      `{"v":${FORMAT_VERSION},${counted}"commits":[${list(this.commits)}],"runs":[${list(this.runs)}],"records":[${this.rows.join(',')}]}`
    )
  }

  private growth(record: BatchRecord): { row: string; commit?: string; run?: string; length: number } {
    const commitIndex = indexOrNext(this.commits, record.commit)
    const newCommit = commitIndex === this.commits.length ? record.commit : undefined
    const runIndex = record.runUrl === undefined ? -1 : indexOrNext(this.runs, record.runUrl)
    const newRun = record.runUrl !== undefined && runIndex === this.runs.length ? record.runUrl : undefined
    const row = JSON.stringify(compact(record, commitIndex, runIndex))
    const comma = (items: unknown[]) => (items.length > 0 ? 1 : 0)
    let length = row.length + comma(this.rows)
    if (newCommit !== undefined) length += JSON.stringify(newCommit).length + comma(this.commits)
    if (newRun !== undefined) length += jsonSafe(JSON.stringify(newRun)).length + comma(this.runs)
    return { row, commit: newCommit, run: newRun, length }
  }
}

function indexOrNext(items: string[], item: string): number {
  const index = items.indexOf(item)
  return index === -1 ? items.length : index
}

function compact(record: BatchRecord, commit: number, run: number): CompactRecord {
  const row: CompactRecord = [record.batchId, commit, run, seconds(record.recordedAt)]
  if (record.cancel || record.failedAt) {
    row.push(record.cancel ? OUTCOME_CODES[record.cancel.status] : '', record.cancel ? seconds(record.cancel.at) : 0)
    if (record.failedAt) row.push(seconds(record.failedAt))
  }
  return row
}

function decodeRecords(data: Record<string, unknown>): RecordsPart {
  const { commits, runs, records, total } = data
  if (!Array.isArray(commits) || !Array.isArray(runs) || !Array.isArray(records)) {
    return unreadable('its hidden records part has no commits, runs and records lists')
  }
  if (total !== undefined && !Number.isInteger(total))
    return unreadable('its hidden records part has a total that is not a count')
  const decoded: BatchRecord[] = []
  const problems: string[] = []
  for (const row of records as unknown[]) {
    const record = decodeRecord(row, commits as unknown[], runs as unknown[])
    if (typeof record === 'string') problems.push(record)
    else decoded.push(record)
  }
  if (problems.length > 0) return { kind: 'unreadable', problem: problems.join('; '), records: decoded }
  return total === undefined
    ? { kind: 'readable', records: decoded }
    : { kind: 'readable', records: decoded, total: total as number }
}

/**
 * A well-formed record, or why it is not one. Every value is checked for its type and range before it
 * is used, so that reading a record never throws: one that cannot be read spoils neither the others
 * nor the step.
 */
function decodeRecord(row: unknown, commits: unknown[], runs: unknown[]): BatchRecord | string {
  if (!Array.isArray(row)) return 'a record is not a list'
  const [batchId, commitIndex, runIndex, recordedAt, outcome, outcomeAt, failedAt] = row as unknown[]
  const shown = JSON.stringify(batchId)?.slice(0, 40) ?? 'nothing'
  // Batch ids go into request paths: only a ULID is one (never `../`, never punctuation).
  if (typeof batchId !== 'string' || !BATCH_ID_PATTERN.test(batchId)) return `a record's batch id ${shown} is not valid`
  const commit = isIndex(commitIndex, commits.length) ? commits[commitIndex] : undefined
  if (typeof commit !== 'string' || !COMMIT_PATTERN.test(commit)) return `the record of ${batchId} has no valid commit`
  if (!isSeconds(recordedAt)) return `the record of ${batchId} has no valid time`
  const record: BatchRecord = { batchId, commit, recordedAt: isoSeconds(recordedAt * 1000) }
  if (runIndex !== -1) {
    const runUrl = isIndex(runIndex, runs.length) ? runs[runIndex] : undefined
    if (typeof runUrl !== 'string' || !/^https:\/\//.test(runUrl))
      return `the record of ${batchId} has no valid run link`
    record.runUrl = runUrl
  }
  if (outcome !== undefined && outcome !== '') {
    const status = STATUS_OF_CODE.get(outcome as string)
    if (!status || !isSeconds(outcomeAt)) return `the record of ${batchId} has an outcome that is not well formed`
    record.cancel = { status, at: isoSeconds(outcomeAt * 1000) }
  }
  if (failedAt !== undefined) {
    if (!isSeconds(failedAt)) return `the record of ${batchId} has a failure time that is not well formed`
    record.failedAt = isoSeconds(failedAt * 1000)
  }
  return record
}

/** The last second of the year 9999: later times have no four-digit year, and do not compare as text. */
const LATEST_SECOND = 253_402_300_799

/** A time in seconds since 1970, within the four-digit years (milli- or microseconds are not). */
function isSeconds(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) > 0 && (value as number) <= LATEST_SECOND
}

function isIndex(value: unknown, length: number): value is number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) < length
}

function seconds(iso: string): number {
  return Math.floor(Date.parse(iso) / 1000)
}

/** Inside an HTML comment nothing may read as its end; JSON escapes inside strings keep the data as it is. */
function jsonSafe(json: string): string {
  return json.replace(/-(?=-)/g, '\\u002d').replace(/>/g, '\\u003e')
}

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
