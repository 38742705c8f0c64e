/**
 * The records' writers under seeded random schedules (see `support/records-simulation.ts`). A failing
 * seed prints itself, with what happened; `SIM_SEED=<seed>` replays that one schedule exactly.
 */
import { describe, expect, it } from '@jest/globals'
import { runSchedule, type BrokenRules, type ScheduleOutcome } from '../support/records-simulation.js'

const SCHEDULES = 1000
const replay = process.env.SIM_SEED === undefined ? undefined : Number(process.env.SIM_SEED)

function report(outcome: ScheduleOutcome): string {
  return [
    `Schedule ${outcome.seed} broke the rules:`,
    ...outcome.problems.map((problem) => `- ${problem}`),
    `Replay it: SIM_SEED=${outcome.seed} NODE_OPTIONS=--experimental-vm-modules npx jest __tests__/records/records-simulation.test.ts`,
    'What happened:',
    ...outcome.trace()
  ].join('\n')
}

describe('the records under seeded random schedules', () => {
  it(`lose no record or outcome, mark nothing done unanswered, and make no extra comment, in ${replay === undefined ? `${SCHEDULES} schedules` : `schedule ${replay}`}`, async () => {
    const seeds = replay === undefined ? Array.from({ length: SCHEDULES }, (_, index) => index + 1) : [replay]
    for (const seed of seeds) {
      const outcome = await runSchedule(seed)
      if (outcome.problems.length > 0) throw new Error(report(outcome))
    }
    expect(seeds.length).toBeGreaterThan(0)
  }, 60_000)

  it('runs the same schedule the same way from the same seed', async () => {
    const [first, again] = [await runSchedule(42), await runSchedule(42)]
    expect(again.trace()).toEqual(first.trace())
    expect(first.trace().length).toBeGreaterThan(5)
  })
})

describe('the simulation catches a rule broken on purpose', () => {
  it.each<[string, BrokenRules]>([
    ['without the lease', { lease: 'off' }],
    ['judging a lease’s age by GitHub’s Date alone', { skewCheck: 'off' }],
    ['taking a 👀 found after an error for the step’s own lease', { takeRetriedLease: true }]
  ])('%s: a schedule loses a record or an outcome', async (_rule, broken) => {
    let caught: ScheduleOutcome | undefined
    for (let seed = 1; seed <= 300 && !caught; seed++) {
      const outcome = await runSchedule(seed, broken)
      if (outcome.problems.length > 0) caught = outcome
    }
    expect(caught?.problems.join('\n')).toMatch(/was lost|did not hold this step's changes/)
  })
})
