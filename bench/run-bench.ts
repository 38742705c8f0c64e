/**
 * `npm run bench`: what a run of the action costs, measured side by side in one run against local
 * servers replaying the APIs' answers, each entry against a bare script making the same calls.
 * Prints medians and ratios; asserts nothing.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  ACTION_ENTRY,
  GUARD_ENTRY,
  GUARD_POST_ENTRY,
  RECORD_ENTRY,
  runAction,
  stateForPost,
  type RunOptions
} from '../local-runner/run-action.js'
import { StateBuilder, jobsOf, type JobSpec } from '../simulator/builder.js'
import { startFakeGitHub } from '../simulator/github/server.js'
import { startFlood } from '../simulator/flood.js'
import { cancelBatch } from '../simulator/model.js'
import { commentBodies } from '../src/records/records-layout.js'
import { startReplayServer } from './replay-server.js'
import { OTHER_COMMENTS, startSweepCase, SWEPT_PULL_REQUESTS } from './sweep-case.js'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 21)
const TOKEN = 'bench-token-4f7c9a2e'
const GITHUB_TOKEN = 'ghs_bench_token_9c1d'
const here = (name: string) => fileURLToPath(new URL(name, import.meta.url))

const replies = new Map<string, { body: string; delayMs?: number }>()
/** Adds a batch of these jobs; its reply is the simulator model's answer to cancelling it. */
function batch(jobs: JobSpec[], delayMs?: number): string {
  const builder = new StateBuilder(replies.size + 1)
  const id = builder.batch(jobs)
  const batchOf = builder.state.batches.get(id)
  if (batchOf) replies.set(id, { body: JSON.stringify(cancelBatch(builder.state, batchOf)), delayMs })
  return id
}
const startupBatch = batch(jobsOf(1, 'queued'))
const fanOutBatches = Array.from({ length: 16 }, () => batch(jobsOf(2, 'queued'), 300))
const bigBatch = batch(jobsOf(1000, 'pending', { children: jobsOf(2, 'queued') }))
const smallBatch = batch(jobsOf(10, 'queued'))
// A batch holds at most 1,000 jobs: 20,000 come as the cascades of 1,000 top-level ones.
const hugeBatch = batch(jobsOf(1000, 'pending', { children: jobsOf(19, 'queued') }))
const sweptBatches = Array.from({ length: SWEPT_PULL_REQUESTS }, () => batch(jobsOf(1, 'queued')))
const server = await startReplayServer(replies)
const github = await startFakeGitHub({ tokens: { [GITHUB_TOKEN]: { login: 'github-actions[bot]', kind: 'app' } } })
const flood = await startFlood()

const inputs = (batchId: string) => ({
  'batch-id': batchId,
  token: TOKEN,
  'api-url': server.baseUrl,
  strictness: 'off'
})
const githubEnv = { GITHUB_API_URL: github.apiUrl }
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN
const ms = (value: number) => `${value.toFixed(0)} ms`
const kib = (file: string) => `${(statSync(file).size / 1024).toFixed(0)} KiB`
const ratio = (a: number[], b: number[]) => (median(a) / median(b)).toFixed(2)

/** One run's wall time and CPU time (ms), for the action's entries and the bare scripts alike. */
interface Cost {
  wallMs: number
  cpuMs: number
}
const cpuFile = () => join(mkdtempSync(join(tmpdir(), 'bench-cpu-')), 'cpu')
const cpuOptions = (file: string) => ({ NODE_OPTIONS: `--import=${here('report-cpu.mjs')}`, CPU_FILE: file })
const readCpu = (file: string) => Number(readFileSync(file, 'utf8')) / 1000

async function action(
  values: Record<string, string>,
  env: Record<string, string> = {},
  options: RunOptions = {}
): Promise<Cost & { run: Awaited<ReturnType<typeof runAction>> }> {
  const file = cpuFile()
  const run = await runAction(values, { ...env, ...cpuOptions(file) }, options)
  return { wallMs: run.durationMs, cpuMs: readCpu(file), run }
}

/** A bare script run as the runner runs a step: INPUT_* variables and the runner's files. */
async function bare(script: string, values: Record<string, string>, env: Record<string, string> = {}): Promise<Cost> {
  const folder = mkdtempSync(join(tmpdir(), 'bench-bare-'))
  for (const name of ['output', 'state']) writeFileSync(join(folder, name), '')
  const file = cpuFile()
  const childEnv = {
    PATH: process.env.PATH,
    GITHUB_OUTPUT: join(folder, 'output'),
    GITHUB_STATE: join(folder, 'state'),
    GITHUB_REPOSITORY: 'acme/renders',
    ...Object.fromEntries(Object.entries(values).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
    ...env,
    ...cpuOptions(file)
  }
  const started = performance.now()
  await new Promise((done) =>
    spawn(process.execPath, [here(script)], { env: childEnv, stdio: 'ignore' }).on('close', done)
  )
  return { wallMs: performance.now() - started, cpuMs: readCpu(file) }
}

const wall = (costs: Cost[]) => costs.map((cost) => cost.wallMs)
const cpu = (costs: Cost[]) => costs.map((cost) => cost.cpuMs)

try {
  console.log(`Node ${process.version}, ${ROUNDS} rounds where not said otherwise\n`)

  // 1. The plain cancel against a bare https client sending the same POST, alternating so that both
  // see the same machine.
  const plain: Cost[] = []
  const bareCancel: Cost[] = []
  for (let round = 0; round < ROUNDS; round++) {
    plain.push(await action(inputs(startupBatch)))
    bareCancel.push(await bare('bare-cancel.mjs', inputs(startupBatch)))
  }
  console.log('1. Plain cancel (one batch, loopback)')
  console.log(
    `   bare client ${ms(median(wall(bareCancel)))}, plain cancel ${ms(median(wall(plain)))}: ${ratio(wall(plain), wall(bareCancel))}x (target ≤ 1.4x)`
  )
  console.log(
    `   CPU: bare ${ms(median(cpu(bareCancel)))}, plain cancel ${ms(median(cpu(plain)))}: ${ratio(cpu(plain), cpu(bareCancel))}x\n`
  )

  // 2. The record step against a bare script making the calls it must make; each round a pull request
  // of its own, so both create the comment, as on a first render, and another round updates it.
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
        'batch-id': startupBatch,
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

  // 3. The guard: its main step against a bare script saving the batch ids; its post step, after a
  // failed job, against the bare client.
  const guardMain: Cost[] = []
  const bareGuard: Cost[] = []
  const guardPost: Cost[] = []
  const bareForPost: Cost[] = []
  for (let round = 0; round < ROUNDS; round++) {
    const main = await action(inputs(startupBatch), {}, { entry: GUARD_ENTRY })
    guardMain.push(main)
    bareGuard.push(await bare('bare-guard.mjs', inputs(startupBatch)))
    guardPost.push(await action(inputs(startupBatch), stateForPost(main.run), { entry: GUARD_POST_ENTRY }))
    bareForPost.push(await bare('bare-cancel.mjs', inputs(startupBatch)))
  }
  console.log('3. Guard')
  console.log(
    `   main step ${ms(median(wall(guardMain)))} against the bare script's ${ms(median(wall(bareGuard)))}: ${ratio(wall(guardMain), wall(bareGuard))}x (target ≤ 1.4x)`
  )
  console.log(
    `   post step ${ms(median(wall(guardPost)))} against the bare client's ${ms(median(wall(bareForPost)))}: ${ratio(wall(guardPost), wall(bareForPost))}x (target ≤ 1.4x, as the plain cancel)\n`
  )

  // 4. A pull-request cancel: the records read, one cancel, the outcome written back.
  const pullRequest: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    const number = 5000 + round
    const open = { batchId: startupBatch, commit: 'a'.repeat(40), recordedAt: new Date().toISOString() }
    github.addComment(number, 'github-actions[bot]', commentBodies([open])[0] ?? '')
    pullRequest.push(
      (await action({ ...inputs(''), 'pull-request': String(number), 'github-token': GITHUB_TOKEN }, githubEnv)).wallMs
    )
  }
  console.log('4. Pull-request cancel (the records, the cancel, the outcome written back under the lease)')
  console.log(
    `   ${ms(median(pullRequest))}: ${(median(pullRequest) / median(wall(bareCancel))).toFixed(2)}x the bare client`
  )
  console.log(
    `   bundles: dist/index.js ${kib(ACTION_ENTRY)} (every cancel), its chunks ${chunkSizes(join(ACTION_ENTRY, '..'))}; ` +
      `dist/record/index.js ${kib(RECORD_ENTRY)}; dist/guard/index.js ${kib(GUARD_ENTRY)}, post ${kib(GUARD_POST_ENTRY)}\n`
  )

  // 5. Fan-out: 16 batches answering in 300 ms each; 4 in flight makes 1.2 s the ideal.
  const fanOut: number[] = []
  for (let round = 0; round < 5; round++) fanOut.push((await action(inputs(fanOutBatches.join(',')))).wallMs)
  console.log('5. Fan-out (16 batches × 300 ms, 5 rounds)')
  console.log(
    `   ${ms(median(fanOut))} against the ideal 1200 ms: ${(median(fanOut) / 1200).toFixed(2)}x (target ≤ 1.2x)\n`
  )

  // 6. A big reply: 1,000 top-level jobs and 2,000 cascaded relatives against 10 jobs, for the action
  // and for the bare client; what the big reply adds to each.
  const big: number[] = []
  const small: number[] = []
  const bareBig: number[] = []
  const bareSmall: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    big.push((await action(inputs(bigBatch))).wallMs)
    small.push((await action(inputs(smallBatch))).wallMs)
    bareBig.push((await bare('bare-cancel.mjs', inputs(bigBatch))).wallMs)
    bareSmall.push((await bare('bare-cancel.mjs', inputs(smallBatch))).wallMs)
  }
  const added = median(big) - median(small)
  const bareAdded = median(bareBig) - median(bareSmall)
  console.log('6. Big reply (1,000 jobs + 2,000 relatives, against 10 jobs)')
  console.log(`   the action ${ms(median(big))} against ${ms(median(small))}: adds ${ms(added)}`)
  console.log(`   the bare client ${ms(median(bareBig))} against ${ms(median(bareSmall))}: adds ${ms(bareAdded)}`)
  console.log(`   what it adds: ${(added / bareAdded).toFixed(2)}x the bare client's (target ≤ 1.5x)\n`)

  // 7. Memory.
  console.log('7. Memory')
  console.log(`   peak for a 20,000-job reply: ${await peakMemoryOf(inputs(hugeBatch))} MB (target < 200 MB)`)
  console.log(
    `   peak while a server streams 400 MB at it: ${await peakMemoryOf({ ...inputs(startupBatch), 'api-url': flood.apiUrl })} MB (the reply is cut at 16 MiB)\n`
  )

  // 8. The sweep: each round a fresh GitHub holding the case, since a sweep writes its outcomes back.
  const sweepTimes: number[] = []
  const sweepRequests: number[] = []
  for (let round = 0; round < 5; round++) {
    const sweepGitHub = await startSweepCase(GITHUB_TOKEN, sweptBatches)
    try {
      const { run } = await action(
        { ...inputs(''), sweep: 'closed', 'github-token': GITHUB_TOKEN },
        { GITHUB_API_URL: sweepGitHub.apiUrl },
        { event: { name: 'schedule', payload: {} } }
      )
      if (run.exitCode !== 0) throw new Error(`the sweep failed:\n${run.stdout}`)
      sweepTimes.push(run.durationMs)
      sweepRequests.push(sweepGitHub.requests.length)
    } finally {
      await sweepGitHub.close()
    }
  }
  console.log(
    `8. Sweep (${SWEPT_PULL_REQUESTS} closed pull requests with a record each, among ${OTHER_COMMENTS} other comments; 5 rounds)`
  )
  console.log(
    `   ${ms(median(sweepTimes))}; ${median(sweepRequests)} GitHub requests: ${(median(sweepRequests) / SWEPT_PULL_REQUESTS).toFixed(2)} per pull request (target well under 6)`
  )
} finally {
  await Promise.all([server.close(), github.close(), flood.close()])
  process.exit(0)
}

/** The chunks ncc split off an entry, loaded only when a run needs them. */
function chunkSizes(folder: string): string {
  const chunks = readdirSync(folder).filter((name) => /^\d+\.index\.js$/.test(name))
  return chunks.map((name) => kib(join(folder, name))).join(' + ')
}

/** The run's peak resident memory, in MB. */
async function peakMemoryOf(values: Record<string, string>): Promise<number> {
  const file = join(mkdtempSync(join(tmpdir(), 'bench-memory-')), 'peak')
  await runAction(values, { NODE_OPTIONS: `--import=${here('report-peak-memory.mjs')}`, PEAK_MEMORY_FILE: file })
  return Math.round(Number(readFileSync(file, 'utf8')) / 1024)
}
