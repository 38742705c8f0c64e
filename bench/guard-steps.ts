/** What the guard costs: its main step against a bare script saving the ids; its post step against the bare client. */
import { GUARD_ENTRY, GUARD_POST_ENTRY, stateForPost } from '../local-runner/run-action.js'
import { action, bare, median, ms, ratio, ROUNDS, wall, type Cost } from './measure.js'
import type { BenchSetting } from './setting.js'

/** 3. The guard's main step, and its post step after a failed job. */
export async function guardSteps({ inputs, batches }: BenchSetting): Promise<void> {
  const guardMain: Cost[] = []
  const bareGuard: Cost[] = []
  const guardPost: Cost[] = []
  const bareForPost: Cost[] = []
  for (let round = 0; round < ROUNDS; round++) {
    const main = await action(inputs(batches.startup), {}, { entry: GUARD_ENTRY })
    guardMain.push(main)
    bareGuard.push(await bare('bare-guard.mjs', inputs(batches.startup)))
    guardPost.push(await action(inputs(batches.startup), stateForPost(main.run), { entry: GUARD_POST_ENTRY }))
    bareForPost.push(await bare('bare-cancel.mjs', inputs(batches.startup)))
  }
  console.log('3. Guard')
  console.log(
    `   main step ${ms(median(wall(guardMain)))} against the bare script's ${ms(median(wall(bareGuard)))}: ${ratio(wall(guardMain), wall(bareGuard))}x (target ≤ 1.4x)`
  )
  console.log(
    `   post step ${ms(median(wall(guardPost)))} against the bare client's ${ms(median(wall(bareForPost)))}: ${ratio(wall(guardPost), wall(bareForPost))}x (target ≤ 1.4x, as the plain cancel)\n`
  )
}
