/**
 * `npm run bench`: what a run of the action costs, measured side by side in one run against a local
 * server replaying the API's answers. Prints medians and ratios; asserts nothing.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ACTION_ENTRY, runAction } from '../local-runner/run-action.js'
import { StateBuilder, jobsOf, type JobSpec } from '../simulator/builder.js'
import { cancelBatch } from '../simulator/model.js'
import { startReplayServer } from './replay-server.js'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 21)
const TOKEN = 'bench-token-4f7c9a2e'
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
const server = await startReplayServer(replies)

const inputs = (batchId: string) => ({
  'batch-id': batchId,
  token: TOKEN,
  'api-url': server.baseUrl,
  strictness: 'off'
})
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN
const ms = (value: number) => `${value.toFixed(0)} ms`

try {
  console.log(`Node ${process.version}, ${ROUNDS} rounds where not said otherwise\n`)

  // 1. Start-up overhead: the action against the bare script, alternating so both see the same machine.
  const action: number[] = []
  const bare: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    action.push((await runAction(inputs(startupBatch))).durationMs)
    bare.push(await timeBareScript(inputs(startupBatch)))
  }
  console.log('1. Start-up overhead (one batch, loopback)')
  console.log(
    `   action ${ms(median(action))}, bare node:http script ${ms(median(bare))}: ratio ${(median(action) / median(bare)).toFixed(2)}x (target ≤ 2.2x)`
  )
  console.log(`   dist/index.js: ${(statSync(ACTION_ENTRY).size / 1024).toFixed(0)} KiB\n`)

  // 2. Fan-out: 16 batches answering in 300 ms each; 4 in flight makes 1.2 s the ideal.
  const fanOut: number[] = []
  for (let round = 0; round < 5; round++) fanOut.push((await runAction(inputs(fanOutBatches.join(',')))).durationMs)
  console.log('2. Fan-out (16 batches × 300 ms, 5 rounds)')
  console.log(
    `   ${ms(median(fanOut))} against the ideal 1200 ms: ratio ${(median(fanOut) / 1200).toFixed(2)}x (target ≤ 1.2x)\n`
  )

  // 3. Big batch: 1,000 top-level jobs and 2,000 cascaded relatives against 10 jobs; then 20,000 jobs' memory.
  const big: number[] = []
  const small: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    big.push((await runAction(inputs(bigBatch))).durationMs)
    small.push((await runAction(inputs(smallBatch))).durationMs)
  }
  console.log('3. Big batch')
  console.log(
    `   1,000 jobs + 2,000 relatives ${ms(median(big))}, 10 jobs ${ms(median(small))}: ratio ${(median(big) / median(small)).toFixed(2)}x (target ≤ 1.3x)`
  )
  const peakKiB = await peakMemoryOf(inputs(hugeBatch))
  console.log(`   peak memory for a 20,000-job reply: ${(peakKiB / 1024).toFixed(0)} MB (target < 200 MB)`)
} finally {
  await server.close()
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

async function peakMemoryOf(values: Record<string, string>): Promise<number> {
  const file = join(mkdtempSync(join(tmpdir(), 'bench-memory-')), 'peak')
  await runAction(values, { NODE_OPTIONS: `--import=${here('report-peak-memory.mjs')}`, PEAK_MEMORY_FILE: file })
  return Number(readFileSync(file, 'utf8'))
}

function prefixed(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]))
}
