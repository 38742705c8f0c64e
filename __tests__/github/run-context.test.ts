import { describe, expect, it } from '@jest/globals'
import { runContextFrom } from '../../src/github/run-context.js'

describe('runContextFrom', () => {
  const github = {
    eventName: 'pull_request',
    serverUrl: 'https://github.com',
    runId: 99,
    payload: { pull_request: { number: 5 } }
  }

  it('takes repository, event, pull request and run link', () => {
    expect(runContextFrom(github, 'acme/renders')).toEqual({
      repository: 'acme/renders',
      eventName: 'pull_request',
      pullRequestNumber: 5,
      runUrl: 'https://github.com/acme/renders/actions/runs/99'
    })
  })

  it('leaves out what a run outside GitHub does not have', () => {
    expect(runContextFrom({ ...github, eventName: '', runId: NaN, payload: {} }, undefined)).toEqual({
      repository: undefined,
      eventName: undefined,
      pullRequestNumber: undefined,
      runUrl: undefined
    })
  })
})
