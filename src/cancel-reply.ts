/** The cancel endpoint's reply, as far as this action depends on it; other fields pass through untouched. */
export const CANCEL_STATUSES = ['cancelled', 'partial', 'unchanged'] as const
export type CancelStatus = (typeof CANCEL_STATUSES)[number]

export interface JobResult {
  id: string
  index?: number
  result?: string
  status?: string
  reason?: string
  [extra: string]: unknown
}

export interface CancelledJob {
  id: string
  templateId?: string
  status?: string
  outputUrl?: string | null
  [extra: string]: unknown
}

export interface CancelReply {
  batchId: string
  status: CancelStatus
  totalJobs: number
  cancelledCount: number
  skippedCount: number
  jobs: JobResult[]
  cancelledJobs: CancelledJob[]
  [extra: string]: unknown
}

/** A reply that does not match the documented contract. */
export class ReplyContractError extends Error {
  constructor(problem: string) {
    super(`the reply does not match the API contract: ${problem}`)
    this.name = 'ReplyContractError'
  }
}

/** Parses a reply body and checks the fields the step depends on; tolerates everything else. */
export function parseCancelReply(body: string): CancelReply {
  let value: unknown
  try {
    value = JSON.parse(body)
  } catch {
    throw new ReplyContractError(`it is not JSON (starts with ${JSON.stringify(body.slice(0, 40))})`)
  }
  if (!isRecord(value)) throw new ReplyContractError('it is not a JSON object')
  expectString(value, 'batchId')
  if (!CANCEL_STATUSES.includes(value.status as CancelStatus)) {
    throw new ReplyContractError(
      `'status' is ${describe(value.status)}, expected one of ${CANCEL_STATUSES.join(', ')}`
    )
  }
  for (const field of ['totalJobs', 'cancelledCount', 'skippedCount']) expectCount(value, field)
  for (const field of ['jobs', 'cancelledJobs']) expectItemsWithId(value, field)
  return value as CancelReply
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function expectString(reply: Record<string, unknown>, field: string): void {
  if (typeof reply[field] !== 'string') {
    throw new ReplyContractError(`'${field}' is ${describe(reply[field])}, expected a string`)
  }
}

function expectCount(reply: Record<string, unknown>, field: string): void {
  const value = reply[field]
  if (!(typeof value === 'number' && Number.isInteger(value) && value >= 0)) {
    throw new ReplyContractError(`'${field}' is ${describe(value)}, expected a non-negative integer`)
  }
}

function expectItemsWithId(reply: Record<string, unknown>, field: string): void {
  const items = reply[field]
  if (!Array.isArray(items)) {
    throw new ReplyContractError(`'${field}' is ${describe(items)}, expected an array`)
  }
  const bad = items.findIndex((item) => !isRecord(item) || typeof item.id !== 'string')
  if (bad !== -1) {
    throw new ReplyContractError(`'${field}[${bad}]' has no string 'id'`)
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 40))}`
  if (typeof value === 'object') return 'an object'
  return `${typeof value} ${String(value)}`
}
