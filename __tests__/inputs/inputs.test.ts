import { describe, expect, it } from '@jest/globals'
import { parseInputs } from '../../src/inputs/inputs.js'

const ID = '01ARZ3NDEKTSV4RRFFQ69G5FAV'
const reader = (values: Record<string, string>) => (name: string) => values[name] ?? ''

function thrownMessage(attempt: () => unknown): string {
  try {
    attempt()
  } catch (error) {
    return (error as Error).message
  }
  throw new Error('expected an error')
}

describe('parseInputs', () => {
  it('applies the documented defaults', () => {
    expect(parseInputs(reader({ 'batch-id': ID }), 'tok')).toEqual({
      batchIds: [ID],
      token: 'tok',
      strictness: 'strict',
      apiUrl: 'https://api.nexrender.com/api/v2',
      timeoutMs: 30_000,
      maxRetries: 3,
      dryRun: false
    })
  })

  it('reads every input', () => {
    const inputs = parseInputs(
      reader({
        'batch-id': ID,
        strictness: 'lenient',
        'api-url': 'http://127.0.0.1:1/x',
        'timeout-seconds': '2.5',
        'max-retries': '0'
      }),
      'tok'
    )
    expect(inputs).toMatchObject({
      strictness: 'lenient',
      apiUrl: 'http://127.0.0.1:1/x',
      timeoutMs: 2500,
      maxRetries: 0
    })
  })

  it.each([
    ['STRICT', 'strict'],
    ['Lenient', 'lenient'],
    [' off ', 'off']
  ])('reads strictness %j in any case, as the booleans read True', (given, strictness) => {
    expect(parseInputs(reader({ 'batch-id': ID, strictness: given }), 'tok').strictness).toBe(strictness)
  })

  it.each([
    { name: 'strictness', value: 'none', problem: "must be one of strict, lenient, off; got 'none'" },
    {
      name: 'timeout-seconds',
      value: 'abc',
      problem: "must be a number of seconds above 0 and at most 600; got 'abc'"
    },
    { name: 'timeout-seconds', value: '0', problem: 'must be a number of seconds above 0' },
    { name: 'timeout-seconds', value: '601', problem: 'at most 600' },
    { name: 'timeout-seconds', value: '-5', problem: 'above 0' },
    { name: 'max-retries', value: '1.5', problem: "must be a whole number from 0 to 10; got '1.5'" },
    { name: 'max-retries', value: '11', problem: 'from 0 to 10' }
  ])("rejects $name '$value'", ({ name, value, problem }) => {
    const attempt = () => parseInputs(reader({ 'batch-id': ID, [name]: value }), 'tok')
    expect(attempt).toThrow(`Input '${name}' must`)
    expect(attempt).toThrow(problem)
  })

  it.each(['has space', 'tab\there', 'new\nline', 'bell\u0007'])('rejects the token %j without quoting it', (token) => {
    const message = thrownMessage(() => parseInputs(reader({ 'batch-id': ID }), token))
    expect(message).toBe("Input 'token' contains whitespace or control characters; check how the secret was saved")
  })

  it('requires the token', () => {
    expect(thrownMessage(() => parseInputs(reader({ 'batch-id': ID }), ''))).toMatch(/^Input 'token' is required/)
  })

  it.each([
    ['true', true],
    ['True', true],
    ['TRUE', true],
    ['false', false],
    ['FALSE', false]
  ])('reads dry-run %s', (value, dryRun) => {
    expect(parseInputs(reader({ 'batch-id': ID, 'dry-run': value }), 'tok').dryRun).toBe(dryRun)
  })

  it.each(['yes', '1', 'on'])("rejects dry-run '%s'", (value) => {
    expect(() => parseInputs(reader({ 'batch-id': ID, 'dry-run': value }), 'tok')).toThrow(
      `Input 'dry-run' must be true or false; got '${value}'`
    )
  })

  it('checks batch-id before anything else', () => {
    expect(() => parseInputs(reader({ 'batch-id': 'nope', strictness: 'bad' }), '')).toThrow("Input 'batch-id'")
  })
})

describe('parseInputs with a pull request', () => {
  it('reads the pull request, its token, the GitHub API from the environment, and only-superseded', () => {
    const inputs = parseInputs(reader({ 'pull-request': '42', 'only-superseded': 'true' }), 'tok', 'ghs_x', {
      GITHUB_API_URL: 'https://github.example.com/api/v3/'
    })
    expect(inputs.batchIds).toEqual([])
    expect(inputs.pullRequest).toEqual({
      number: 42,
      github: { token: 'ghs_x', apiUrl: 'https://github.example.com/api/v3' },
      onlySuperseded: true
    })
  })

  it('prefers the github-api-url input, and falls back to github.com', () => {
    const read = (extra: Record<string, string>) =>
      parseInputs(reader({ 'pull-request': '1', ...extra }), 'tok', 'ghs_x').pullRequest
    expect(read({ 'github-api-url': 'http://127.0.0.1:9/' })?.github.apiUrl).toBe('http://127.0.0.1:9')
    expect(read({})?.github.apiUrl).toBe('https://api.github.com')
  })

  it('has no pull request part without pull-request, and ignores the GitHub token then', () => {
    expect(parseInputs(reader({ 'batch-id': ID }), 'tok', '').pullRequest).toBeUndefined()
  })

  it.each([
    [{}, 'tok', 'ghs_x', "Input 'batch-id' is required unless pull-request or sweep is given"],
    [
      { 'pull-request': '#7' },
      'tok',
      'ghs_x',
      "Input 'pull-request' must be a pull request's number, like 42; got '#7'"
    ],
    [{ 'pull-request': '0' }, 'tok', 'ghs_x', "Input 'pull-request' must be a pull request's number"],
    [{ 'batch-id': ID, 'only-superseded': 'true' }, 'tok', 'ghs_x', "Input 'only-superseded' needs pull-request"],
    [
      { 'pull-request': '7', 'only-superseded': 'maybe' },
      'tok',
      'ghs_x',
      "Input 'only-superseded' must be true or false; got 'maybe'"
    ],
    [{ 'pull-request': '7' }, 'tok', '', "Input 'github-token' is required: pull-request reads the comments"],
    [{ 'pull-request': '7' }, 'tok', 'ghs x', "Input 'github-token' contains whitespace or control characters"],
    [
      { 'pull-request': '7', 'github-api-url': 'http://github.example.com' },
      'tok',
      'ghs_x',
      "Input 'github-api-url' must use https"
    ]
  ])('refuses %j', (values, token, githubToken, message) => {
    expect(thrownMessage(() => parseInputs(reader(values), token, githubToken))).toContain(message)
  })
})

describe('parseInputs for a sweep', () => {
  it('reads the mode, the window (30 days unless given) and the GitHub token', () => {
    expect(parseInputs(reader({ sweep: 'closed' }), 'tok', 'ghs_x').sweep).toEqual({
      mode: 'closed',
      days: 30,
      budget: 200,
      github: { token: 'ghs_x', apiUrl: 'https://api.github.com' }
    })
    expect(parseInputs(reader({ sweep: 'closed', 'sweep-budget': '5000' }), 'tok', 'ghs_x').sweep?.budget).toBe(5000)
    expect(parseInputs(reader({ sweep: 'superseded', 'sweep-days': '365' }), 'tok', 'ghs_x').sweep).toMatchObject({
      mode: 'superseded',
      days: 365
    })
    expect(parseInputs(reader({ sweep: 'Closed' }), 'tok', 'ghs_x').sweep?.mode).toBe('closed')
  })

  it('names all three when neither batch-id, pull-request nor sweep is given', () => {
    const message = thrownMessage(() => parseInputs(reader({}), 'tok', 'ghs_x'))
    expect(message).toMatch(/^Input 'batch-id' is required unless pull-request or sweep is given/)
    expect(message).toContain('or sweep, closed or superseded')
  })

  it.each([
    [
      { sweep: 'closed', 'batch-id': ID },
      "Input 'sweep' goes alone: a sweep finds its batches itself, so give batch-id and pull-request to another step (got batch-id too)"
    ],
    [
      { sweep: 'closed', 'pull-request': '7' },
      "Input 'sweep' goes alone: a sweep finds its batches itself, so give batch-id and pull-request to another step (got pull-request too)"
    ],
    [{ sweep: 'open' }, "Input 'sweep' must be closed or superseded, or empty; got 'open'"],
    [
      { sweep: 'closed', 'sweep-days': '0' },
      "Input 'sweep-days' must be a whole number of days from 1 to 3650; got '0'"
    ],
    [
      { sweep: 'closed', 'sweep-days': '7.5' },
      "Input 'sweep-days' must be a whole number of days from 1 to 3650; got '7.5'"
    ],
    [
      { sweep: 'closed', 'sweep-budget': '19' },
      "Input 'sweep-budget' must be a whole number of GitHub requests from 20 to 5000; got '19'"
    ],
    [
      { sweep: 'closed', 'sweep-budget': '1e4' },
      "Input 'sweep-budget' must be a whole number of GitHub requests from 20 to 5000; got '1e4'"
    ],
    [
      { sweep: 'closed', 'only-superseded': 'true' },
      "Input 'only-superseded' needs pull-request: it picks among the batches recorded on a pull request"
    ]
  ])('refuses %j', (values, message) => {
    expect(thrownMessage(() => parseInputs(reader(values), 'tok', 'ghs_x'))).toBe(message)
  })

  it('needs the GitHub token', () => {
    expect(thrownMessage(() => parseInputs(reader({ sweep: 'closed' }), 'tok', ''))).toBe(
      "Input 'github-token' is required: sweep reads the comments of pull requests with it; its default is ${{ github.token }}"
    )
  })
})

describe('tokens given with their header prefix', () => {
  it.each([
    [
      'token',
      'Bearer nxr_abc',
      '',
      "Input 'token' starts with 'Bearer ': give the token alone, without the prefix; the action adds it"
    ],
    [
      'github-token',
      'tok',
      'token ghs_abc',
      "Input 'github-token' starts with 'token ': give the token alone, without the prefix; the action adds it"
    ]
  ])('%s says to drop the prefix, without quoting the token', (_input, token, githubToken, message) => {
    const read = (name: string) => ({ 'pull-request': '7' })[name] ?? ''
    expect(thrownMessage(() => parseInputs(read, token, githubToken))).toBe(message)
  })
})
