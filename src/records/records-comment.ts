import { counted } from '../helpers/counted.js'
import { code, link, table } from '../helpers/markdown.js'
import { describeState, readableTime } from './record-state.js'
import { CONTINUED_HEADING, HEADING, RECORDS_MARKER } from './records-format.js'
import { isDone, type BatchRecord } from './records.js'

/** GitHub refuses comments over 65,536 characters; stay below with room to spare. */
export const MAX_COMMENT_CHARS = 65_000
/** The table lists at most this many batches (the open ones first); the comment says how many more. */
const TABLE_ROWS = 30

const FOOTER =
  '<sub>Kept by the Nexrender cancel-batch action: its cancel step reads the hidden part of this comment to find the renders to stop. Editing it can lose them.</sub>'

/**
 * The first comment of ours on the pull request: the heading, the hidden part holding `json`, and a
 * table of the batches (every record of the pull request, whichever comment holds it).
 */
export function firstCommentBody(json: string, everyRecord: BatchRecord[]): string {
  const open = everyRecord.filter((record) => !isDone(record))
  const done = everyRecord.filter(isDone)
  const newestFirst = (records: BatchRecord[]) => [...records].reverse()
  const rows = table(
    ['Batch', 'Commit', 'Run', 'Recorded', 'State'],
    [...newestFirst(open), ...newestFirst(done)],
    TABLE_ROWS,
    (record) => [
      code(record.batchId),
      code(record.commit.slice(0, 7)),
      record.runUrl ? link('run', record.runUrl) : '–',
      readableTime(record.recordedAt),
      describeState(record)
    ]
  )
  const counts = `${counted(everyRecord.length, 'batch', 'batches')} recorded: ${open.length} open, ${done.length} done.`
  return [hidden(HEADING, json), '', counts, '', rows, '', FOOTER].join('\n')
}

/** A further comment of ours, when one cannot hold every record: the hidden part only. */
export function continuedCommentBody(json: string): string {
  return [
    hidden(CONTINUED_HEADING, json),
    '',
    'More of the records above, for the batches the first comment has no room for.',
    '',
    FOOTER
  ].join('\n')
}

function hidden(heading: string, json: string): string {
  return [heading, RECORDS_MARKER, json, '-->'].join('\n')
}
