/**
 * The guard as a runner runs it: the main step right after the render step; then, if the job failed
 * or was cancelled (`post-if` in guard/action.yml), the post step, with the main step's state and the
 * same inputs.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { errorMessage, GUARD_ENTRY, GUARD_POST_ENTRY, stateForPost } from '../../local-runner/run-action.js'
import { startFixture, type Fixture } from '../support/simulator-fixture.js'

let fixture: Fixture
beforeEach(async () => (fixture = await startFixture()))
afterEach(() => fixture.simulator.close())

const guard = parse(readFileSync('guard/action.yml', 'utf8')) as { runs: Record<string, string> }
const cancels = () => fixture.simulator.requests.filter((request) => request.method === 'POST')

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
    const main = await fixture.run(inputs, {}, { entry: GUARD_ENTRY })
    // Real waits: about 1 s; the next (2 s, and an attempt of up to 5 s, after the first second) would not fit in 7 s.
    const post = await fixture.run(inputs, { ...stateForPost(main), NODE_OPTIONS: '' }, { entry: GUARD_POST_ENTRY })

    expect(post.exitCode).toBe(1)
    expect(cancels()).toHaveLength(2)
    expect(post.durationMs).toBeGreaterThanOrEqual(800) // the first wait, 1 s less its jitter
    expect(post.durationMs).toBeLessThan(7500)
    expect(errorMessage(post)).toMatch(/gave up after \d+ attempts, with no time left for another: HTTP 503/)
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

  it('has nothing to do when its main step recorded nothing', async () => {
    const post = await fixture.run(fixture.inputs(fixture.batches.complete), {}, { entry: GUARD_POST_ENTRY })
    expect(post.exitCode).toBe(0)
    expect(post.stdout).toContain('The guard recorded no batches')
    expect(fixture.simulator.requests).toEqual([])
  })
})
