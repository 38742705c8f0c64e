/**
 * `npm run demo` (which builds dist/ first): the action cancelling batches on the built-in simulator,
 * with no account, token or network. Starts the simulator on a free loopback port, runs the bundled
 * action as a runner would, and prints each run's log, outputs and job summary.
 */
import { runAction, type ActionRun } from '../local-runner/run-action.js'
import { seedState } from '../simulator/seed.js'
import { startSimulator } from '../simulator/server.js'

const TOKEN = 'demo-token'

const { state, batches } = seedState()
const simulator = await startSimulator({ state, token: TOKEN })
console.log(`Simulator on ${simulator.baseUrl}, token '${TOKEN}'\n`)

const runs: Array<{ title: string; inputs: Record<string, string> }> = [
  {
    title: 'A batch whose jobs are all waiting: cancelled, cascades included (strictness strict)',
    inputs: { 'batch-id': batches.complete }
  },
  {
    title: 'A dry run first: what would a cancel of the partly rendered batch do? Nothing is cancelled',
    inputs: { 'batch-id': batches.partial, 'dry-run': 'true', strictness: 'lenient' }
  },
  {
    title: 'Then the real thing: partial, accepted (strictness lenient)',
    inputs: { 'batch-id': batches.partial, strictness: 'lenient' }
  },
  {
    title: 'A batch with nothing left to cancel: unchanged, which fails the step (strictness strict)',
    inputs: { 'batch-id': batches.unchanged }
  },
  {
    title: 'All three again in one step: nothing is left, cancelling is idempotent (strictness off)',
    inputs: { 'batch-id': Object.values(batches).join('\n'), strictness: 'off' }
  }
]
try {
  for (const [index, { title, inputs }] of runs.entries()) {
    const run = await runAction(
      { token: TOKEN, 'api-url': simulator.baseUrl, ...inputs },
      { GITHUB_REPOSITORY: 'acme/promo-videos', GITHUB_EVENT_NAME: 'workflow_dispatch' }
    )
    printRun(`${index + 1}. ${title}`, inputs, run)
  }
} finally {
  await simulator.close()
}

function printRun(title: string, inputs: Record<string, string>, run: ActionRun): void {
  const rule = '═'.repeat(Math.min(100, title.length))
  console.log(`${rule}\n${title}\n${rule}`)
  console.log('with:')
  for (const [name, value] of Object.entries(inputs)) console.log(`  ${name}: ${value.replace(/\n/g, ' ')}`)
  console.log('\n── log ──')
  console.log(readableLog(run.stdout + run.stderr))
  console.log(`── step ${run.exitCode === 0 ? 'passed' : `failed (exit code ${run.exitCode})`} ──\n`)
  console.log('── outputs ──')
  for (const [name, value] of Object.entries(run.outputs)) console.log(`  ${name} = ${value}`)
  console.log('\n── job summary ──')
  console.log(run.summary.trim().replace(/^\|---(\|---)*\|\n/gm, ''))
  console.log('')
}

/** The workflow commands as the runner's log shows them; the debug lines stay hidden, as they do by default. */
function readableLog(log: string): string {
  return log
    .trim()
    .split('\n')
    .filter((line) => !line.startsWith('::debug::'))
    .map((line) =>
      line
        .replace(/^::add-mask::.*$/, '(the token is masked from here on)')
        .replace(/^::warning::/, 'Warning: ')
        .replace(/^::error::/, 'Error: ')
        .replace(/%0A/g, '\n         ')
        .replace(/%25/g, '%')
    )
    .map((line) => `  ${line}`)
    .join('\n')
}
