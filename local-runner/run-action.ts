import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

export const ACTION_ENTRY = fileURLToPath(new URL('../dist/index.js', import.meta.url))
export const RECORD_ENTRY = fileURLToPath(new URL('../dist/record/index.js', import.meta.url))
export const GUARD_ENTRY = fileURLToPath(new URL('../dist/guard/index.js', import.meta.url))
export const GUARD_POST_ENTRY = fileURLToPath(new URL('../dist/guard/post/index.js', import.meta.url))

/** The metadata each bundle belongs to, whose input defaults a runner applies. */
const METADATA: Record<string, string> = {
  [ACTION_ENTRY]: fileURLToPath(new URL('../action.yml', import.meta.url)),
  [RECORD_ENTRY]: fileURLToPath(new URL('../record/action.yml', import.meta.url)),
  [GUARD_ENTRY]: fileURLToPath(new URL('../guard/action.yml', import.meta.url)),
  [GUARD_POST_ENTRY]: fileURLToPath(new URL('../guard/action.yml', import.meta.url))
}

/**
 * The defaults a runner gives the inputs a step leaves out, read from the entry's `action.yml`.
 * Expressions (`\${{ github.token }}`) need a real run's context: they are left unset here.
 */
export function inputDefaults(entry: string): Record<string, string> {
  const metadata = METADATA[entry]
  if (!metadata) return {}
  const { inputs = {} } = parse(readFileSync(metadata, 'utf8')) as { inputs?: Record<string, { default?: string }> }
  return Object.fromEntries(
    Object.entries(inputs).flatMap(([name, input]) =>
      input.default === undefined || input.default.includes('${{') ? [] : [[name, input.default]]
    )
  )
}

export interface ActionRun {
  exitCode: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  /** What the step saved for its post step (GITHUB_STATE); see `stateForPost`. */
  state: Record<string, string>
  summary: string
  /** Every file the run wrote that a later step could read: outputs, summary, results file. */
  files: Record<string, string>
  durationMs: number
  /** With `RunOptions.signal`: how long the action took to exit after the signal; undefined if it was never sent. */
  exitAfterSignalMs?: number
}

export interface RunOptions {
  /** The bundle to run; the cancel action's by default. */
  entry?: string
  /** Send a signal once the log matches, as the runner does when a run is cancelled. */
  signal?: { when: RegExp; send: NodeJS.Signals }
  /** Flags for node itself, before the bundle (`--cpu-prof` for the bench's profiles). */
  nodeArgs?: string[]
  /** The triggering event: its name and payload, as the runner gives them (GITHUB_EVENT_NAME, GITHUB_EVENT_PATH). */
  event?: { name: string; payload: object }
}

/**
 * Runs the bundled action (`dist/index.js`) the way a runner does: inputs as INPUT_* variables (with the
 * defaults of its `action.yml` for those left out), outputs, the job
 * summary and the state for a post step in files named by GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and GITHUB_STATE,
 * a RUNNER_TEMP of its own.
 */
export async function runAction(
  inputs: Record<string, string>,
  env: Record<string, string | undefined> = {},
  options: RunOptions = {}
): Promise<ActionRun> {
  const folder = mkdtempSync(join(tmpdir(), 'action-run-'))
  const outputFile = join(folder, 'output')
  const summaryFile = join(folder, 'summary')
  const stateFile = join(folder, 'state')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  writeFileSync(stateFile, '')
  const eventFile = join(folder, 'event.json')
  writeFileSync(eventFile, JSON.stringify(options.event?.payload ?? {}))
  const entry = options.entry ?? ACTION_ENTRY
  const inputVariables = Object.fromEntries(
    Object.entries({ ...inputDefaults(entry), ...inputs }).map(([name, value]) => [
      `INPUT_${name.toUpperCase()}`,
      value
    ])
  )
  const started = performance.now()
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), entry], {
    env: {
      PATH: process.env.PATH,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_STATE: stateFile,
      RUNNER_TEMP: folder,
      GITHUB_REPOSITORY: 'acme/renders',
      GITHUB_EVENT_NAME: options.event?.name ?? 'workflow_dispatch',
      GITHUB_EVENT_PATH: eventFile,
      ...inputVariables,
      ...env
    },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  let signalledAt: number | undefined
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString()
    if (options.signal && signalledAt === undefined && options.signal.when.test(stdout)) {
      signalledAt = performance.now()
      child.kill(options.signal.send)
    }
  })
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exitCode = await new Promise<number | null>((done) => child.on('close', done))
  const durationMs = performance.now() - started
  const exitAfterSignalMs = signalledAt === undefined ? undefined : performance.now() - signalledAt
  const outputs = parseOutputFile(readFileSync(outputFile, 'utf8'))
  const summary = readFileSync(summaryFile, 'utf8')
  const state = parseOutputFile(readFileSync(stateFile, 'utf8'))
  const files: Record<string, string> = {
    output: readFileSync(outputFile, 'utf8'),
    summary,
    state: readFileSync(stateFile, 'utf8')
  }
  if (outputs['results-file']) files.results = readFileSync(outputs['results-file'], 'utf8')
  return { exitCode, stdout, stderr, outputs, state, summary, files, durationMs, exitAfterSignalMs }
}

/** The state a main step saved, as the runner hands it to the post step: `STATE_<name>` variables. */
export function stateForPost(run: ActionRun): Record<string, string> {
  return Object.fromEntries(Object.entries(run.state).map(([name, value]) => [`STATE_${name}`, value]))
}

/** Reads the `name<<delimiter` blocks that @actions/core appends to GITHUB_OUTPUT. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const pattern = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm
  for (const [, name = '', , value = ''] of text.matchAll(pattern)) outputs[name] = value
  return outputs
}

/** The `::error::` message of a failed run, with the runner's escaping undone. */
export function errorMessage(run: ActionRun): string {
  const line = run.stdout.split('\n').find((candidate) => candidate.startsWith('::error::')) ?? ''
  return line.slice('::error::'.length).replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%')
}

/** The `::warning` annotations of a run (with or without properties such as a title), unescaped. */
export function warnings(run: ActionRun): string[] {
  return run.stdout
    .split('\n')
    .flatMap((line) => line.match(/^::warning(?: [^:]*)?::(.*)$/)?.slice(1) ?? [])
    .map((message) => message.replace(/%0A/g, '\n').replace(/%25/g, '%'))
}
