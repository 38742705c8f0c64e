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
  const repository = (full_name: string, fork = false) => ({ full_name, fork })
  it.each([
    ['a branch of the same repository', undefined, repository('acme/renders'), repository('acme/renders')],
    [
      'a branch of the same repository, itself a fork',
      undefined,
      repository('someone/renders', true),
      repository('someone/renders', true)
    ],
    [
      'the same repository, its name written otherwise',
      undefined,
      repository('Acme/Renders'),
      repository('acme/renders')
    ],
    ['a fork', true, repository('someone/renders', true), repository('acme/renders')],
    ['a fork under another name', true, repository('someone/my-renders', true), repository('acme/renders')],
    ['a fork since deleted', true, null, repository('acme/renders')],
    ['repositories the payload does not name', undefined, undefined, undefined]
  ])('a pull request from %s: pullRequestFromFork is %s', (_from, fromFork, head, base) => {
    const payload = { pull_request: { number: 5, head: { sha: HEAD, repo: head }, base: { repo: base } } }
    const context = runContextFrom({ eventName: 'pull_request', serverUrl: '', runId: 1, payload }, 'acme/renders')
    expect(context.pullRequestFromFork).toBe(fromFork)
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
