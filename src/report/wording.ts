import { counted } from '../helpers/counted.js'

/** How the log, warnings, failure message and summary speak of outcomes: as done, or in a dry run as predicted. */
export interface Wording {
  dryRun: boolean
  /** Before a status: '' or 'would be '. */
  statusIs: string
  /** After a count, in the log line. */
  cancelled: string
  skipped: string
  /** 'N of M jobs were skipped', in warnings and failure messages, the verb agreeing with N. */
  skippedOf: (skipped: number, total: number) => string
  /** What jobs rendering at the time are: 'were already rendering' or 'are rendering now'. */
  rendering: (count: number) => string
  /** The verdict's subject and verb: 'status partial fails' or 'predicted status partial would fail'. */
  status: string
  fails: string
}

export const CANCEL_WORDING: Wording = {
  dryRun: false,
  statusIs: '',
  cancelled: 'cancelled',
  skipped: 'skipped',
  skippedOf: (skipped, total) => `${skipped} of ${counted(total, 'job')} ${skipped === 1 ? 'was' : 'were'} skipped`,
  rendering: (count) => `${counted(count, 'job')} ${count === 1 ? 'was' : 'were'} already rendering`,
  status: 'status',
  fails: 'fails'
}

export const DRY_RUN_WORDING: Wording = {
  dryRun: true,
  statusIs: 'would be ',
  cancelled: 'would be cancelled',
  skipped: 'would be skipped',
  skippedOf: (skipped, total) => `${skipped} of ${counted(total, 'job')} would be skipped`,
  rendering: (count) => `${counted(count, 'job')} ${count === 1 ? 'is' : 'are'} rendering now`,
  status: 'predicted status',
  fails: 'would fail'
}
