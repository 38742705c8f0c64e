/**
 * Checks shared by the reply parsers. Every field that reaches the log, the outputs or the summary is
 * checked as a value of its type, within bounds, so nothing later meets a nested object where it
 * expects a string or a count no batch can hold; each failure names the field by its path.
 */
import { isRecord } from '../helpers/is-record.js'

/** A batch holds 1 to 1,000 jobs (`POST /batches`): no count of its top-level jobs, nor an index, goes past this. */
export const MAX_BATCH_JOBS = 1000

/**
 * The longest string taken from a reply: ids, statuses, reasons, template ids, output URLs. Ids and
 * statuses run to tens of characters and a signed output URL to a couple of thousand.
 */
export const MAX_TEXT_LENGTH = 4096

/** A reply that does not match the documented contract. */
export class ReplyContractError extends Error {
  constructor(problem: string) {
    super(`the reply does not match the API contract: ${problem}`)
    this.name = 'ReplyContractError'
  }
}

/** What a field must hold: the test, and the words for it in a failure. */
export interface FieldRule {
  holds: (value: unknown) => boolean
  expected: string
}

const textWords = `a string of at most ${MAX_TEXT_LENGTH.toLocaleString('en-US')} characters`

export const TEXT: FieldRule = {
  holds: (value) => typeof value === 'string' && value.length <= MAX_TEXT_LENGTH,
  expected: textWords
}

/** Missing, null, or text: how the API leaves out what it has not got. */
export const OPTIONAL_TEXT: FieldRule = {
  holds: (value) => value === undefined || value === null || TEXT.holds(value),
  expected: `${textWords}, or null`
}

const countWords = `a whole number from 0 to ${MAX_BATCH_JOBS.toLocaleString('en-US')} (a batch holds at most ${MAX_BATCH_JOBS.toLocaleString('en-US')} jobs)`

/** A count of a batch's top-level jobs, or a job's place among them. */
export const COUNT: FieldRule = {
  holds: (value) => typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_BATCH_JOBS,
  expected: countWords
}

export const OPTIONAL_COUNT: FieldRule = {
  holds: (value) => value === undefined || value === null || COUNT.holds(value),
  expected: `${countWords}, or null`
}

export function oneOf(allowed: readonly string[]): FieldRule {
  return { holds: (value) => allowed.includes(value as string), expected: `one of ${allowed.join(', ')}` }
}

/** Parses the text of a body that must be a JSON object. */
export function parseJsonObject(text: string): Record<string, unknown> {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new ReplyContractError(`it is not JSON (starts with ${JSON.stringify(text.slice(0, 40))})`)
  }
  if (!isRecord(value)) throw new ReplyContractError('it is not a JSON object')
  return value
}

export function expectField(reply: Record<string, unknown>, field: string, rule: FieldRule): void {
  if (!rule.holds(reply[field])) throw fieldError(field, reply[field], rule.expected)
}

/** The array under `field`, of at most `maxItems` items; each parser checks its items in one inline pass. */
export function expectList(reply: Record<string, unknown>, field: string, maxItems = Infinity): unknown[] {
  const items = reply[field]
  if (!Array.isArray(items)) throw fieldError(field, items, 'an array')
  if (items.length > maxItems) {
    const [count, most, batch] = [items.length, maxItems, MAX_BATCH_JOBS].map((n) => n.toLocaleString('en-US'))
    throw new ReplyContractError(
      `'${field}' holds ${count} items, expected at most ${most} (a batch holds at most ${batch} jobs)`
    )
  }
  return items
}

/**
 * The error for the item of a list that failed its parser's inline checks: what the item is, or the
 * first of its fields that does not hold to `rules`, in the rules' words.
 */
export function itemError(
  field: string,
  index: number,
  item: unknown,
  rules: Readonly<Record<string, FieldRule>>
): ReplyContractError {
  const path = `${field}[${index}]`
  if (!isRecord(item)) return fieldError(path, item, 'an object')
  for (const [key, rule] of Object.entries(rules)) {
    if (!rule.holds(item[key])) return fieldError(`${path}.${key}`, item[key], rule.expected)
  }
  // Unreachable while the inline checks and the rules agree (a test holds them to it).
  return new ReplyContractError(`'${path}' failed a check its rules do not name`)
}

function fieldError(path: string, value: unknown, expected: string): ReplyContractError {
  return new ReplyContractError(`'${path}' is ${describe(value)}, expected ${expected}`)
}

/** What was found, in a few words: never the whole value, whatever its size or depth. */
export function describe(value: unknown): string {
  if (value === undefined) return 'missing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'string') {
    const start = JSON.stringify(value.slice(0, 40))
    return value.length > 40
      ? `a string of ${value.length.toLocaleString('en-US')} characters, ${start}…`
      : `the string ${start}`
  }
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${value}`
  return typeof value === 'object' ? 'an object' : typeof value
}
