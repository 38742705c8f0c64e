/**
 * `npm run demo`: the action cancelling batches on the built-in simulator, with no account, token or
 * network. Uses the committed bundles when they are current (else builds them), starts the simulator
 * and a fake GitHub API on free loopback ports, runs the bundled steps as a runner would, and prints
 * each run's log, outputs and job summary: first the guard of a CI job that fails, then cancels by
 * hand, then the pull-request story, with the pull request's comment as it reads after each step;
 * last, the sweep that finds what a cleanup that never ran left behind, and what to try next.
 */
import {
  ACTION_ENTRY,
  GUARD_ENTRY,
  GUARD_POST_ENTRY,
  RECORD_ENTRY,
  runAction,
  stateForPost,
  type ActionRun,
  type RunOptions
} from '../local-runner/run-action.js'
import {
  DEMO_GITHUB_TOKEN,
  DEMO_PULL_REQUEST,
  FIRST_PUSH,
  FORGOTTEN_HEAD,
  FORGOTTEN_PULL_REQUEST,
  SECOND_PUSH,
  seedGitHub
} from '../simulator/github/seed.js'
import { startFakeGitHub } from '../simulator/github/server.js'
import { seedState } from '../simulator/seed.js'
import { startSimulator } from '../simulator/server.js'
import { ensureCurrentBundles } from './current-bundles.js'

const TOKEN = 'demo-token'
/** Which input each masked value is, for the log as the demo prints it. */
const MASKED: Record<string, string> = {
  [TOKEN]: 'the Nexrender token (token)',
  [DEMO_GITHUB_TOKEN]: 'the GitHub token (github-token)'
}
const REPOSITORY = 'acme/promo-videos'

ensureCurrentBundles()
const { state, batches } = seedState()
const simulator = await startSimulator({ state, token: TOKEN })
const github = await startFakeGitHub(seedGitHub())
console.log(`Simulator on ${simulator.baseUrl}, token '${TOKEN}'; fake GitHub API on ${github.apiUrl}\n`)

/** Which step a workflow writes, with what it writes in `uses:`. */
const STEPS = {
  cancel: { entry: ACTION_ENTRY, uses: 'OWNER/nexrender-cancel-batch-action@v1' },
  record: { entry: RECORD_ENTRY, uses: 'OWNER/nexrender-cancel-batch-action/record@v1' },
  guard: { entry: GUARD_ENTRY, uses: 'OWNER/nexrender-cancel-batch-action/guard@v1' },
  'guard post': { entry: GUARD_POST_ENTRY, uses: 'OWNER/nexrender-cancel-batch-action/guard@v1 (its post step)' }
}

interface DemoStep {
  title: string
  inputs: Record<string, string>
  /** The cancel step when not said. */
  step?: keyof typeof STEPS
  event?: RunOptions['event']
  /** Print the pull request's comment after the step. */
  showComment?: boolean
  /** Print this pull request's comment after the step, rather than the story's. */
  comment?: number
  /** What happens on GitHub before the step runs. */
  before?: () => void
}

/** A pull_request event about the demo's pull request, its head at `head`. */
const pullRequestEvent = (action: string, head: string, number = DEMO_PULL_REQUEST) => ({
  name: 'pull_request',
  payload: { action, number, pull_request: { number, head: { sha: head } } }
})
const closed = (number: number, head: string) => () =>
  github.pullRequests.set(number, { head, state: 'closed', merged: true })
const nightly = { name: 'schedule', payload: {} }
const onPullRequest = { 'pull-request': String(DEMO_PULL_REQUEST) }

const steps: DemoStep[] = [
  {
    title: 'A CI job starts a render and guards it: the guard remembers the batch, and sends nothing yet',
    inputs: { 'batch-id': batches.guarded },
    step: 'guard'
  },
  {
    title:
      "A later step of the job fails: the guard's post step (post-if: failure() || cancelled()) cancels the render",
    inputs: { 'batch-id': batches.guarded },
    step: 'guard post'
  },
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
    inputs: { 'batch-id': [batches.complete, batches.partial, batches.unchanged].join('\n'), strictness: 'off' }
  },
  {
    title: `Pull request #${DEMO_PULL_REQUEST}, first push (${FIRST_PUSH.slice(0, 7)}): its preview render is recorded on the pull request`,
    inputs: { 'batch-id': batches.firstPreview },
    step: 'record',
    event: pullRequestEvent('opened', FIRST_PUSH),
    showComment: true
  },
  {
    title: `Second push (${SECOND_PUSH.slice(0, 7)}): its own preview render is recorded too`,
    inputs: { 'batch-id': batches.secondPreview },
    step: 'record',
    event: pullRequestEvent('synchronize', SECOND_PUSH),
    showComment: true
  },
  {
    title: 'On that push (pull_request synchronize): the render of the superseded commit is cancelled',
    inputs: { ...onPullRequest, 'only-superseded': 'true' },
    event: pullRequestEvent('synchronize', SECOND_PUSH),
    showComment: true
  },
  {
    title:
      'The pull request closes: what is left is cancelled; the first render is done and not sent again (strictness lenient)',
    inputs: { ...onPullRequest, strictness: 'lenient' },
    event: pullRequestEvent('closed', SECOND_PUSH),
    showComment: true,
    before: closed(DEMO_PULL_REQUEST, SECOND_PUSH)
  },
  {
    title: `Pull request #${FORGOTTEN_PULL_REQUEST}: its preview render is recorded; it is merged, and its on-close cleanup never runs`,
    inputs: { 'batch-id': batches.leftover },
    step: 'record',
    event: pullRequestEvent('opened', FORGOTTEN_HEAD, FORGOTTEN_PULL_REQUEST)
  },
  {
    title: 'The nightly sweep, a dry run first: it finds the render the cleanup left behind, and cancels nothing',
    inputs: { sweep: 'closed', 'dry-run': 'true', strictness: 'off' },
    event: nightly,
    before: closed(FORGOTTEN_PULL_REQUEST, FORGOTTEN_HEAD)
  },
  {
    title: `Then the sweep for real: the leftover of pull request #${FORGOTTEN_PULL_REQUEST} is cancelled and its comment updated`,
    inputs: { sweep: 'closed', strictness: 'off' },
    event: nightly,
    comment: FORGOTTEN_PULL_REQUEST
  }
]

const WHAT_NEXT = `${'═'.repeat(16)}
What to try next
${'═'.repeat(16)}
- Copy a recipe into a workflow: README.md starts with the guard of a CI job's render; the others
  (a guarded and recorded preview, its cleanups, the nightly sweep) follow it, and docs/dry-run.md
  holds a cancel by hand.
- Serve the simulators and call them yourself, with curl or the action's bundle:
    npm run simulator -- --help
- Run the tests: npm test`

try {
  let saved: Record<string, string> = {}
  for (const [index, step] of steps.entries()) {
    step.before?.()
    const kind = step.step ?? 'cancel'
    const inputs =
      kind === 'record'
        ? { 'github-token': DEMO_GITHUB_TOKEN, ...step.inputs }
        : kind === 'cancel'
          ? { token: TOKEN, 'api-url': simulator.baseUrl, 'github-token': DEMO_GITHUB_TOKEN, ...step.inputs }
          : { token: TOKEN, 'api-url': simulator.baseUrl, ...step.inputs }
    const run = await runAction(
      inputs,
      {
        GITHUB_REPOSITORY: REPOSITORY,
        GITHUB_API_URL: github.apiUrl,
        GITHUB_RUN_ID: String(7100 + index),
        // A post step gets what its main step saved.
        ...(kind === 'guard post' ? saved : {})
      },
      { entry: STEPS[kind].entry, event: step.event }
    )
    if (kind === 'guard') saved = stateForPost(run)
    printRun(`${index + 1}. ${step.title}`, step, run)
  }
  console.log(WHAT_NEXT)
} finally {
  await Promise.all([simulator.close(), github.close()])
}

function printRun(title: string, step: DemoStep, run: ActionRun): void {
  const lines = wrapped(title, 100)
  const rule = '═'.repeat(Math.max(...lines.map((line) => line.length)))
  console.log([rule, ...lines, rule].join('\n'))
  console.log(`uses: ${STEPS[step.step ?? 'cancel'].uses}`)
  console.log('with:')
  for (const [name, value] of Object.entries(step.inputs)) console.log(`  ${name}: ${value.replace(/\n/g, ' ')}`)
  console.log('\n── log ──')
  console.log(readableLog(run.stdout + run.stderr))
  console.log(`── step ${run.exitCode === 0 ? 'passed' : `failed (exit code ${run.exitCode})`} ──\n`)
  console.log('── outputs ──')
  for (const [name, value] of Object.entries(run.outputs)) console.log(`  ${name} = ${value}`)
  if (Object.keys(run.outputs).length === 0) console.log('  (none)')
  console.log('\n── job summary ──')
  console.log(run.summary.trim() || '  (none)')
  if (step.showComment || step.comment) {
    const number = step.comment ?? DEMO_PULL_REQUEST
    console.log(`\n── the comment on pull request #${number} now ──`)
    for (const comment of github.commentsOn(number, REPOSITORY)) {
      const visible = comment.body.replace(/<!--[\s\S]*?-->\n?/, '')
      console.log(`by ${comment.author}:\n${visible.trim()}`)
      if (visible !== comment.body) console.log('(and the records, as JSON in a hidden HTML comment under the heading)')
    }
  }
  console.log('')
}

/** The words of `text` in lines of at most `width` characters. */
function wrapped(text: string, width: number): string[] {
  const lines: string[] = []
  for (const word of text.split(' ')) {
    const last = lines.at(-1)
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`
    else lines.push(word)
  }
  return lines
}

/** The workflow commands as the runner's log shows them; the debug lines stay hidden, as they do by default. */
function readableLog(log: string): string {
  return log
    .trim()
    .split('\n')
    .filter((line) => !line.startsWith('::debug::') && line !== '::endgroup::')
    .map((line) =>
      line
        .replace(
          /^::add-mask::(.*)$/,
          (_, secret: string) => `(the runner masks ${MASKED[secret] ?? 'a token'} from here on)`
        )
        .replace(/^::group::/, '▸ ')
        .replace(/^::warning(?: [^:]*)?::/, 'Warning: ')
        .replace(/^::error::/, 'Error: ')
        .replace(/%0A/g, '\n         ')
        .replace(/%25/g, '%')
    )
    .map((line) => `  ${line}`)
    .join('\n')
}
