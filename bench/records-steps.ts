/** What the pull-request records cost: the record step, a pull-request cancel, the sweep. */
import { RECORD_ENTRY } from '../local-runner/run-action.js'
import { commentBodies } from '../simulator/github/records-bodies.js'
import { action, bare, cpu, median, ms, ratio, ROUNDS, wall, type Cost } from './measure.js'
import { GITHUB_TOKEN, type BenchSetting } from './setting.js'
import { OTHER_COMMENTS, startSweepCase, SWEPT_PULL_REQUESTS } from './sweep-case.js'

/**
 * 2. The record step against a bare script making the calls it must make; each round a pull request
 * of its own, so both create the comment, as on a first render, and another round updates it.
 */
export async function recordStep({ batches, github, githubEnv }: BenchSetting): Promise<void> {
  const record: Cost[] = []
  const bareRecord: Cost[] = []
  for (let round = 0; round < ROUNDS; round++) {
    for (const [costs, run] of [
      [record, (values: Record<string, string>) => action(values, githubEnv, { entry: RECORD_ENTRY })],
      [bareRecord, (values: Record<string, string>) => bare('bare-record.mjs', values, githubEnv)]
    ] as const) {
      const number = 1000 + round * 2 + (costs === record ? 0 : 1)
      github.pullRequests.set(number, { head: 'a'.repeat(40) })
      const values = {
        'batch-id': batches.startup,
        'pull-request': String(number),
        'github-token': GITHUB_TOKEN,
        commit: 'a'.repeat(40)
      }
      costs.push(await run(values))
    }
  }
  console.log(
    '2. Record step (whom the token acts as, the comments, the lease, the comments again, the write, the release, the state)'
  )
  console.log(
    `   CPU: bare script ${ms(median(cpu(bareRecord)))}, record step ${ms(median(cpu(record)))}: ${ratio(cpu(record), cpu(bareRecord))}x (target ≤ 2x)`
  )
  console.log(
    `   wall: bare script ${ms(median(wall(bareRecord)))}, record step ${ms(median(wall(record)))}: ${ratio(wall(record), wall(bareRecord))}x\n`
  )
}

/** 4. A pull-request cancel: the records read, one cancel, the outcome written back; against the bare client's cancel. */
export async function pullRequestCancel(
  { batches, github, githubEnv, inputs }: BenchSetting,
  bareCancel: Cost[],
  bundles: string
): Promise<void> {
  const times: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    const number = 5000 + round
    const open = { batchId: batches.startup, commit: 'a'.repeat(40), recordedAt: new Date().toISOString() }
    github.addComment(number, 'github-actions[bot]', commentBodies([open])[0] ?? '')
    times.push(
      (await action({ ...inputs(''), 'pull-request': String(number), 'github-token': GITHUB_TOKEN }, githubEnv)).wallMs
    )
  }
  console.log('4. Pull-request cancel (the records, the cancel, the outcome written back under the lease)')
  console.log(`   ${ms(median(times))}: ${(median(times) / median(wall(bareCancel))).toFixed(2)}x the bare client`)
  console.log(`   ${bundles}\n`)
}

/**
 * 8. The sweep's first run: each round a fresh GitHub holding the case, since a sweep writes its
 * outcomes back. With the default sweep-budget it sweeps part of the case (section 9 runs it to the end);
 * its writes go out a second apart, so a round takes about a minute: 2 rounds.
 */
export async function sweep({ batches, inputs }: BenchSetting): Promise<void> {
  const times: number[] = []
  const requests: number[] = []
  const swept: number[] = []
  for (let round = 0; round < 2; round++) {
    const sweepGitHub = await startSweepCase(GITHUB_TOKEN, batches.swept)
    try {
      const { run } = await action(
        { ...inputs(''), sweep: 'closed', 'github-token': GITHUB_TOKEN },
        { GITHUB_API_URL: sweepGitHub.apiUrl },
        { event: { name: 'schedule', payload: {} } }
      )
      if (run.exitCode !== 0) throw new Error(`the sweep failed:\n${run.stdout}`)
      times.push(run.durationMs)
      requests.push(sweepGitHub.requests.length)
      swept.push((JSON.parse(run.outputs['pull-requests'] ?? '[]') as number[]).length)
    } finally {
      await sweepGitHub.close()
    }
  }
  console.log(
    `8. Sweep, first run (${SWEPT_PULL_REQUESTS} closed pull requests with a record each, among ${OTHER_COMMENTS} other comments; 2 rounds)`
  )
  console.log(
    `   ${ms(median(times))}; ${median(requests)} GitHub requests for ${median(swept)} pull requests: ${(median(requests) / median(swept)).toFixed(2)} per swept pull request (target well under 6)`
  )
}
