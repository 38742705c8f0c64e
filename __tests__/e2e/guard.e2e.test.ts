/**
 * The guard as a runner runs it: the main step right after the render step; then, if the job failed
 * or was cancelled (`post-if` in guard/action.yml), the post step, with the main step's state and the
 * same inputs.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { errorMessage, GUARD_ENTRY, GUARD_POST_ENTRY, stateForPost } from '../../local-runner/run-action.js'
import { StateBuilder, jobsOf } from '../../simulator/builder.js'
import { simulatorForEachTest } from '../support/simulator-fixture.js'

const fixture = simulatorForEachTest()

const guard = parse(readFileSync('guard/action.yml', 'utf8')) as { runs: Record<string, string> }
const cancels = () => fixture.simulator.requests.filter((request) => request.method === 'POST')

/** The whole post step's process, with room for a loaded machine: the step itself aims at 7 s. */
const WITHIN_7_S = 8500
const UNKNOWN = "not known whether cancelled: no answer within the guard's 7 s"

/** The main step, then the post step with real retry waits, as the runner would run it after a failed or cancelled job. */
async function guardPost(inputs: Record<string, string>) {
  const main = await fixture.run(inputs, {}, { entry: GUARD_ENTRY })
  expect(main.exitCode).toBe(0)
  return fixture.run(inputs, { ...stateForPost(main), NODE_OPTIONS: '' }, { entry: GUARD_POST_ENTRY })
}

/** `count` more batches of two queued jobs each, on the simulator. */
function moreBatches(count: number): string[] {
  const builder = new StateBuilder(count)
  const ids = Array.from({ length: count }, () => builder.batch(jobsOf(2, 'queued')))
  const { state } = fixture.simulator
  for (const [id, job] of builder.state.jobs) state.jobs.set(id, job)
  for (const [id, batch] of builder.state.batches) state.batches.set(id, batch)
  return ids
}

/** The main step, then the post step as the runner would run it after a failed or cancelled job. */
async function guardThenFail(batchIds: string, extra: Record<string, string> = {}) {
  const inputs = fixture.inputs(batchIds, extra)
  const main = await fixture.run(inputs, {}, { entry: GUARD_ENTRY })
  const post = await fixture.run(inputs, stateForPost(main), { entry: GUARD_POST_ENTRY })
  return { main, post }
}

describe('the guard', () => {
  it('runs its post step only when the job failed or was cancelled', () => {
    expect(guard.runs).toEqual({
      using: 'node24',
      main: '../dist/guard/index.js',
      post: '../dist/guard/post/index.js',
      'post-if': 'failure() || cancelled()'
    })
  })

  it('remembers the batches in its main step and sends nothing: a job that succeeds never cancels them', async () => {
    const { complete, partial } = fixture.batches
    const main = await fixture.run(fixture.inputs(`${complete}, ${partial}`), {}, { entry: GUARD_ENTRY })

    expect(main.exitCode).toBe(0)
    expect(main.state).toEqual({ 'batch-ids': `${complete},${partial}` })
    expect(main.stdout).toContain(`Guarding 2 batches (${complete}, ${partial})`)
    expect(fixture.simulator.requests).toEqual([])
    // The token is in no file the runner keeps, the state among them.
    expect(main.files.state).not.toContain('nxr_')
  })

  it('checks its inputs in the main step, with a summary that says what to fix', async () => {
    const main = await fixture.run(fixture.inputs('not-a-batch'), {}, { entry: GUARD_ENTRY })

    expect(main.exitCode).toBe(1)
    expect(errorMessage(main)).toContain("Input 'batch-id' has an invalid id: 'not-a-batch'")
    expect(main.summary).toContain('## Nexrender guard: ❌ fails: an input is wrong')
    expect(main.state).toEqual({})
  })

  it('cancels the batches in its post step after a failed job, and reports in the log and the summary', async () => {
    const { complete, partial } = fixture.batches
    const { post } = await guardThenFail(`${complete}\n${partial}`)

    expect(post.exitCode).toBe(0)
    expect(cancels().map((request) => request.path.split('/')[4])).toEqual([complete, partial])
    expect(post.stdout).toContain('The job failed or was cancelled: cancelling the 2 guarded batches')
    expect(post.stdout).toContain(`${complete}: cancelled:`)
    // A batch already done when the job fails is no surprise: only errors fail the post step.
    expect(post.summary).toContain('## Nexrender guard: the job failed or was cancelled: ✅ passes: partial')
    expect(post.summary).toContain('| **Total (2 batches)** |')
    expect(post.outputs).toEqual({})
  })

  it('fits in the runner’s grace after a cancel: its retries stop within 7 s', async () => {
    const { complete } = fixture.batches
    fixture.simulator.faults.set(complete, { serverError: { times: 99, status: 503 } })
    const inputs = fixture.inputs(complete, { 'max-retries': '10' })
    // Real waits: about 1 s, 2 s, 4 s; the requests end 6 s after the start, so the third or fourth attempt is the last.
    const post = await guardPost(inputs)

    expect(post.exitCode).toBe(1)
    expect(cancels().length).toBeGreaterThanOrEqual(3)
    expect(cancels().length).toBeLessThanOrEqual(4)
    expect(post.durationMs).toBeGreaterThanOrEqual(2400) // the first two waits, less their jitter
    expect(post.durationMs).toBeLessThan(WITHIN_7_S)
    expect(errorMessage(post)).toMatch(/gave up after [34] attempts, with no time left for another: HTTP 503/)
  }, 20_000)

  it('sends every cancel at once and ends, reported, within 7 s: 12 batches answering in 4.5 s each', async () => {
    const ids = moreBatches(12)
    for (const id of ids) fixture.simulator.faults.set(id, { delayMs: 4500 })
    const post = await guardPost(fixture.inputs(ids.join(',')))

    expect(post.durationMs).toBeGreaterThanOrEqual(4500)
    expect(post.durationMs).toBeLessThan(WITHIN_7_S)
    expect(post.exitCode).toBe(0)
    expect(cancels().map((request) => request.path.split('/')[4])).toEqual(expect.arrayContaining(ids))
    expect(cancels()).toHaveLength(12)
    expect(fixture.simulator.peakInFlight).toBe(12)
    for (const id of ids) expect(post.stdout).toContain(`${id}: cancelled: 2 jobs, 2 cancelled, 0 skipped`)
    expect(post.summary).toContain('## Nexrender guard: the job failed or was cancelled: ✅ passes: cancelled')
    expect(post.summary).toContain('| **Total (12 batches)** |')
  }, 20_000)

  it('reports batches that never answer as not known whether cancelled, within 7 s', async () => {
    const { complete, partial, unchanged } = fixture.batches
    for (const id of [complete, partial, unchanged]) fixture.simulator.faults.set(id, { hang: { times: 99 } })
    const post = await guardPost(fixture.inputs(`${complete},${partial},${unchanged}`))

    expect(post.durationMs).toBeGreaterThanOrEqual(5000) // an attempt's 5 s, waited out
    expect(post.durationMs).toBeLessThan(WITHIN_7_S)
    expect(post.exitCode).toBe(1)
    expect(new Set(cancels().map((request) => request.path.split('/')[4]))).toEqual(
      new Set([complete, partial, unchanged])
    )
    for (const id of [complete, partial, unchanged]) {
      expect(post.stdout).toContain(`${id}: failed: ${UNKNOWN}`)
      expect(errorMessage(post)).toContain(`- Batch ${id}: ${UNKNOWN}`)
    }
    expect(errorMessage(post).split('\n')[0]).toBe('3 of 3 batches did not pass:')
    // An unknown outcome is never a pass: the batch may still be billing.
    expect(post.summary).toContain('## Nexrender guard: the job failed or was cancelled: ❌ fails: 3 of 3 batches')
    expect(post.summary).toContain(`> ❌ ${UNKNOWN}`)
    expect(post.summary).not.toContain('✅')
  }, 20_000)

  it('ends within 7 s whatever the API does: hangs, trickling bodies, drops, 503s, slow answers', async () => {
    const { complete, partial, unchanged, otherTeam, unknown } = fixture.batches
    const { faults } = fixture.simulator
    faults.set(complete, { hang: { times: 99 } })
    faults.set(partial, { trickleMs: 100 })
    faults.set(unchanged, { serverError: { times: 99, status: 503 } })
    faults.set(otherTeam, { dropConnection: { times: 99 } })
    faults.set(unknown, { delayMs: 4500 })
    const post = await guardPost(fixture.inputs(Object.values(fixture.batches).join(','), { 'max-retries': '10' }))

    expect(post.durationMs).toBeLessThan(WITHIN_7_S)
    expect(post.exitCode).toBe(1)
    for (const id of [complete, partial, otherTeam]) expect(post.stdout).toContain(`${id}: failed: ${UNKNOWN}`)
    expect(post.stdout).toMatch(
      new RegExp(`${unchanged}: failed: gave up after \\d+ attempts, with no time left for another: HTTP 503`)
    )
    expect(post.stdout).toContain(`${unknown}: unchanged (batch not found)`)
    expect(errorMessage(post).split('\n')[0]).toBe('4 of 5 batches did not pass:')
  }, 20_000)

  it('reports what it knows when the runner cancels the post step itself', async () => {
    const { complete, partial } = fixture.batches
    fixture.simulator.faults.set(partial, { hang: { times: 1 } })
    const inputs = fixture.inputs(`${complete},${partial}`)
    const main = await fixture.run(inputs, {}, { entry: GUARD_ENTRY })
    const post = await fixture.run(inputs, stateForPost(main), {
      entry: GUARD_POST_ENTRY,
      signal: { when: new RegExp(`${complete}|cancelling the 2 guarded`), send: 'SIGINT' }
    })

    expect(post.exitCode).toBe(1)
    expect(post.exitAfterSignalMs).toBeLessThan(6000)
    expect(post.stdout).toContain(`${partial}: interrupted:`)
    expect(errorMessage(post)).toMatch(/^The run was cancelled \(SIGINT\)/)
    expect(post.summary).toContain('the run was cancelled (SIGINT)')
  })

  it('counts a batch its 7 s left without an answer as not done when the runner cancels the post step late', async () => {
    const { complete, partial } = fixture.batches
    fixture.simulator.faults.set(complete, { hang: { times: 99 } })
    fixture.simulator.faults.set(partial, { delayMs: 4000 })
    const inputs = fixture.inputs(`${complete},${partial}`)
    const main = await fixture.run(inputs, {}, { entry: GUARD_ENTRY })
    // SIGINT once the slow batch has answered, about 4 s in: the grace for requests would outlast the 7 s.
    const post = await fixture.run(
      inputs,
      { ...stateForPost(main), NODE_OPTIONS: '' },
      { entry: GUARD_POST_ENTRY, signal: { when: new RegExp(`${partial}: attempt 1`), send: 'SIGINT' } }
    )

    expect(post.exitAfterSignalMs).toBeDefined()
    expect(post.durationMs).toBeLessThan(WITHIN_7_S)
    expect(post.exitCode).toBe(1)
    // Not done, whichever side of the 6 s end its retry's jitter fell: left unanswered, or cut short while waiting.
    expect(post.stdout).toContain(`${complete}: interrupted: `)
    expect(post.stdout).toContain(`${partial}: partial:`)
    expect(errorMessage(post).split('\n')[0]).toBe('The run was cancelled (SIGINT): 1 of 2 batches was not done.')
  }, 20_000)

  it('has nothing to do when its main step recorded nothing', async () => {
    const post = await fixture.run(fixture.inputs(fixture.batches.complete), {}, { entry: GUARD_POST_ENTRY })
    expect(post.exitCode).toBe(0)
    expect(post.stdout).toContain('The guard recorded no batches')
    expect(fixture.simulator.requests).toEqual([])
  })
})
