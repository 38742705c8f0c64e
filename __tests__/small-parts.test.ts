import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { redactor } from '../src/redact.js'
import { runContextFrom } from '../src/run-context.js'
import { ACTION_VERSION, USER_AGENT } from '../src/version.js'

describe('redactor', () => {
  it('replaces every occurrence of the secret', () => {
    expect(redactor('s3cr3t')('a s3cr3t b s3cr3ts3cr3t')).toBe('a *** b ******')
  })
  it('leaves text alone when there is no secret', () => {
    expect(redactor('')('anything')).toBe('anything')
  })
})

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

describe('version', () => {
  it('matches package.json, and the User-Agent names the action and its version', () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }
    expect(ACTION_VERSION).toBe(version)
    expect(USER_AGENT).toBe(`nexrender-cancel-batch-action/${version}`)
  })
})
