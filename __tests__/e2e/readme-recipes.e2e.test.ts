import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'
import {
  GUARD_ENTRY,
  GUARD_POST_ENTRY,
  RECORD_ENTRY,
  runAction,
  stateForPost,
  type ActionRun
} from '../../local-runner/run-action.js'
import { commentBodies } from '../../simulator/github/records-bodies.js'
import { TEST_TOKEN } from '../support/simulator-fixture.js'
import {
  GITHUB_TOKEN,
  HEAD,
  OLD_HEAD,
  PULL_REQUEST,
  pullRequestEvent,
  startGitHubFixture,
  type GitHubFixture
} from '../support/github-fixture.js'
import { recipeBlocks } from '../support/recipe-files.js'
import { expectNoTokenLeaks } from '../support/token-leaks.js'

/**
 * The documentation's recipes (the README's, docs/'s and the steps' READMEs') run as written: their
 * action steps, with the expressions a runner would evaluate.
 */
interface Step {
  id?: string
  uses?: string
  with?: Record<string, string | number | boolean>
}
interface Recipe {
  name: string
  on: Record<string, { types?: string[] } | null> | string
  permissions?: Record<string, string>
  jobs: Record<string, { steps: Step[] }>
}

const recipes = new Map<string, Recipe>()
for (const { file, yaml } of recipeBlocks()) {
  const recipe = parse(yaml) as Recipe
  if (recipes.has(recipe.name)) throw new Error(`${file}: a second recipe named ${recipe.name}`)
  recipes.set(recipe.name, recipe)
}
const ACTION = 'OWNER/nexrender-cancel-batch-action'
/** The recipes a test has run, to check at the end that none was left out. */
const ran = new Set<string>()

let fixture: GitHubFixture
beforeAll(async () => (fixture = await startGitHubFixture()))
afterAll(() => fixture.close())

/**
 * Runs the recipe's steps of this action, with `${{ … }}` taken from `values`; any other expression
 * fails the test. Then, as the runner does at the end of the job, the guards' post steps, only if the
 * job failed or was cancelled: one of these steps failed, or `jobFails` says a step of the recipe's own
 * failed or the run was cancelled.
 */
async function runRecipe(
  name: string,
  values: Record<string, string>,
  event: { name: string; payload: object },
  { jobFails = false } = {}
): Promise<ActionRun[]> {
  const recipe = recipes.get(name)
  if (!recipe) throw new Error(`the documentation has no recipe named ${name}`)
  ran.add(name)
  const steps = Object.values(recipe.jobs).flatMap((job) => job.steps.filter((step) => step.uses?.startsWith(ACTION)))
  const runs: ActionRun[] = []
  const posts: (() => Promise<ActionRun>)[] = []
  for (const step of steps) {
    const inputs = Object.fromEntries(
      Object.entries(step.with ?? {}).map(([input, value]) => [
        input,
        String(value).replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expression: string) => {
          if (!(expression in values)) throw new Error(`${name}: no value for \${{ ${expression} }}`)
          return values[expression] ?? ''
        })
      ])
    )
    // What the runner fills in from action.yml's defaults.
    const withDefaults = { 'github-token': GITHUB_TOKEN, 'api-url': fixture.simulator.baseUrl, ...inputs }
    const record = step.uses?.endsWith('/record@v1')
    const env = { GITHUB_API_URL: fixture.github.apiUrl, GITHUB_RUN_ID: '77' }
    if (step.uses?.endsWith('/guard@v1')) {
      // The main step now; its post step at the end of the job (`post-if: failure() || cancelled()`).
      const main = await runAction(withDefaults, env, { entry: GUARD_ENTRY, event })
      runs.push(main)
      posts.unshift(async () =>
        runAction(withDefaults, { ...env, ...stateForPost(main) }, { entry: GUARD_POST_ENTRY, event })
      )
    } else {
      runs.push(await runAction(withDefaults, env, { ...(record ? { entry: RECORD_ENTRY } : {}), event }))
    }
  }
  if (jobFails || runs.some((run) => run.exitCode !== 0)) {
    for (const post of posts) runs.push(await post())
  }
  const comments = fixture.github.comments.map((comment) => comment.body)
  for (const run of runs) expectNoTokenLeaks(run, [TEST_TOKEN, GITHUB_TOKEN], comments)
  return runs
}

const onPullRequest = (action: 'synchronize' | 'closed') => ({
  'secrets.NEXRENDER_TOKEN': TEST_TOKEN,
  'github.event.pull_request.number': String(PULL_REQUEST),
  "github.event.action == 'synchronize'": String(action === 'synchronize')
})
const render = (batchId: string) => ({
  'steps.render.outputs.batch-id': batchId,
  'secrets.NEXRENDER_TOKEN': TEST_TOKEN
})

describe('the recipes, run as written against the simulators', () => {
  it('every pull-request recipe asks for pull-requests: write', () => {
    for (const name of [
      'Preview render',
      'Record preview renders',
      'Stop preview renders',
      'Sweep preview renders',
      'Cancel renders'
    ]) {
      expect({ name, permissions: recipes.get(name)?.permissions }).toMatchObject({
        name,
        permissions: { 'pull-requests': 'write' }
      })
    }
  })

  it('records two pushes, cancels the superseded render on the second, and the rest on close', async () => {
    const { complete, partial } = fixture.batches
    // The record step alone (record/README.md), then the README's guarded preview job.
    const [first] = await runRecipe('Record preview renders', render(complete), pullRequestEvent(OLD_HEAD, 'opened'))
    const second = await runRecipe('Preview render', render(partial), pullRequestEvent(HEAD, 'synchronize'))
    expect(first?.exitCode).toBe(0)
    // The job succeeds: the guard's main step and the record step, and no post step.
    expect(second.map((run) => run.exitCode)).toEqual([0, 0])
    expect(JSON.parse(second[1]?.outputs['recorded-batch-ids'] ?? '')).toEqual([complete, partial])

    const [superseded] = await runRecipe(
      'Stop preview renders',
      onPullRequest('synchronize'),
      pullRequestEvent(HEAD, 'synchronize')
    )
    expect(superseded).toMatchObject({ exitCode: 0, outputs: { status: 'cancelled', 'batch-id': complete } })

    const [closed] = await runRecipe('Stop preview renders', onPullRequest('closed'), pullRequestEvent(HEAD, 'closed'))
    expect(closed).toMatchObject({ exitCode: 0, outputs: { status: 'partial', 'batch-id': partial } })
    expect(closed?.stdout).toContain(`Already done, not sent again: ${complete}`)
  })

  it('cancels a render recorded on a pull request that closed meanwhile: the record step fails, the guard cancels', async () => {
    const closedPullRequest = 41
    fixture.github.pullRequests.set(closedPullRequest, { head: HEAD, state: 'closed' })
    const batchId = fixture.batches.unchanged
    const sentBefore = fixture.simulator.requests.length
    const [main, record, post] = await runRecipe(
      'Preview render',
      render(batchId),
      pullRequestEvent(HEAD, 'synchronize', { number: closedPullRequest })
    )
    expect(main?.exitCode).toBe(0)
    expect(record?.exitCode).toBe(1)
    expect(record?.stdout).toContain(`Pull request #${closedPullRequest} is closed`)
    // The record stays for the sweep, and the guard's post step has sent the batch's cancel.
    expect(JSON.parse(record?.outputs['recorded-batch-ids'] ?? '')).toEqual([batchId])
    expect(post?.exitCode).toBe(0)
    expect(fixture.simulator.requests.slice(sentBefore)).toContainEqual(
      expect.objectContaining({ method: 'POST', path: expect.stringContaining(`/batches/${batchId}/cancel`) })
    )
  })

  it('cancels by hand, a dry run first', async () => {
    const dispatch = (dryRun: string) =>
      runRecipe(
        'Cancel renders',
        {
          'inputs.batch-id': fixture.batches.unchanged,
          'inputs.pull-request': String(PULL_REQUEST),
          'inputs.strictness': 'off',
          'inputs.dry-run': dryRun,
          'secrets.NEXRENDER_TOKEN': TEST_TOKEN
        },
        { name: 'workflow_dispatch', payload: { inputs: {} } }
      )
    const [dryRun] = await dispatch('true')
    expect(dryRun).toMatchObject({ exitCode: 0, outputs: { 'dry-run': 'true', status: 'unchanged' } })
    const [real] = await dispatch('false')
    expect(real).toMatchObject({ exitCode: 0, outputs: { 'dry-run': 'false', 'batch-id': fixture.batches.unchanged } })
  })

  it('sweeps what a cleanup left behind, a dry run first, then for real', async () => {
    const left = commentBodies([
      { batchId: fixture.batches.complete, commit: HEAD, recordedAt: '2026-12-01T09:00:00Z' }
    ])
    fixture.github.pullRequests.set(31, { head: HEAD, state: 'closed' })
    fixture.github.addComment(31, 'github-actions[bot]', left[0] ?? '')
    const sweep = (dryRun: string) =>
      runRecipe(
        'Sweep preview renders',
        { "inputs.sweep-days || '30'": '30', 'inputs.dry-run || false': dryRun, 'secrets.NEXRENDER_TOKEN': TEST_TOKEN },
        { name: 'workflow_dispatch', payload: { inputs: {} } }
      )
    // Pull request #41 holds the record the guarded preview made after it closed: the sweep finds it too.
    const [dryRun] = await sweep('true')
    expect(dryRun).toMatchObject({ exitCode: 0, outputs: { 'dry-run': 'true', 'pull-requests': '[31,41]' } })
    const [real] = await sweep('false')
    // An earlier recipe cancelled that batch already: the sweep finds it, and strictness off accepts unchanged.
    expect(real).toMatchObject({
      exitCode: 0,
      outputs: { 'pull-requests': '[31,41]', 'batch-id': `${fixture.batches.complete},${fixture.batches.unchanged}` }
    })
    expect(recipes.get('Sweep preview renders')?.permissions).toEqual({ 'pull-requests': 'write' })
  })

  it('guards the newest push: when a newer push cancels the run, its post step cancels the batch', async () => {
    const batchId = fixture.batches.complete
    const sentBefore = fixture.simulator.requests.length
    // A cancelled run: the post step runs as after a failure (`post-if: failure() || cancelled()`).
    const [main, post] = await runRecipe(
      'Render the newest push',
      render(batchId),
      { name: 'push', payload: {} },
      { jobFails: true }
    )
    expect([main?.exitCode, post?.exitCode]).toEqual([0, 0])
    expect(fixture.simulator.requests.slice(sentBefore)).toContainEqual(
      expect.objectContaining({ method: 'POST', path: expect.stringContaining(`/batches/${batchId}/cancel`) })
    )
  })

  it('guards a CI render: when the checks fail, its post step cancels the batch', async () => {
    const checksFail = (batchId: string) =>
      runRecipe('Render', render(batchId), { name: 'push', payload: {} }, { jobFails: true })
    const [main, post] = await checksFail(fixture.batches.partial)
    expect([main?.exitCode, post?.exitCode]).toEqual([0, 0])
    expect(post?.stdout).toMatch(new RegExp(`\\n${fixture.batches.partial}: (partial|unchanged): `))
    // The batch belongs to another team here: the post step fails, and says why.
    const [, refused] = await checksFail(fixture.batches.otherTeam)
    expect(refused?.exitCode).toBe(1)
    expect(refused?.stdout).toContain("the token's team cannot reach this batch")
  })

  // Last: the tests above run in order, each recipe in one of them.
  it('has run every recipe of the documentation', () => {
    expect([...recipes.keys()].filter((name) => !ran.has(name))).toEqual([])
  })
})
