import { describe, expect, it } from '@jest/globals'
import { runnerFileProblem } from '../../src/runner/runner-files.js'

describe('runnerFileProblem', () => {
  const exists = (path: string) => path.startsWith('/here/')

  it.each([
    [{}, undefined],
    [{ GITHUB_OUTPUT: '/here/output', GITHUB_STEP_SUMMARY: '/here/summary', GITHUB_STATE: '/here/state' }, undefined],
    [{ GITHUB_OUTPUT: '' }, undefined]
  ])('is undefined for %j: every file named exists, or none is named', (env, problem) => {
    expect(runnerFileProblem(env, exists)).toBe(problem)
  })

  it.each([
    ['GITHUB_OUTPUT', 'the outputs'],
    ['GITHUB_STATE', "the post step's state"],
    ['GITHUB_STEP_SUMMARY', 'the job summary']
  ])('names %s when its file does not exist, and says what to do', (variable, what) => {
    expect(runnerFileProblem({ [variable]: '/gone/file' }, exists)).toBe(
      `${variable} names '/gone/file', which does not exist, so ${what} could not be written. A runner creates this file ` +
        `before the step starts; when you run the action by hand, create it first (touch it) or leave ${variable} unset.`
    )
  })
})
