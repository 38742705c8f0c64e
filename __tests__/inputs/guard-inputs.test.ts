import { describe, expect, it } from '@jest/globals'
import { MAX_GUARDED_BATCHES, parseGuardInputs } from '../../src/inputs/guard-inputs.js'

/** Distinct valid batch ids: a ULID prefix and two Crockford digits. */
const ids = (count: number) =>
  Array.from(
    { length: count },
    (_, i) => `01ARZ3NDEKTSV4RRFFQ69G5F${'0123456789ABCDEFGHJK'[Math.floor(i / 20)]}${'0123456789ABCDEFGHJK'[i % 20]}`
  )
const reading = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? ''

describe('parseGuardInputs', () => {
  it('judges at strictness off, and reads only the inputs the guard declares', () => {
    const inputs = parseGuardInputs(
      reading({ 'batch-id': ids(1)[0] ?? '', strictness: 'strict', 'dry-run': 'true' }),
      't'
    )
    expect(inputs).toMatchObject({ batchIds: ids(1), strictness: 'off', dryRun: false, timeoutMs: 30_000 })
  })

  it(`takes up to ${MAX_GUARDED_BATCHES} batches, all cancelled at once by its post step`, () => {
    const batchIds = ids(MAX_GUARDED_BATCHES)
    expect(parseGuardInputs(reading({ 'batch-id': batchIds.join(',') }), 't').batchIds).toEqual(batchIds)
  })

  it('refuses more, saying what to do instead', () => {
    const raw = ids(MAX_GUARDED_BATCHES + 1).join('\n')
    expect(() => parseGuardInputs(reading({ 'batch-id': raw }), 't')).toThrow(
      `Input 'batch-id' has ${MAX_GUARDED_BATCHES + 1} batches; the guard takes at most ${MAX_GUARDED_BATCHES}, all cancelled at once within its 7 s.`
    )
  })

  it('says batch-id is required in its own words before checking anything else', () => {
    expect(() => parseGuardInputs(reading({ 'timeout-seconds': 'never' }), '')).toThrow("Input 'batch-id' is required")
  })
})
