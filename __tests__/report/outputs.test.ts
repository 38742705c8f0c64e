import { describe, expect, it } from '@jest/globals'
import { actionOutputs, combinedStatus } from '../../src/report/outputs.js'
import { resultsFileParts } from '../../src/report/results-file.js'
import { answered, BATCH, failed, reply } from '../support/replies.js'

const OTHER = '01KDVDNA07TXH63FZT7APV6KX1'

describe('actionOutputs', () => {
  it('gives one batch its figures', () => {
    expect(actionOutputs([answered()], '/tmp/r.json')).toEqual({
      status: 'partial',
      'batch-id': BATCH,
      'total-jobs': '3',
      'cancelled-count': '2',
      'skipped-count': '1',
      'cancelled-jobs-count': '3',
      'cancelled-job-ids': '["J1","C1","J2"]',
      'rendering-job-ids': '["J3"]',
      'skipped-job-ids': '["J3"]',
      'failed-batch-ids': '[]',
      'results-file': '/tmp/r.json',
      'dry-run': 'false',
      'pull-requests': '[]',
      'pull-requests-left': ''
    })
  })

  it('sums several batches and counts each cancelled job once', () => {
    const second = answered({
      batchId: OTHER,
      reply: reply({ batchId: OTHER, status: 'cancelled', cancelledJobs: [{ id: 'J2' }, { id: 'K1' }] })
    })
    expect(actionOutputs([answered(), second, failed('boom', '01ARZ3NDEKTSV4RRFFQ69G5FB0')], 'f')).toMatchObject({
      status: 'partial',
      'batch-id': `${BATCH},${OTHER},01ARZ3NDEKTSV4RRFFQ69G5FB0`,
      'total-jobs': '6',
      'cancelled-count': '4',
      'skipped-count': '2',
      'cancelled-jobs-count': '4',
      'cancelled-job-ids': '["J1","C1","J2","K1"]',
      'rendering-job-ids': '["J3"]',
      'failed-batch-ids': '["01ARZ3NDEKTSV4RRFFQ69G5FB0"]'
    })
  })

  it('tells the jobs that will still bill from the others skipped', () => {
    const finished = { index: 3, id: 'J4', result: 'skipped', status: 'finished', reason: 'already finished' }
    const batch = answered({ reply: reply({ jobs: [...reply().jobs, finished], skippedCount: 2, totalJobs: 4 }) })
    expect(actionOutputs([batch], 'f')).toMatchObject({
      'rendering-job-ids': '["J3"]',
      'skipped-job-ids': '["J3","J4"]'
    })
  })

  it('says whether this was a dry run', () => {
    expect(actionOutputs([answered()], 'f', true)['dry-run']).toBe('true')
  })

  it('leaves status empty when no batch answered', () => {
    expect(actionOutputs([failed('boom')], 'f')).toMatchObject({
      status: '',
      'total-jobs': '0',
      'cancelled-job-ids': '[]'
    })
  })
})

describe('combinedStatus', () => {
  it.each([
    [['cancelled', 'cancelled'], 'cancelled'],
    [['unchanged', 'unchanged'], 'unchanged'],
    [['cancelled', 'unchanged'], 'partial'],
    [['partial'], 'partial'],
    [['cancelled', 'partial'], 'partial'],
    [[], '']
  ] as const)('%j gives %j', (statuses, status) => {
    expect(combinedStatus([...statuses])).toBe(status)
  })
})

describe('resultsFileParts', () => {
  const resultsFileText = (results: Parameters<typeof resultsFileParts>[0]) =>
    Buffer.concat(resultsFileParts(results)).toString('utf8')

  it('keeps input order: replies as the API sent them, failures as id and error', () => {
    const asSent = '{ "batchId": "B", "extra": [1, 2], "name": "Grüße ✓" }'
    const text = resultsFileText([answered({ record: Buffer.from(asSent) }), failed('HTTP 500', OTHER)])
    expect(text).toBe(`[${asSent},{"batchId":"${OTHER}","error":"HTTP 500"}]`)
    expect(JSON.parse(text)).toEqual([
      { batchId: 'B', extra: [1, 2], name: 'Grüße ✓' },
      { batchId: OTHER, error: 'HTTP 500' }
    ])
  })

  it('is an empty array for no batches', () => {
    expect(resultsFileText([])).toBe('[]')
  })
})
