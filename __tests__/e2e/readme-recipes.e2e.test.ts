import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
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
  startGitHubFixture,
  type GitHubFixture
} from '../support/github-fixture.js'
import { expectNoTokenLeaks } from '../support/token-leaks.js'

/** The README's recipes run as written: their action steps, with the expressions a runner would evaluate. */
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

const recipes = new Map(
  [...readFileSync('README.md', 'utf8').matchAll(/```yaml\n([\s\S]*?)```/g)]
    .map(([, block = '']) => parse(block) as Recipe)
    .filter((recipe) => recipe.jobs !== undefined)
    .map((recipe) => [recipe.name, recipe])
)
const ACTION = 'OWNER/nexrender-cancel-batch-action'

let fixture: GitHubFixture
beforeAll(async () => (fixture = await startGitHubFixture()))
afterAll(() => fixture.close())

/** Runs the recipe's steps of this action, with `${{ … }}` taken from `values`; any other expression fails the test. */
async function runRecipe(
  name: string,
  values: Record<string, string>,
  event: { name: string; payload: object }
): Promise<ActionRun[]> {
  const recipe = recipes.get(name)
  if (!recipe) throw new Error(`the README has no recipe named ${name}`)
  const steps = Object.values(recipe.jobs).flatMap((job) => job.steps.filter((step) => step.uses?.startsWith(ACTION)))
  const runs: ActionRun[] = []
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
      // The main step, then its post step as the runner runs it when the job has failed.
      const main = await runAction(withDefaults, env, { entry: GUARD_ENTRY, event })
      runs.push(
        main,
        await runAction(withDefaults, { ...env, ...stateForPost(main) }, { entry: GUARD_POST_ENTRY, event })
      )
    } else {
      runs.push(await runAction(withDefaults, env, { ...(record ? { entry: RECORD_ENTRY } : {}), event }))
    }
    const comments = fixture.github.comments.map((comment) => comment.body)
    for (const run of runs) expectNoTokenLeaks(run, [TEST_TOKEN, GITHUB_TOKEN], comments)
  }
  return runs
}

const pullRequestEvent = (action: string, head: string) => ({
  name: 'pull_request',
  payload: { action, number: PULL_REQUEST, pull_request: { number: PULL_REQUEST, head: { sha: head } } }
})
const onPullRequest = {
  'secrets.NEXRENDER_TOKEN': TEST_TOKEN,
  'github.event.pull_request.number': String(PULL_REQUEST),
  'steps.cancel.outputs.cancelled-jobs-count': '',
  'steps.cancel.outputs.status': ''
}

describe('the README recipes, run as written against the simulators', () => {
  it('every pull-request recipe asks for pull-requests: write', () => {
    for (const name of [
      'Preview render',
      'Stop preview renders',
      'Stop superseded preview renders',
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
    const [first] = await runRecipe(
      'Preview render',
      { 'steps.render.outputs.batch-id': complete },
      pullRequestEvent('opened', OLD_HEAD)
    )
    const [second] = await runRecipe(
      'Preview render',
      { 'steps.render.outputs.batch-id': partial },
      pullRequestEvent('synchronize', HEAD)
    )
    expect([first?.exitCode, second?.exitCode]).toEqual([0, 0])
    expect(JSON.parse(second?.outputs['recorded-batch-ids'] ?? '')).toEqual([complete, partial])

    const [superseded] = await runRecipe(
      'Stop superseded preview renders',
      onPullRequest,
      pullRequestEvent('synchronize', HEAD)
    )
    expect(superseded).toMatchObject({ exitCode: 0, outputs: { status: 'cancelled', 'batch-id': complete } })

    const [closed] = await runRecipe('Stop preview renders', onPullRequest, pullRequestEvent('closed', HEAD))
    expect(closed).toMatchObject({ exitCode: 0, outputs: { status: 'partial', 'batch-id': partial } })
    expect(closed?.stdout).toContain(`Already done, not sent again: ${complete}`)
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
    const [dryRun] = await sweep('true')
    expect(dryRun).toMatchObject({ exitCode: 0, outputs: { 'dry-run': 'true', 'pull-requests': '[31]' } })
    const [real] = await sweep('false')
    // An earlier recipe cancelled that batch already: the sweep finds it, and strictness off accepts unchanged.
    expect(real).toMatchObject({
      exitCode: 0,
      outputs: { 'pull-requests': '[31]', 'batch-id': fixture.batches.complete }
    })
    expect(recipes.get('Sweep preview renders')?.permissions).toEqual({ 'pull-requests': 'write' })
  })

  it('guards a CI render: when the checks fail, its post step cancels the batch', async () => {
    const render = (batchId: string) =>
      runRecipe(
        'Render',
        { 'steps.render.outputs.batch-id': batchId, 'secrets.NEXRENDER_TOKEN': TEST_TOKEN },
        { name: 'push', payload: {} }
      )
    const [main, post] = await render(fixture.batches.partial)
    expect([main?.exitCode, post?.exitCode]).toEqual([0, 0])
    expect(post?.stdout).toMatch(new RegExp(`\\n${fixture.batches.partial}: (partial|unchanged): `))
    // The batch belongs to another team here: the post step fails, and says why.
    const [, refused] = await render(fixture.batches.otherTeam)
    expect(refused?.exitCode).toBe(1)
    expect(refused?.stdout).toContain("the token's team cannot reach this batch")
  })
})
