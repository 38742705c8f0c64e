/**
 * `npm run bench`: what a run of the action costs, measured side by side in one run against local
 * servers replaying the APIs' answers. Prints medians and ratios; asserts nothing.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ACTION_ENTRY, RECORD_ENTRY, runAction, type RunOptions } from '../local-runner/run-action.js'
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
const hugeBatch = batch(jobsOf(20_000, 'queued'))
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
const githubEnv = { GITHUB_API_URL: github.apiUrl, GITHUB_SHA: 'a'.repeat(40) }
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN
const ms = (value: number) => `${value.toFixed(0)} ms`
const kib = (file: string) => `${(statSync(file).size / 1024).toFixed(0)} KiB`
const timed = async (values: Record<string, string>, env: Record<string, string> = {}, options: RunOptions = {}) =>
  (await runAction(values, env, options)).durationMs

try {
  console.log(`Node ${process.version}, ${ROUNDS} rounds where not said otherwise\n`)

  // 1. Start-up: a plain cancel alternating with the bare script, so both see the same machine; then
  // the two runs that talk to GitHub (the fake one, in this process), alternating with each other.
  const plain: number[] = []
  const bare: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    plain.push(await timed(inputs(startupBatch)))
    bare.push(await timeBareScript(inputs(startupBatch)))
  }
  const record: number[] = []
  const pullRequest: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    // Each round its own pull request: the record step creates the comment, as on a first render.
    record.push(
      await timed(
        { 'batch-id': startupBatch, 'pull-request': String(1000 + round), 'github-token': GITHUB_TOKEN },
        githubEnv,
        { entry: RECORD_ENTRY }
      )
    )
    // A pull request with one open record: read it, cancel the batch, write the outcome back.
    const number = 5000 + round
    const open = { batchId: startupBatch, commit: 'a'.repeat(40), recordedAt: new Date().toISOString() }
    github.addComment(number, 'github-actions[bot]', commentBodies([open])[0] ?? '')
    pullRequest.push(
      await timed({ ...inputs(''), 'pull-request': String(number), 'github-token': GITHUB_TOKEN }, githubEnv)
    )
  }
  const ratio = (values: number[]) => (median(values) / median(bare)).toFixed(2)
  console.log('1. Start-up (one batch, loopback)')
  console.log(`   bare node:http script ${ms(median(bare))}`)
  console.log(`   plain cancel          ${ms(median(plain))}: ${ratio(plain)}x the bare script (target ≤ 1.5x)`)
  console.log(`   record step           ${ms(median(record))}: ${ratio(record)}x (4 GitHub calls)`)
  console.log(
    `   pull-request cancel   ${ms(median(pullRequest))}: ${ratio(pullRequest)}x (4 GitHub calls and the cancel)`
  )
  console.log(
    `   dist/index.js ${kib(ACTION_ENTRY)} (loaded by every cancel); pull-request chunks ${chunkSizes()}; dist/record/index.js ${kib(RECORD_ENTRY)}\n`
  )

  // 2. Fan-out: 16 batches answering in 300 ms each; 4 in flight makes 1.2 s the ideal.
  const fanOut: number[] = []
  for (let round = 0; round < 5; round++) fanOut.push(await timed(inputs(fanOutBatches.join(','))))
  console.log('2. Fan-out (16 batches × 300 ms, 5 rounds)')
  console.log(
    `   ${ms(median(fanOut))} against the ideal 1200 ms: ratio ${(median(fanOut) / 1200).toFixed(2)}x (target ≤ 1.2x)\n`
  )

  // 3. Big batch: 1,000 top-level jobs and 2,000 cascaded relatives against 10 jobs; then memory.
  const big: number[] = []
  const small: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    big.push(await timed(inputs(bigBatch)))
    small.push(await timed(inputs(smallBatch)))
  }
  console.log('3. Big batch and memory')
  console.log(
    `   1,000 jobs + 2,000 relatives ${ms(median(big))}, 10 jobs ${ms(median(small))}: ratio ${(median(big) / median(small)).toFixed(2)}x (target ≤ 1.3x)`
  )
  console.log(`   peak memory for a 20,000-job reply: ${await peakMemoryOf(inputs(hugeBatch))} MB (target < 200 MB)`)
  console.log(
    `   peak memory while a server streams 400 MB at it: ${await peakMemoryOf({ ...inputs(startupBatch), 'api-url': flood.apiUrl })} MB (the reply is cut at 16 MiB)`
  )

  // 4. The sweep: each round a fresh GitHub holding the case, since a sweep writes its outcomes back.
  const sweepTimes: number[] = []
  const sweepRequests: number[] = []
  for (let round = 0; round < 5; round++) {
    const sweepGitHub = await startSweepCase(GITHUB_TOKEN, sweptBatches)
    try {
      const run = await runAction(
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
    `4. Sweep (${SWEPT_PULL_REQUESTS} closed pull requests with a record each, among ${OTHER_COMMENTS} other comments; 5 rounds)`
  )
  console.log(
    `   ${ms(median(sweepTimes))}; ${median(sweepRequests)} GitHub requests: ${(median(sweepRequests) / SWEPT_PULL_REQUESTS).toFixed(2)} per pull request (target well under 6)`
  )
} finally {
  await Promise.all([server.close(), github.close(), flood.close()])
  process.exit(0)
}

/** The chunks ncc split off dist/index.js, loaded only when a pull request is involved. */
function chunkSizes(): string {
  const folder = join(ACTION_ENTRY, '..')
  const chunks = readdirSync(folder).filter((name) => /^\d+\.index\.js$/.test(name))
  return chunks.map((name) => kib(join(folder, name))).join(' + ')
}

async function timeBareScript(values: Record<string, string>): Promise<number> {
  const folder = mkdtempSync(join(tmpdir(), 'bench-bare-'))
  writeFileSync(join(folder, 'output'), '')
  const env = { PATH: process.env.PATH, GITHUB_OUTPUT: join(folder, 'output'), ...prefixed(values) }
  const started = performance.now()
  await new Promise((done) =>
    spawn(process.execPath, [here('bare-cancel.mjs')], { env, stdio: 'ignore' }).on('close', done)
  )
  return performance.now() - started
}

/** The run's peak resident memory, in MB. */
async function peakMemoryOf(values: Record<string, string>): Promise<number> {
  const file = join(mkdtempSync(join(tmpdir(), 'bench-memory-')), 'peak')
  await runAction(values, { NODE_OPTIONS: `--import=${here('report-peak-memory.mjs')}`, PEAK_MEMORY_FILE: file })
  return Math.round(Number(readFileSync(file, 'utf8')) / 1024)
}

function prefixed(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]))
}
