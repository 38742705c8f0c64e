/**
 * `npm run bench`: what a run of the action costs, measured side by side in one run against local
 * servers replaying the APIs' answers, each entry against a bare script making the same calls.
 * Prints medians and ratios, and the GitHub requests the records steps make; asserts nothing. How it
 * measures is `measure.ts`; what it runs against, `setting.ts`; each step's measurements, a file of
 * their own.
 */
import { bigReply, bundleSizes, fanOut, memory, plainCancel } from './cancel-step.js'
import { githubRequests } from './github-requests.js'
import { guardSteps } from './guard-steps.js'
import { ROUNDS } from './measure.js'
import { pullRequestCancel, recordStep, sweep } from './records-steps.js'
import { startBenchSetting } from './setting.js'

const setting = await startBenchSetting()
try {
  console.log(`Node ${process.version}, ${ROUNDS} rounds where not said otherwise\n`)
  const bareCancel = await plainCancel(setting)
  await recordStep(setting)
  await guardSteps(setting)
  await pullRequestCancel(setting, bareCancel, bundleSizes())
  await fanOut(setting)
  await bigReply(setting)
  await memory(setting)
  await sweep(setting)
  await githubRequests(setting)
} finally {
  await setting.close()
  process.exit(0)
}
