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
    { name: 'strictness', value: 'STRICT', problem: "must be one of strict, lenient, off; got 'STRICT'" },
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
