/** Messages that point the right way, as a user meets them in a run's log. */
import { describe, expect, it } from '@jest/globals'
import { createServer } from 'node:net'
import { errorMessage } from '../../local-runner/run-action.js'
import { HEAD, pullRequestEvent, READ_ONLY_TOKEN, gitHubForEachTest } from '../support/github-fixture.js'

const fixture = gitHubForEachTest()

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

describe('messages that point the right way', () => {
  it('reports a GitHub that cannot be reached as unreachable, with the cause said once', async () => {
    const port = await closedPort()
    const run = await fixture.record({
      'batch-id': fixture.batches.complete,
      'github-api-url': `http://127.0.0.1:${port}`
    })

    expect(run.exitCode).toBe(1)
    expect(errorMessage(run)).toBe(
      `Finding whom the GitHub token acts as: the GitHub API could not be reached: gave up after 4 attempts: connect ECONNREFUSED 127.0.0.1:${port}; check github-api-url (the runner's GITHUB_API_URL unless given) and that the runner can reach it`
    )
  })

  const repository = (full_name: string, fork: boolean) => ({ full_name, fork })
  it.each([
    ['a fork', true, repository('someone/renders', true), repository('acme/renders', false)],
    ['a fork since deleted', true, null, repository('acme/renders', false)],
    [
      'a branch of a repository that is itself a fork',
      false,
      repository('acme/renders', true),
      repository('acme/renders', true)
    ]
  ])('tells a fork’s read-only token apart from a missing permission: %s', async (_from, fromFork, head, base) => {
    const event = pullRequestEvent(HEAD, 'opened', { repositories: { head, base } })
    const run = await fixture.record({ 'batch-id': fixture.batches.complete, 'github-token': READ_ONLY_TOKEN }, HEAD, {
      event
    })

    expect(run.exitCode).toBe(1)
    const message = errorMessage(run)
    expect({
      fork: message.includes(
        "The pull request comes from a fork, and GitHub gives a fork's pull_request runs a read-only token"
      ),
      pullRequestTarget: message.includes('pull_request_target'),
      permissions: message.includes('Add to the workflow')
    }).toEqual({ fork: fromFork, pullRequestTarget: fromFork, permissions: !fromFork })
  })

  it('does not suggest the pull request of the event on a push', async () => {
    const run = await fixture.record({ 'batch-id': fixture.batches.complete }, HEAD, {
      event: { name: 'push', payload: {} }
    })
    expect(errorMessage(run)).toBe(
      "Input 'pull-request' is required here: the push event is not about a pull request; give the number of the pull request the render was made for"
    )
  })

  it('says to drop a Bearer prefix from the token', async () => {
    const run = await fixture.run({
      ...fixture.inputs(fixture.batches.complete),
      token: 'Bearer nxr_test_7Q2sLk9vSECRETx4Zp'
    })
    expect(errorMessage(run)).toBe(
      "Input 'token' starts with 'Bearer ': give the token alone, without the prefix; the action adds it"
    )
    expect(fixture.simulator.requests).toEqual([])
  })
})
