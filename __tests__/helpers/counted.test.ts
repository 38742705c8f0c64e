import { describe, expect, it } from '@jest/globals'
import { counted } from '../../src/helpers/counted.js'

describe('counted', () => {
  it.each([
    [0, 'batch', 'batches', '0 batches'],
    [1, 'batch', 'batches', '1 batch'],
    [2, 'batch', 'batches', '2 batches'],
    [1, 'attempt', undefined, '1 attempt'],
    [3, 'attempt', undefined, '3 attempts']
  ])('%d %s', (count, noun, plural, expected) => {
    expect(counted(count, noun, plural)).toBe(expected)
  })
})
