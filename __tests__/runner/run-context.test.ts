import { describe, expect, it } from '@jest/globals'
import { requireRepository, runContextFrom } from '../../src/runner/run-context.js'

const HEAD = 'a'.repeat(40)

describe('runContextFrom', () => {
  const github = {
    eventName: 'pull_request',
    serverUrl: 'https://github.com',
    runId: 99,
    payload: { pull_request: { number: 5, head: { sha: HEAD } } }
  }

  it('takes repository, event, pull request and its head, the run link and the server', () => {
    expect(runContextFrom(github, 'acme/renders')).toEqual({
      repository: 'acme/renders',
      eventName: 'pull_request',
      pullRequestNumber: 5,
      pullRequestHead: HEAD,
      pullRequestFromFork: undefined,
      runUrl: 'https://github.com/acme/renders/actions/runs/99',
      serverUrl: 'https://github.com'
    })
  })

  it('leaves out what a run outside GitHub does not have', () => {
    expect(runContextFrom({ ...github, eventName: '', serverUrl: '', runId: NaN, payload: {} }, undefined)).toEqual({
      repository: undefined,
      eventName: undefined,
      pullRequestNumber: undefined,
      pullRequestHead: undefined,
      pullRequestFromFork: undefined,
      runUrl: undefined,
      serverUrl: 'https://github.com'
    })
  })
})

describe('the fork a pull request comes from', () => {
  it('says when the pull request comes from a fork', () => {
    const payload = (fork: boolean) => ({ pull_request: { number: 5, head: { sha: HEAD, repo: { fork } } } })
    const contextOf = (fork: boolean) =>
      runContextFrom({ eventName: 'pull_request', serverUrl: '', runId: 1, payload: payload(fork) }, 'a/b')
    expect(contextOf(true).pullRequestFromFork).toBe(true)
    expect(contextOf(false).pullRequestFromFork).toBeUndefined()
  })
})

describe('requireRepository', () => {
  it.each(['acme/renders', 'my-org/my.repo_1'])('accepts %s', (repository) => {
    expect(requireRepository(repository)).toBe(repository)
  })
  it.each([undefined, '', 'renders', 'a/b/c'])('refuses %j', (repository) => {
    expect(() => requireRepository(repository)).toThrow('GITHUB_REPOSITORY is not set to owner/name')
  })
})
