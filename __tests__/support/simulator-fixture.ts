import { runAction, type ActionRun, type RunOptions } from '../../local-runner/run-action.js'
import { StateBuilder, jobsOf } from '../../simulator/builder.js'
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../simulator/server.js'
import { eachTest } from './each-test.js'
import { SHORT_WAITS } from './short-waits-env.js'
import { expectNoTokenLeaks } from './token-leaks.js'

/** A token distinctive enough that any leak of it is found by a plain text search. */
export const TEST_TOKEN = 'nxr_test_7Q2sLk9vSECRETx4Zp'
/** A token of another team, which started none of the fixture's batches. */
export const OTHER_TEAM_TOKEN = 'nxr_test_3Hd8OtherTEAMw2Qv'

export interface Fixture {
  simulator: RunningSimulator
  batches: {
    complete: string
    partial: string
    unchanged: string
    otherTeam: string
    /** A valid id the simulator does not know. */
    unknown: string
  }
  inputs: (batchId: string, extra?: Record<string, string>) => Record<string, string>
  /**
   * Runs the action with retry waits cut to a thousandth (pass `NODE_OPTIONS: ''` for real ones), so retries do not slow the suite, and
   * fails if a run of either token's characters shows up anywhere but in the mask command.
   */
  run: (inputs: Record<string, string>, env?: Record<string, string>, options?: RunOptions) => Promise<ActionRun>
}

/**
 * A fresh simulator with one batch for each outcome, and the inputs to point the action at it.
 * `otherTeamsBatch`: what a token gets for a batch of another team (403 unless given).
 */
export async function startFixture(otherTeamsBatch?: SimulatorOptions['otherTeamsBatch']): Promise<Fixture> {
  const builder = new StateBuilder(7)
  const batches = {
    complete: builder.batch([{ status: 'pending', children: jobsOf(2, 'queued') }, { status: 'queued' }]),
    partial: builder.batch([...jobsOf(2, 'queued'), { status: 'render:dorender' }, { status: 'finished' }]),
    unchanged: builder.batch([{ status: 'finished' }, { status: 'error' }]),
    otherTeam: builder.batch(jobsOf(1, 'queued'), { team: 'someone-else' }),
    unknown: '01ARZ3NDEKTSV4RRFFQ69G5FAV'
  }
  const simulator = await startSimulator({
    state: builder.state,
    token: TEST_TOKEN,
    teamTokens: { [OTHER_TEAM_TOKEN]: 'another-studio' },
    otherTeamsBatch
  })
  const inputs = (batchId: string, extra: Record<string, string> = {}) => ({
    'batch-id': batchId,
    token: TEST_TOKEN,
    'api-url': simulator.baseUrl,
    ...extra
  })
  const run = async (inputs: Record<string, string>, env: Record<string, string> = {}, options: RunOptions = {}) => {
    // Every run, whatever it tests: no part of a token appears anywhere but in the runner's mask command.
    return expectNoTokenLeaks(await runAction(inputs, { ...SHORT_WAITS, ...env }, options), [
      inputs.token,
      inputs['github-token']
    ])
  }
  return { simulator, batches, inputs, run }
}

/** A fresh simulator fixture for each test of the file. */
export function simulatorForEachTest(otherTeamsBatch?: SimulatorOptions['otherTeamsBatch']): Fixture {
  return eachTest(
    () => startFixture(otherTeamsBatch),
    (fixture) => fixture.simulator.close()
  )
}
