import { describe, expect, it } from '@jest/globals'
import { errorMessage } from '../../local-runner/run-action.js'
import { simulatorForEachTest, TEST_TOKEN } from '../support/simulator-fixture.js'

const fixture = simulatorForEachTest()

describe('input problems fail the step before any request is sent', () => {
  it.each<{ inputs: Record<string, string>; message: string }>([
    { inputs: { 'batch-id': 'not-a-ulid' }, message: "Input 'batch-id' has an invalid id: 'not-a-ulid'" },
    { inputs: { 'batch-id': '' }, message: "Input 'batch-id' is required" },
    { inputs: { strictness: 'loose' }, message: "Input 'strictness' must be one of strict, lenient, off; got 'loose'" },
    { inputs: { 'api-url': 'http://api.nexrender.com/api/v2' }, message: "Input 'api-url' must use https" },
    { inputs: { 'timeout-seconds': '0' }, message: "Input 'timeout-seconds' must be a number of seconds above 0" },
    { inputs: { 'max-retries': '-1' }, message: "Input 'max-retries' must be a whole number from 0 to 10" },
    { inputs: { token: '' }, message: "Input 'token' is required" }
  ])('$message', async ({ inputs, message }) => {
    const run = await fixture.run({ ...fixture.inputs(fixture.batches.complete), ...inputs })

    expect(run.exitCode).toBe(1)
    expect(errorMessage(run)).toContain(message)
    expect(fixture.simulator.requests).toEqual([])
    // A reviewer who opens the run's summary sees it too, and what to do.
    expect(run.summary).toContain('## Nexrender batch cancel: ❌ fails: an input is wrong')
    expect(run.summary).toContain(message)
    expect(run.summary).toContain("Nothing was sent. Fix the input in the step's `with:`")
  })

  it('masks the token first thing, even when another input is wrong', async () => {
    const run = await fixture.run(fixture.inputs('01ARZ3NDEKTSV4RRFFQ69G5FAV,oops'))

    expect(run.stdout.split('\n')[0]).toBe(`::add-mask::${TEST_TOKEN}`)
    expect(errorMessage(run)).toContain("'oops'")
  })
})

describe('batch-id lists', () => {
  it('trims, upper-cases and de-duplicates ids, keeping first-seen order', async () => {
    const { complete, partial } = fixture.batches
    const run = await fixture.run(
      fixture.inputs(` ${partial.toLowerCase()},\n${complete}  ${partial}\n`, { strictness: 'off' })
    )

    expect(run.exitCode).toBe(0)
    expect(run.outputs['batch-id']).toBe(`${partial},${complete}`)
    expect(fixture.simulator.requests.map((request) => request.path).sort()).toEqual(
      [`/api/v2/batches/${complete}/cancel`, `/api/v2/batches/${partial}/cancel`].sort()
    )
  })
})
