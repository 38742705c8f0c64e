import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { createServer } from 'node:http'
import { errorMessage } from '../../local-runner/run-action.js'
import { StateBuilder, jobsOf } from '../../simulator/builder.js'
import { startFlood, type FloodServer } from '../../simulator/flood.js'
import { OTHER_BATCH_ID, startSimulator } from '../../simulator/server.js'
import { simulatorForEachTest, TEST_TOKEN } from '../support/simulator-fixture.js'

const fixture = simulatorForEachTest()

describe('a reply too large', () => {
  let flood: FloodServer
  beforeEach(async () => (flood = await startFlood()))
  afterEach(() => flood.close())

  it('fails the batch at the cap, without reading on and without retrying, whatever the strictness', async () => {
    const run = await fixture.run({
      ...fixture.inputs(fixture.batches.complete, { strictness: 'off' }),
      'api-url': flood.apiUrl
    })

    expect(run.exitCode).toBe(1)
    expect(errorMessage(run)).toBe(
      `Batch ${fixture.batches.complete}: HTTP 200, but the reply is larger than the 16 MiB the action reads (the cap); it stopped reading`
    )
    expect(flood.requests).toBe(1)
    // Of the 400 MB on offer, no more than the cap and what the network buffers held.
    expect(flood.written).toBeLessThan(64 * 1024 * 1024)
    expect(JSON.parse(run.files.results ?? '')).toEqual([
      { batchId: fixture.batches.complete, error: expect.stringContaining('16 MiB') }
    ])
  })
})

describe('a reply about another batch', () => {
  it('fails the batch whatever the strictness, naming both ids', async () => {
    fixture.simulator.faults.set(fixture.batches.complete, { malformed: 'other-batch' })
    const run = await fixture.run(fixture.inputs(fixture.batches.complete, { strictness: 'off' }))

    expect(run.exitCode).toBe(1)
    expect(errorMessage(run)).toBe(
      `Batch ${fixture.batches.complete}: the reply does not match the API contract: it is about batch ${OTHER_BATCH_ID}, not ${fixture.batches.complete}, the batch asked for`
    )
    expect(run.outputs).toMatchObject({ status: '', 'total-jobs': '0', 'cancelled-job-ids': '[]' })
  })
})

/** Whether this machine can listen on the IPv6 loopback at all. */
async function hasIpv6Loopback(): Promise<boolean> {
  const probe = createServer()
  return new Promise((resolve) => {
    probe.once('error', () => resolve(false))
    probe.listen(0, '::1', () => probe.close(() => resolve(true)))
  })
}
/** `it` where the machine has an IPv6 loopback, `it.skip` elsewhere. */
const itWithIpv6 = (await hasIpv6Loopback()) ? it : it.skip

describe('the IPv6 loopback', () => {
  itWithIpv6('http://[::1]:PORT reaches a server listening on ::1', async () => {
    const builder = new StateBuilder(11)
    const batch = builder.batch(jobsOf(2, 'queued'))
    const simulator = await startSimulator({ state: builder.state, token: TEST_TOKEN, host: '::1' })
    try {
      expect(simulator.baseUrl).toMatch(/^http:\/\/\[::1\]:\d+\/api\/v2$/)
      const run = await fixture.run({ ...fixture.inputs(batch), 'api-url': simulator.baseUrl })

      expect(run.stdout + run.stderr).not.toContain('ENOTFOUND')
      expect(run.exitCode).toBe(0)
      expect(run.outputs).toMatchObject({ status: 'cancelled', 'cancelled-count': '2' })
      expect(simulator.requests).toHaveLength(1)
    } finally {
      await simulator.close()
    }
  })
})

describe('runner cancellation', () => {
  it('on SIGINT sends nothing new, stops waiting, gives requests in flight a grace, and reports everything', async () => {
    const { partial, complete, unchanged } = fixture.batches
    // Valid ids the simulator does not know; their answers come too late to matter.
    const slow = ['01KDVDNA10AAAAAAAAAAAAAAAA', '01KDVDNA10BBBBBBBBBBBBBBBB', '01KDVDNA10CCCCCCCCCCCCCCCC']
    fixture.simulator.faults.set(complete, { rateLimit: { times: 1, retryAfter: '60' } })
    fixture.simulator.faults.set(unchanged, { hang: { times: 1 } })
    for (const id of slow) fixture.simulator.faults.set(id, { delayMs: 8000 })
    const ids = [partial, complete, unchanged, ...slow]

    const run = await fixture.run(
      fixture.inputs(ids.join('\n')),
      { NODE_OPTIONS: '' },
      { signal: { when: /retrying in 60\.0 s/, send: 'SIGINT' } }
    )

    // All written well before the runner's SIGTERM, 7.5 s after the SIGINT.
    expect(run.exitAfterSignalMs).toBeLessThan(6000)
    expect(run.exitCode).toBe(1)
    const log = run.stdout
    expect(log).toContain('Received SIGINT: the run is being cancelled.')
    expect(log).toContain(`\n${partial}: partial: 4 jobs, 2 cancelled, 2 skipped`)
    expect(log).toContain(
      `\n${complete}: interrupted: the run was cancelled while waiting to retry after attempt 1 (HTTP 429 Too Many Requests)`
    )
    expect(log).toContain(`\n${unchanged}: interrupted: the run was cancelled while the request waited for its answer`)
    expect(log).toContain(`\n${slow[2]}: not attempted: the run was cancelled before it was sent`)
    expect(errorMessage(run).split('\n')[0]).toBe('The run was cancelled (SIGINT): 5 of 6 batches were not done.')
    expect(run.outputs).toMatchObject({ status: 'partial', 'batch-id': ids.join(','), 'total-jobs': '4' })
    expect((JSON.parse(run.files.results ?? '') as Array<{ batchId: string }>).map((record) => record.batchId)).toEqual(
      ids
    )
    expect(run.summary).toContain('the run was cancelled (SIGINT)')
    expect(run.summary).toContain(`### Batch \`${slow[2]}\`: not attempted`)
    // The queued batch was never sent.
    expect(fixture.simulator.requests.filter((request) => request.path.includes(slow[2] ?? '-'))).toEqual([])
  })
})

describe('a run by hand that names a runner file it did not create', () => {
  it.each(['GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY'])(
    'fails at once naming %s, before any cancel is sent',
    async (variable) => {
      const run = await fixture.run(fixture.inputs(fixture.batches.complete), {
        [variable]: '/nonexistent/runner-file'
      })

      expect(run.exitCode).toBe(1)
      expect(errorMessage(run)).toMatch(
        new RegExp(`^${variable} names '/nonexistent/runner-file', which does not exist`)
      )
      expect(fixture.simulator.requests).toEqual([])
    }
  )
})
