/** How the bench measures a run: wall and CPU time of the action's entries and of bare scripts, memory, sizes. */
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runAction, type ActionRun, type RunOptions } from '../local-runner/run-action.js'

export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 21)
const here = (name: string) => fileURLToPath(new URL(name, import.meta.url))

/** One run's wall time and CPU time (ms), for the action's entries and the bare scripts alike. */
export interface Cost {
  wallMs: number
  cpuMs: number
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN
export const ms = (value: number) => `${value.toFixed(0)} ms`
export const kib = (file: string) => `${(statSync(file).size / 1024).toFixed(0)} KiB`
export const ratio = (a: number[], b: number[]) => (median(a) / median(b)).toFixed(2)
export const wall = (costs: Cost[]) => costs.map((cost) => cost.wallMs)
export const cpu = (costs: Cost[]) => costs.map((cost) => cost.cpuMs)

const cpuFile = () => join(mkdtempSync(join(tmpdir(), 'bench-cpu-')), 'cpu')
const cpuOptions = (file: string) => ({ NODE_OPTIONS: `--import=${here('report-cpu.mjs')}`, CPU_FILE: file })
const readCpu = (file: string) => Number(readFileSync(file, 'utf8')) / 1000

/** An entry of the action, run as a runner runs it, with its CPU time. */
export async function action(
  values: Record<string, string>,
  env: Record<string, string> = {},
  options: RunOptions = {}
): Promise<Cost & { run: ActionRun }> {
  const file = cpuFile()
  const run = await runAction(values, { ...env, ...cpuOptions(file) }, options)
  return { wallMs: run.durationMs, cpuMs: readCpu(file), run }
}

/** A bare script run as the runner runs a step: INPUT_* variables and the runner's files. */
export async function bare(
  script: string,
  values: Record<string, string>,
  env: Record<string, string> = {}
): Promise<Cost> {
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

/** The chunks ncc split off an entry, loaded only when a run needs them. */
export function chunkSizes(folder: string): string {
  const chunks = readdirSync(folder).filter((name) => /^\d+\.index\.js$/.test(name))
  return chunks.map((name) => kib(join(folder, name))).join(' + ')
}

/** The run's peak resident memory, in MB. */
export async function peakMemoryOf(values: Record<string, string>): Promise<number> {
  const file = join(mkdtempSync(join(tmpdir(), 'bench-memory-')), 'peak')
  await runAction(values, { NODE_OPTIONS: `--import=${here('report-peak-memory.mjs')}`, PEAK_MEMORY_FILE: file })
  return Math.round(Number(readFileSync(file, 'utf8')) / 1024)
}
