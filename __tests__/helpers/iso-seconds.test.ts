import { describe, expect, it } from '@jest/globals'
import { isoSeconds } from '../../src/helpers/iso-seconds.js'

describe('isoSeconds', () => {
  it.each([
    ['a time with milliseconds, cut to its second', Date.parse('2026-11-29T02:05:00.999Z'), '2026-11-29T02:05:00Z'],
    ['a whole second', Date.parse('2026-11-29T02:05:07Z'), '2026-11-29T02:05:07Z'],
    ['a Date', new Date('2026-11-29T02:05:07.5Z'), '2026-11-29T02:05:07Z'],
    ['the first second', 1000, '1970-01-01T00:00:01Z']
  ])('writes %s', (_what, time, expected) => {
    expect(isoSeconds(time)).toBe(expected)
  })
})
