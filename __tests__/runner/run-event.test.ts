import { describe, expect, it } from '@jest/globals'
import type { WebhookDefinition } from '@octokit/webhooks-examples'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runContextFrom, type PullRequestPayload, type RunContext } from '../../src/runner/run-context.js'
import { readRunEvent } from '../../src/runner/run-event.js'

const fileWith = (text: string) => {
  const path = join(mkdtempSync(join(tmpdir(), 'event-')), 'event.json')
  writeFileSync(path, text)
  return path
}

describe('readRunEvent', () => {
  it('reads the event as the runner gives it', () => {
    const path = fileWith(JSON.stringify({ pull_request: { number: 5, head: { sha: 'abc' } } }))
    expect(
      readRunEvent({
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: path,
        GITHUB_SERVER_URL: 'https://ghe.example.com',
        GITHUB_RUN_ID: '77'
      })
    ).toEqual({
      eventName: 'pull_request',
      serverUrl: 'https://ghe.example.com',
      runId: 77,
      payload: { pull_request: { number: 5, head: { sha: 'abc' } } }
    })
  })

  it.each([
    ['no event at all', {}],
    ['a payload file that is missing', { GITHUB_EVENT_PATH: '/nowhere/event.json' }],
    ['a payload that is not JSON', { GITHUB_EVENT_PATH: fileWith('{nope') }]
  ])('has an empty payload with %s', (_what, env) => {
    expect(readRunEvent(env)).toMatchObject({ eventName: '', serverUrl: 'https://github.com', payload: {} })
  })
})

/** GitHub's own payloads of each event, as `@octokit/webhooks-examples` collects them. */
const definitions = createRequire(import.meta.url)('@octokit/webhooks-examples') as WebhookDefinition[]
function examplesOf<Name extends WebhookDefinition['name']>(name: Name) {
  type Example = WebhookDefinition<Name>['examples'][number]
  const all = (definitions.find((definition) => definition.name === name)?.examples ?? []) as Example[]
  const [first] = all
  if (first === undefined) throw new Error(`@octokit/webhooks-examples has no ${name} payload`)
  return { first, all }
}
const pullRequests = examplesOf('pull_request')
const push = examplesOf('push').first

/** The run context of a run on `eventName` with this payload, read as the runner gives it. */
function contextOf(eventName: string, payload: object): RunContext {
  const env = { GITHUB_EVENT_NAME: eventName, GITHUB_EVENT_PATH: fileWith(JSON.stringify(payload)), GITHUB_RUN_ID: '9' }
  return runContextFrom(readRunEvent(env), 'Codertocat/Hello-World')
}

describe("the run's event, from GitHub's own payloads", () => {
  it.each(
    ['pull_request', 'pull_request_target'].flatMap((eventName) =>
      pullRequests.all.map((payload, index) => [eventName, payload.action, index, payload] as const)
    )
  )('%s (%s, example %d) is about its pull request and its head', (eventName, _action, _index, payload) => {
    expect(contextOf(eventName, payload)).toMatchObject({
      eventName,
      pullRequestNumber: payload.pull_request.number,
      pullRequestHead: payload.pull_request.head.sha,
      pullRequestFromFork: undefined
    })
    expect(payload.pull_request.number).toBe(payload.number)
    // GitHub's pull request is readable as the action reads it (a check at compile time).
    const read: PullRequestPayload = payload.pull_request
    expect(read).toBe(payload.pull_request)
  })

  const opened = pullRequests.all.find((payload) => payload.action === 'opened') ?? pullRequests.first
  const fromFork = (repo: object | null) => ({
    ...opened,
    pull_request: { ...opened.pull_request, head: { ...opened.pull_request.head, repo } }
  })
  it.each([
    ['a fork', fromFork({ ...opened.pull_request.head.repo, full_name: 'someone/Hello-World', fork: true })],
    ['a fork since deleted', fromFork(null)]
  ])('%s: a pull request from it is from a fork, on pull_request and pull_request_target', (_from, payload) => {
    for (const eventName of ['pull_request', 'pull_request_target']) {
      expect(contextOf(eventName, payload)).toMatchObject({
        pullRequestNumber: opened.pull_request.number,
        pullRequestHead: opened.pull_request.head.sha,
        pullRequestFromFork: true
      })
    }
  })

  it.each([
    ...examplesOf('workflow_dispatch').all.map((payload) => ['workflow_dispatch', payload] as const),
    ...examplesOf('push').all.map((payload) => ['push', payload] as const),
    ...examplesOf('merge_group').all.map((payload) => ['merge_group', payload] as const),
    // Not a webhook: the runner writes the cron line, the workflow file and the repository.
    [
      'schedule',
      {
        schedule: '30 5 * * 1',
        workflow: '.github/workflows/sweep.yml',
        repository: push.repository,
        sender: push.sender
      }
    ] as const
  ])('%s is about no pull request', (eventName, payload) => {
    expect(contextOf(eventName, payload)).toMatchObject({
      eventName,
      pullRequestNumber: undefined,
      pullRequestHead: undefined,
      pullRequestFromFork: undefined,
      runUrl: 'https://github.com/Codertocat/Hello-World/actions/runs/9'
    })
  })
})
