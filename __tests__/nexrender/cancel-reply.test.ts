import { describe, expect, it } from '@jest/globals'
import { parseCancelReply } from '../../src/nexrender/cancel-reply.js'
import { reply } from '../support/replies.js'

const parse = (value: unknown) => () => parseCancelReply(JSON.stringify(value))

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
    { field: 'batchId', value: undefined, problem: "'batchId' is missing, expected a string" },
    { field: 'batchId', value: 42, problem: "'batchId' is number 42, expected a string" },
    {
      field: 'status',
      value: 'done',
      problem: `'status' is the string "done", expected one of cancelled, partial, unchanged`
    },
    { field: 'status', value: undefined, problem: "'status' is missing" },
    { field: 'totalJobs', value: '3', problem: `'totalJobs' is the string "3", expected a non-negative integer` },
    { field: 'cancelledCount', value: -1, problem: "'cancelledCount' is number -1" },
    { field: 'skippedCount', value: 1.5, problem: "'skippedCount' is number 1.5" },
    { field: 'skippedCount', value: null, problem: "'skippedCount' is null" },
    { field: 'jobs', value: {}, problem: "'jobs' is an object, expected an array" },
    { field: 'jobs', value: [{ id: 'J1' }, { index: 1 }], problem: "'jobs[1]' has no string 'id'" },
    { field: 'cancelledJobs', value: undefined, problem: "'cancelledJobs' is missing, expected an array" },
    { field: 'cancelledJobs', value: [null], problem: "'cancelledJobs[0]' has no string 'id'" },
    { field: 'cancelledJobs', value: [[]], problem: "'cancelledJobs[0]' has no string 'id'" }
  ])('rejects $field = $value', ({ field, value, problem }) => {
    expect(parse({ ...reply(), [field]: value })).toThrow(problem)
  })
})
