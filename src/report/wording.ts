/** How the log, warnings, failure message and summary speak of outcomes: as done, or in a dry run as predicted. */
export interface Wording {
  dryRun: boolean
  /** Before a status: '' or 'would be '. */
  statusIs: string
  /** After a count, in the log line. */
  cancelled: string
  skipped: string
  /** After 'N of M jobs', in warnings and failure messages. */
  wereSkipped: string
  /** The verdict's subject and verb: 'status partial fails' or 'predicted status partial would fail'. */
  status: string
  fails: string
}

export const CANCEL_WORDING: Wording = {
  dryRun: false,
  statusIs: '',
  cancelled: 'cancelled',
  skipped: 'skipped',
  wereSkipped: 'were skipped',
  status: 'status',
  fails: 'fails'
}

export const DRY_RUN_WORDING: Wording = {
  dryRun: true,
  statusIs: 'would be ',
  cancelled: 'would be cancelled',
  skipped: 'would be skipped',
  wereSkipped: 'would be skipped',
  status: 'predicted status',
  fails: 'would fail'
}
