/** Checks shared by the reply parsers: each names the field and what was found, for a clear error. */
import { isRecord } from '../helpers/is-record.js'

/** A reply that does not match the documented contract. */
export class ReplyContractError extends Error {
  constructor(problem: string) {
    super(`the reply does not match the API contract: ${problem}`)
    this.name = 'ReplyContractError'
  }
}

/** Parses a body that must be a JSON object. */
export function parseJsonObject(body: string): Record<string, unknown> {
  let value: unknown
  try {
    value = JSON.parse(body)
  } catch {
    throw new ReplyContractError(`it is not JSON (starts with ${JSON.stringify(body.slice(0, 40))})`)
  }
  if (!isRecord(value)) throw new ReplyContractError('it is not a JSON object')
  return value
}

export function expectString(reply: Record<string, unknown>, field: string): void {
  if (typeof reply[field] !== 'string') {
    throw new ReplyContractError(`'${field}' is ${describe(reply[field])}, expected a string`)
  }
}

export function expectOneOf(reply: Record<string, unknown>, field: string, allowed: readonly string[]): void {
  if (!allowed.includes(reply[field] as string)) {
    throw new ReplyContractError(`'${field}' is ${describe(reply[field])}, expected one of ${allowed.join(', ')}`)
  }
}

export function expectCount(reply: Record<string, unknown>, field: string): void {
  const value = reply[field]
  if (!(typeof value === 'number' && Number.isInteger(value) && value >= 0)) {
    throw new ReplyContractError(`'${field}' is ${describe(value)}, expected a non-negative integer`)
  }
}

/** An array whose items are objects with a string in each of `keys`. */
export function expectItemsWith(reply: Record<string, unknown>, field: string, keys: readonly string[]): void {
  const items = reply[field]
  if (!Array.isArray(items)) {
    throw new ReplyContractError(`'${field}' is ${describe(items)}, expected an array`)
  }
  // A 1,000-job reply has 3,000 items here, checked once, so before V8 optimizes anything: one plain
  // pass with the test inline. (An array has no string under these keys, so it fails as it should.)
  for (const key of keys) {
    for (let index = 0; index < items.length; index++) {
      const item = items[index] as Record<string, unknown> | null
      if (typeof item !== 'object' || item === null || typeof item[key] !== 'string') {
        throw new ReplyContractError(`'${field}[${index}]' has no string '${key}'`)
      }
    }
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 40))}`
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${value}`
  return typeof value === 'object' ? 'an object' : typeof value
}
