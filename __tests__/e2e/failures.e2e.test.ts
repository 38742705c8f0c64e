import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { errorMessage, warnings } from '../../local-runner/run-action.js'
import { simulatorForEachTest } from '../support/simulator-fixture.js'

const fixture = simulatorForEachTest()

describe('answers that fail a batch whatever the strictness', () => {
  it('401: names the batch and the status, gives the server text and says to check the token', async () => {
    const run = await fixture.run({
      ...fixture.inputs(fixture.batches.complete, { strictness: 'off' }),
      token: 'nxr_wrong_TOKEN_value'
    })

    expect(run.exitCode).toBe(1)
    const message = errorMessage(run)
    expect(message).toContain(`Batch ${fixture.batches.complete}: HTTP 401`)
    expect(message).toContain('Invalid or missing API token')
    expect(message).toContain('check the token secret')
    expect(fixture.simulator.requests).toHaveLength(1)
  })

  it("403: says the token's team cannot reach the batch", async () => {
    const run = await fixture.run(fixture.inputs(fixture.batches.otherTeam, { strictness: 'off' }))

    expect(run.exitCode).toBe(1)
    expect(errorMessage(run)).toMatch(
      /HTTP 403 Forbidden: Forbidden: the batch belongs to another team: the token's team cannot reach this batch/
    )
    expect(run.outputs.status).toBe('')
  })

  it('a reply that is not JSON is a contract error, not retried', async () => {
    fixture.simulator.faults.set(fixture.batches.complete, { malformed: 'not-json' })
    const run = await fixture.run(fixture.inputs(fixture.batches.complete, { strictness: 'off' }))

    expect(run.exitCode).toBe(1)
    expect(errorMessage(run)).toContain('the reply does not match the API contract: it is not JSON')
    expect(fixture.simulator.requests).toHaveLength(1)
  })

  it('a reply missing a field is a contract error that names the field', async () => {
    fixture.simulator.faults.set(fixture.batches.complete, { malformed: 'missing-field' })
    const run = await fixture.run(fixture.inputs(fixture.batches.complete, { strictness: 'off' }))

    expect(run.exitCode).toBe(1)
    expect(errorMessage(run)).toContain("'totalJobs' is missing, expected a whole number from 0 to 1,000")
  })

  it('a server error text that quotes the token is redacted everywhere', async () => {
    fixture.simulator.faults.set(fixture.batches.complete, { echoAuthorization: true })
    const run = await fixture.run(fixture.inputs(fixture.batches.complete))

    expect(run.exitCode).toBe(1)
    expect(errorMessage(run)).toContain('HTTP 400 Bad Request: Rejected header: Bearer ***')
    expect(run.files.results).toContain('Bearer ***')
  })
})

describe('404', () => {
  it('is reported as unchanged with zero jobs and a warning; the table then applies', async () => {
    const strict = await fixture.run(fixture.inputs(fixture.batches.unknown))
    const off = await fixture.run(fixture.inputs(fixture.batches.unknown, { strictness: 'off' }))

    expect(strict.exitCode).toBe(1)
    expect(off.exitCode).toBe(0)
    for (const run of [strict, off]) {
      expect(run.outputs).toMatchObject({ status: 'unchanged', 'total-jobs': '0', 'cancelled-count': '0' })
      expect(warnings(run).join('\n')).toContain(`Batch ${fixture.batches.unknown} was not found (HTTP 404)`)
      expect(JSON.parse(run.files.results ?? '')).toEqual([
        {
          batchId: fixture.batches.unknown,
          status: 'unchanged',
          totalJobs: 0,
          cancelledCount: 0,
          skippedCount: 0,
          jobs: [],
          cancelledJobs: []
        }
      ])
    }
    expect(errorMessage(strict)).toContain(
      'status unchanged fails at strictness strict (the batch was not found: check the id, api-url (the base URL, ending in /api/v2) and that the token belongs to the team that started the render)'
    )
  })
})

describe('redirects', () => {
  let catcher: Server
  let caught: IncomingHttpHeaders[]
  beforeEach(async () => {
    caught = []
    catcher = createServer((request, response) => {
      caught.push(request.headers)
      response.end('{}')
    })
    await new Promise<void>((resolve) => catcher.listen(0, '127.0.0.2', resolve))
  })
  afterEach(() => new Promise((resolve) => catcher.close(resolve)))

  it('are never followed: the batch fails and the other host receives nothing, least of all the token', async () => {
    const elsewhere = `http://127.0.0.2:${(catcher.address() as AddressInfo).port}/steal`
    fixture.simulator.faults.set(fixture.batches.complete, { redirectTo: elsewhere })
    const run = await fixture.run(fixture.inputs(fixture.batches.complete, { strictness: 'off' }))

    expect(run.exitCode).toBe(1)
    expect(errorMessage(run)).toContain(`HTTP 307 Temporary Redirect: the API redirected to ${elsewhere}`)
    expect(caught).toEqual([])
    expect(fixture.simulator.requests).toHaveLength(1)
  })
})

describe('several batches', () => {
  it('attempts every batch, reports them in input order, and names every failed one', async () => {
    const { complete, partial, unchanged, otherTeam } = fixture.batches
    fixture.simulator.faults.set(unchanged, { malformed: 'not-json' })
    const run = await fixture.run(
      fixture.inputs([complete, unchanged, otherTeam, partial].join('\n'), { strictness: 'lenient' })
    )

    expect(run.exitCode).toBe(1)
    expect(errorMessage(run)).toBe(
      [
        '2 of 4 batches did not pass:',
        `- Batch ${unchanged}: the reply does not match the API contract: it is not JSON (starts with "<html><body>502 Bad Gateway</body></html")`,
        `- Batch ${otherTeam}: HTTP 403 Forbidden: Forbidden: the batch belongs to another team: the token's team cannot reach this batch; use a token of the team that created it`
      ].join('\n')
    )
    expect(run.outputs).toMatchObject({
      'batch-id': [complete, unchanged, otherTeam, partial].join(','),
      status: 'partial',
      'total-jobs': '6',
      'cancelled-count': '4',
      'failed-batch-ids': JSON.stringify([unchanged, otherTeam])
    })
    // The partly rendered batch has one top-level job rendering, which will finish and bill, and one finished.
    expect(JSON.parse(run.outputs['rendering-job-ids'] ?? '')).toHaveLength(1)
    expect(JSON.parse(run.outputs['skipped-job-ids'] ?? '')).toHaveLength(2)
    const records = JSON.parse(run.files.results ?? '') as Array<{ batchId: string; error?: string }>
    expect(records.map((record) => record.batchId)).toEqual([complete, unchanged, otherTeam, partial])
    expect(records[1]?.error).toContain('not JSON')
    const logOrder = [complete, unchanged, otherTeam, partial].map((id) => run.stdout.indexOf(`\n${id}: `))
    expect(logOrder).toEqual([...logOrder].sort((a, b) => a - b))
    expect(logOrder.every((position) => position > 0)).toBe(true)
  })
})
