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

/**
 * An array of at most `maxItems` objects whose fields follow `rules` (fields without a rule pass
 * through untouched). A 1,000-job reply has 3,000 items to check once, before V8 optimizes anything:
 * one plain pass, item by item.
 */
export function expectItems(
  reply: Record<string, unknown>,
  field: string,
  rules: Readonly<Record<string, FieldRule>>,
  maxItems = Infinity
): void {
  const items = reply[field]
  if (!Array.isArray(items)) throw fieldError(field, items, 'an array')
  if (items.length > maxItems) {
    throw new ReplyContractError(
      `'${field}' holds ${items.length.toLocaleString('en-US')} items, expected at most ${maxItems.toLocaleString('en-US')} (a batch holds at most ${MAX_BATCH_JOBS.toLocaleString('en-US')} jobs)`
    )
  }
  const keys = Object.keys(rules)
  const tests = keys.map((key) => rules[key]?.holds ?? (() => true))
  for (let index = 0; index < items.length; index++) {
    const item = items[index] as Record<string, unknown> | null
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw fieldError(`${field}[${index}]`, item, 'an object')
    }
    for (let check = 0; check < keys.length; check++) {
      const key = keys[check] as string
      if (!(tests[check] as FieldRule['holds'])(item[key])) {
        throw fieldError(`${field}[${index}].${key}`, item[key], rules[key]?.expected ?? '')
      }
    }
  }
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
