import { describe, expect, it } from '@jest/globals'
import {
  ACTION_ENTRY,
  errorMessage,
  GUARD_POST_ENTRY,
  inputDefaults,
  parseOutputFile,
  RECORD_ENTRY
} from '../local-runner/run-action.js'
import { actionRun as run } from './support/action-run.js'

describe('the local runner', () => {
  it('reads the outputs file as @actions/core writes it', () => {
    const text = 'status<<ghadelimiter_1\ncancelled\nghadelimiter_1\nids<<ghadelimiter_2\n["a",\n"b"]\nghadelimiter_2\n'
    expect(parseOutputFile(text)).toEqual({ status: 'cancelled', ids: '["a",\n"b"]' })
  })

  it("gives the inputs left out the defaults of the entry's action.yml, as a runner does, but no expression", () => {
    expect(inputDefaults(ACTION_ENTRY)).toMatchObject({ strictness: 'strict', 'max-retries': '3' })
    expect(inputDefaults(ACTION_ENTRY)).not.toHaveProperty('github-token')
    expect(inputDefaults(GUARD_POST_ENTRY)).toMatchObject({ 'max-retries': '3' })
    expect(inputDefaults(GUARD_POST_ENTRY)).not.toHaveProperty('strictness')
    expect(inputDefaults(RECORD_ENTRY)).not.toHaveProperty('strictness')
    expect(inputDefaults('some-script.mjs')).toEqual({})
  })

  it('unescapes the error command', () => {
    expect(errorMessage(run({ stdout: 'x\n::error::two%0Alines 100%25\n' }))).toBe('two\nlines 100%')
    expect(errorMessage(run({ stdout: 'no error' }))).toBe('')
  })
})
