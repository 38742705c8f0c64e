import { describe, expect, it } from '@jest/globals'
import {
  COUNT,
  describe as describeValue,
  expectField,
  expectList,
  itemError,
  MAX_BATCH_JOBS,
  MAX_TEXT_LENGTH,
  oneOf,
  OPTIONAL_COUNT,
  OPTIONAL_TEXT,
  TEXT,
  type FieldRule
} from '../../src/nexrender/reply-checks.js'

/** A value nested `depth` levels deep, as JSON.parse gives it from a hostile reply. */
function nested(depth: number): unknown {
  return JSON.parse(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`)
}

const longest = 'x'.repeat(MAX_TEXT_LENGTH)
const tooLong = 'x'.repeat(MAX_TEXT_LENGTH + 1)

describe('the rules a field must hold to', () => {
  it.each<{ rule: string; value: unknown; holds: boolean }>([
    { rule: 'TEXT', value: 'J1', holds: true },
    { rule: 'TEXT', value: '', holds: true },
    { rule: 'TEXT', value: longest, holds: true },
    { rule: 'TEXT', value: tooLong, holds: false },
    { rule: 'TEXT', value: undefined, holds: false },
    { rule: 'TEXT', value: null, holds: false },
    { rule: 'TEXT', value: 42, holds: false },
    { rule: 'TEXT', value: ['J1'], holds: false },
    { rule: 'TEXT', value: { id: 'J1' }, holds: false },
    { rule: 'TEXT', value: nested(10_000), holds: false },
    { rule: 'OPTIONAL_TEXT', value: undefined, holds: true },
    { rule: 'OPTIONAL_TEXT', value: null, holds: true },
    { rule: 'OPTIONAL_TEXT', value: 'https://cdn.example.com/a.mp4', holds: true },
    { rule: 'OPTIONAL_TEXT', value: longest, holds: true },
    { rule: 'OPTIONAL_TEXT', value: tooLong, holds: false },
    { rule: 'OPTIONAL_TEXT', value: false, holds: false },
    { rule: 'OPTIONAL_TEXT', value: nested(10_000), holds: false },
    { rule: 'COUNT', value: 0, holds: true },
    { rule: 'COUNT', value: 3, holds: true },
    { rule: 'COUNT', value: MAX_BATCH_JOBS, holds: true },
    { rule: 'COUNT', value: MAX_BATCH_JOBS + 1, holds: false },
    { rule: 'COUNT', value: 1e308, holds: false },
    { rule: 'COUNT', value: Infinity, holds: false },
    { rule: 'COUNT', value: NaN, holds: false },
    { rule: 'COUNT', value: -1, holds: false },
    { rule: 'COUNT', value: -0.5, holds: false },
    { rule: 'COUNT', value: 1.5, holds: false },
    { rule: 'COUNT', value: '3', holds: false },
    { rule: 'COUNT', value: null, holds: false },
    { rule: 'COUNT', value: undefined, holds: false },
    { rule: 'OPTIONAL_COUNT', value: undefined, holds: true },
    { rule: 'OPTIONAL_COUNT', value: null, holds: true },
    { rule: 'OPTIONAL_COUNT', value: 999, holds: true },
    { rule: 'OPTIONAL_COUNT', value: 1e308, holds: false },
    { rule: 'OPTIONAL_COUNT', value: 2.5, holds: false },
    { rule: 'OPTIONAL_COUNT', value: '1', holds: false }
  ])('$rule holds for $value: $holds', ({ rule, value, holds }) => {
    const rules: Record<string, FieldRule> = { TEXT, OPTIONAL_TEXT, COUNT, OPTIONAL_COUNT }
    expect(rules[rule]?.holds(value)).toBe(holds)
  })

  it.each([
    { value: 'partial', holds: true },
    { value: 'Partial', holds: false },
    { value: undefined, holds: false },
    { value: ['partial'], holds: false }
  ])('oneOf holds for $value: $holds', ({ value, holds }) => {
    expect(oneOf(['cancelled', 'partial']).holds(value)).toBe(holds)
  })

  it('say in words what they expect, with the bounds', () => {
    expect(TEXT.expected).toBe('a string of at most 4,096 characters')
    expect(OPTIONAL_TEXT.expected).toBe('a string of at most 4,096 characters, or null')
    expect(COUNT.expected).toBe('a whole number from 0 to 1,000 (a batch holds at most 1,000 jobs)')
    expect(oneOf(['cancelled', 'partial']).expected).toBe('one of cancelled, partial')
  })
})

describe('describe: what was found, in a few words whatever its size or depth', () => {
  it.each<{ value: unknown; words: string }>([
    { value: undefined, words: 'missing' },
    { value: null, words: 'null' },
    { value: [1, 2], words: 'an array' },
    { value: { a: 1 }, words: 'an object' },
    { value: nested(10_000), words: 'an object' },
    { value: 'done', words: 'the string "done"' },
    { value: 'y'.repeat(5000), words: `a string of 5,000 characters, "${'y'.repeat(40)}"…` },
    { value: 1e308, words: 'number 1e+308' },
    { value: -1, words: 'number -1' },
    { value: true, words: 'boolean true' }
  ])('$words', ({ value, words }) => {
    expect(describeValue(value)).toBe(words)
  })
})

describe('expectField', () => {
  it('passes a field that holds to its rule', () => {
    expect(() => expectField({ totalJobs: 3 }, 'totalJobs', COUNT)).not.toThrow()
  })

  it('names the field, what it is and what was expected', () => {
    expect(() => expectField({ totalJobs: 1e308 }, 'totalJobs', COUNT)).toThrow(
      "the reply does not match the API contract: 'totalJobs' is number 1e+308, expected a whole number from 0 to 1,000"
    )
  })
})

describe('expectList', () => {
  const list = (items: unknown, maxItems?: number) => () => expectList({ jobs: items }, 'jobs', maxItems)

  it.each<{ items: unknown; problem: string }>([
    { items: undefined, problem: "'jobs' is missing, expected an array" },
    { items: { id: 'J1' }, problem: "'jobs' is an object, expected an array" },
    { items: 'J1,J2', problem: `'jobs' is the string "J1,J2", expected an array` }
  ])('names what is not a list: $problem', ({ items, problem }) => {
    expect(list(items)).toThrow(`the reply does not match the API contract: ${problem}`)
  })

  it('gives the list, and refuses more items than allowed', () => {
    const jobs = (count: number) => Array.from({ length: count }, (_, index) => ({ id: `J${index}` }))
    expect(list(jobs(MAX_BATCH_JOBS), MAX_BATCH_JOBS)()).toHaveLength(MAX_BATCH_JOBS)
    expect(list(jobs(MAX_BATCH_JOBS + 1), MAX_BATCH_JOBS)).toThrow(
      "'jobs' holds 1,001 items, expected at most 1,000 (a batch holds at most 1,000 jobs)"
    )
  })
})

describe('itemError: names the item, or its first field that breaks the rules', () => {
  const rules = { id: TEXT, status: OPTIONAL_TEXT }

  it.each<{ item: unknown; problem: string }>([
    { item: null, problem: "'jobs[1]' is null, expected an object" },
    { item: [], problem: "'jobs[1]' is an array, expected an object" },
    { item: 'J1', problem: `'jobs[1]' is the string "J1", expected an object` },
    { item: { status: 'queued' }, problem: "'jobs[1].id' is missing, expected a string of at most 4,096 characters" },
    {
      item: { id: 'J1', status: nested(10_000) },
      problem: "'jobs[1].status' is an object, expected a string of at most 4,096 characters, or null"
    },
    {
      item: { id: 'J1', status: tooLong },
      problem: `'jobs[1].status' is a string of 4,097 characters, "${'x'.repeat(40)}"…, expected a string of at most 4,096 characters, or null`
    },
    { item: { id: 'J1' }, problem: "'jobs[1]' failed a check its rules do not name" }
  ])('$problem', ({ item, problem }) => {
    expect(itemError('jobs', 1, item, rules).message).toBe(`the reply does not match the API contract: ${problem}`)
  })
})
