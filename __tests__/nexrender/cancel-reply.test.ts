import { describe, expect, it } from '@jest/globals'
import { parseBatchView, VIEW_JOB_RULES } from '../../src/nexrender/batch-view.js'
import { CANCELLED_JOB_RULES, JOB_RESULT_RULES, parseCancelReply } from '../../src/nexrender/cancel-reply.js'
import { reply } from '../support/replies.js'

/**
 * Stands for an object nested 10,000 deep, written into the body as text: JSON.parse builds such a
 * value, while JSON.stringify of it (in a test, or in a summary's cell) overflows the stack.
 */
const DEEP = '__10,000 deep__'
const DEEP_JSON = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`

const parse = (value: unknown) => () => parseCancelReply(JSON.stringify(value).replace(JSON.stringify(DEEP), DEEP_JSON))

describe('parseCancelReply', () => {
  it('accepts a documented reply and keeps every field', () => {
    const body = { ...reply(), requestId: 'r-1', stats: null }
    expect(parseCancelReply(JSON.stringify(body))).toEqual(body)
  })

  it('tolerates extra fields, nulls in stats and unknown result values', () => {
    const tolerant = reply({
      jobs: [{ id: 'J9', result: 'deferred', status: 'mystery', extra: true }],
      cancelledJobs: [{ id: 'J1', stats: { createdAt: null, renderDuration: null }, outputUrl: null }]
    })
    expect(parseCancelReply(JSON.stringify(tolerant)).jobs[0]?.result).toBe('deferred')
  })

  it.each([
    { body: 'Bad Gateway', problem: 'it is not JSON (starts with "Bad Gateway")' },
    { body: '[]', problem: 'it is not a JSON object' },
    { body: 'null', problem: 'it is not a JSON object' }
  ])('rejects $body: $problem', ({ body, problem }) => {
    expect(() => parseCancelReply(body)).toThrow(`the reply does not match the API contract: ${problem}`)
  })

  it.each([
    {
      field: 'batchId',
      value: undefined,
      problem: "'batchId' is missing, expected a string of at most 4,096 characters"
    },
    { field: 'batchId', value: 42, problem: "'batchId' is number 42, expected a string" },
    { field: 'batchId', value: 'B'.repeat(5000), problem: "'batchId' is a string of 5,000 characters" },
    {
      field: 'status',
      value: 'done',
      problem: `'status' is the string "done", expected one of cancelled, partial, unchanged`
    },
    { field: 'status', value: undefined, problem: "'status' is missing" },
    { field: 'status', value: DEEP, problem: "'status' is an object, expected one of" },
    {
      field: 'totalJobs',
      value: '3',
      problem: `'totalJobs' is the string "3", expected a whole number from 0 to 1,000 (a batch holds at most 1,000 jobs)`
    },
    {
      field: 'totalJobs',
      value: 1e308,
      problem: "'totalJobs' is number 1e+308, expected a whole number from 0 to 1,000"
    },
    { field: 'totalJobs', value: 1001, problem: "'totalJobs' is number 1001, expected a whole number from 0 to 1,000" },
    { field: 'cancelledCount', value: -1, problem: "'cancelledCount' is number -1" },
    { field: 'cancelledCount', value: 1e308, problem: "'cancelledCount' is number 1e+308" },
    { field: 'skippedCount', value: 1.5, problem: "'skippedCount' is number 1.5" },
    { field: 'skippedCount', value: null, problem: "'skippedCount' is null" },
    { field: 'jobs', value: {}, problem: "'jobs' is an object, expected an array" },
    { field: 'jobs', value: [{ id: 'J1' }, { index: 1 }], problem: "'jobs[1].id' is missing, expected a string" },
    { field: 'cancelledJobs', value: undefined, problem: "'cancelledJobs' is missing, expected an array" },
    { field: 'cancelledJobs', value: [null], problem: "'cancelledJobs[0]' is null, expected an object" },
    { field: 'cancelledJobs', value: [[]], problem: "'cancelledJobs[0]' is an array, expected an object" }
  ])('rejects $field = $value', ({ field, value, problem }) => {
    expect(parse({ ...reply(), [field]: value })).toThrow(problem)
  })

  // Every field of a job that the log, the outputs or the summary shows is checked, whatever the job's place.
  it.each([
    ...['index', 'result', 'status', 'reason'].map((key) => ({ list: 'jobs', key })),
    ...['id', 'templateId', 'status', 'outputUrl'].map((key) => ({ list: 'cancelledJobs', key }))
  ])('rejects a 10,000-deep object in $list[2].$key, naming it', ({ list, key }) => {
    const body = reply()
    const jobs = body[list] as Array<Record<string, unknown>>
    jobs[2] = { ...jobs[2], [key]: DEEP }
    expect(parse(body)).toThrow(
      `the reply does not match the API contract: '${list}[2].${key}' is an object, expected a`
    )
  })

  it.each([
    { job: { id: 'J1', index: -1 }, problem: "'jobs[0].index' is number -1" },
    { job: { id: 'J1', index: 0.5 }, problem: "'jobs[0].index' is number 0.5" },
    { job: { id: 'J1', index: 1e308 }, problem: "'jobs[0].index' is number 1e+308" },
    { job: { id: 'J1', result: 7 }, problem: "'jobs[0].result' is number 7" },
    { job: { id: 'J1', reason: 'r'.repeat(4097) }, problem: "'jobs[0].reason' is a string of 4,097 characters" },
    { job: { id: 42 }, problem: "'jobs[0].id' is number 42" }
  ])('rejects a job whose field breaks its type: $problem', ({ job, problem }) => {
    expect(parse({ ...reply(), jobs: [job] })).toThrow(problem)
  })

  it('accepts nulls where the API leaves something out, and the longest strings allowed', () => {
    const longest = 'u'.repeat(4096)
    const body = reply({
      jobs: [{ id: 'J1', index: null, result: null, status: null, reason: null }],
      cancelledJobs: [{ id: longest, templateId: null, status: null, outputUrl: `https://${longest.slice(8)}` }]
    })
    expect(parseCancelReply(JSON.stringify(body))).toEqual(body)
  })

  it('takes 1,000 top-level jobs, and refuses one more: no batch holds that many', () => {
    const jobs = (count: number) => Array.from({ length: count }, (_, index) => ({ index, id: `J${index}` }))
    expect(parse({ ...reply(), totalJobs: 1000, jobs: jobs(1000) })).not.toThrow()
    expect(parse({ ...reply(), jobs: jobs(1001) })).toThrow("'jobs' holds 1,001 items, expected at most 1,000")
  })

  it('takes more than 1,000 cancelled jobs: cascades add relatives beyond the top-level ones', () => {
    const cancelledJobs = Array.from({ length: 3000 }, (_, index) => ({ id: `C${index}` }))
    expect(parse({ ...reply(), cancelledJobs })).not.toThrow()
  })
})

/**
 * The parsers check their lists' items inline, for speed, and name a failure by their rules: for
 * every field with a rule, and values of every kind, the two must agree.
 */
describe('the inline checks and the rules agree', () => {
  const SAMPLES: unknown[] = [
    'J1',
    '',
    'u'.repeat(4096),
    'u'.repeat(4097),
    null,
    undefined,
    0,
    1000,
    1001,
    -1,
    1.5,
    1e308,
    true,
    {},
    [],
    ['J1']
  ]
  const cases = [
    ...Object.entries(JOB_RESULT_RULES).map(([key, rule]) => ({ parser: 'cancel', list: 'jobs', key, rule })),
    ...Object.entries(CANCELLED_JOB_RULES).map(([key, rule]) => ({
      parser: 'cancel',
      list: 'cancelledJobs',
      key,
      rule
    })),
    ...Object.entries(VIEW_JOB_RULES).map(([key, rule]) => ({ parser: 'view', list: 'jobs', key, rule }))
  ]

  it.each(cases)('$parser: $list[1].$key', ({ parser, list, key, rule }) => {
    const path = `'${list}[1].${key}' is `
    const verdictOn = (sample: unknown) => {
      const body: Record<string, unknown> =
        parser === 'cancel'
          ? reply()
          : {
              batchId: 'B',
              jobs: [
                { id: 'J0', status: 'queued' },
                { id: 'J1', status: 'queued' }
              ]
            }
      const items = body[list] as Array<Record<string, unknown>>
      items[1] = { ...items[1], [key]: sample }
      const text = JSON.stringify(body)
      try {
        if (parser === 'cancel') parseCancelReply(text)
        else parseBatchView(text)
        return 'accepted'
      } catch (error) {
        return (error as Error).message.includes(path) ? `rejected, naming ${path}` : (error as Error).message
      }
    }
    // JSON has no undefined: a field set to it is left out, which is what the rule is then asked about.
    expect(SAMPLES.map((sample) => ({ sample, verdict: verdictOn(sample) }))).toEqual(
      SAMPLES.map((sample) => ({ sample, verdict: rule.holds(sample) ? 'accepted' : `rejected, naming ${path}` }))
    )
  })
})
