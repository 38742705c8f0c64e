import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
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
