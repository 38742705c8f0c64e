import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { ACTION_VERSION, USER_AGENT } from '../src/http/user-agent.js'

describe('version', () => {
  it('matches package.json, and the User-Agent names the action and its version', () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }
    expect(ACTION_VERSION).toBe(version)
    expect(USER_AGENT).toBe(`nexrender-cancel-batch-action/${version}`)
  })
})
