import { describe, expect, it } from '@jest/globals'
import { checkedAge, mayBeFromThisRequest, ReactionAges, type ReactionSighting } from '../../src/records/lease-age.js'

const CREATED = '2026-12-01T10:00:00Z'
const T = Date.parse(CREATED)
const MIN = 60_000
/** A sighting 30 s after the reaction was made, the request taking 200 ms, every clock right. */
const at = (change: Partial<ReactionSighting> = {}): ReactionSighting => ({
  createdAt: CREATED,
  serverTime: T + 30_000,
  sentAt: T + 29_900,
  receivedAt: T + 30_100,
  ...change
})

describe('checkedAge: GitHub’s age for a reaction, only as far as two clocks agree', () => {
  it.each([
    ['every clock right', at(), 29_000],
    ['the Date 10 minutes ahead: the runner outvotes it', at({ serverTime: T + 30_000 + 10 * MIN }), 29_900],
    ['the Date 10 minutes behind: never below nothing', at({ serverTime: T + 30_000 - 10 * MIN }), 0],
    ['the runner 10 minutes ahead: the Date outvotes it', at({ sentAt: T + 29_900 + 10 * MIN }), 29_000],
    ['no Date: nothing to check by', at({ serverTime: undefined }), undefined],
    ['an unreadable Date', at({ serverTime: Number.NaN }), undefined],
    ['an unreadable created_at', at({ createdAt: 'yesterday' }), undefined]
  ])('%s', (_case, sighting, age) => {
    expect(checkedAge(sighting)).toBe(age)
  })
})

describe('mayBeFromThisRequest: a 👀 found on the retry of an attempt GitHub answered with an error', () => {
  const sent = T - 300
  const retried = (change: Partial<ReactionSighting> = {}) =>
    at({ sentAt: sent, receivedAt: T + 1500, serverTime: T + 1000, ...change })
  it.each([
    ['made after the request was sent, by both clocks', retried(), true],
    [
      'made before the request was sent (another step’s lease)',
      retried({ sentAt: T + 5000, receivedAt: T + 6000 }),
      false
    ],
    ['with a Date far ahead', retried({ serverTime: T + 10 * MIN }), false],
    ['with a runner clock far ahead', retried({ sentAt: sent + 10 * MIN, receivedAt: T + 10 * MIN }), false],
    ['without a Date', retried({ serverTime: undefined }), false],
    ['with an unreadable created_at', retried({ createdAt: '' }), false]
  ])('%s', (_case, sighting, own) => {
    expect(mayBeFromThisRequest(sighting)).toBe(own)
  })
})

describe('ReactionAges: how long this step can vouch a reaction has existed', () => {
  it('counts from the first sighting on the step’s own clock when GitHub’s age cannot be checked', () => {
    const ages = new ReactionAges()
    const unchecked = at({ serverTime: undefined })
    expect(ages.seen(1)).toBe(false)
    expect(ages.observe(1, unchecked, 5000)).toBe(0)
    expect(ages.seen(1)).toBe(true)
    expect(ages.observe(1, unchecked, 65_000)).toBe(60_000)
    // Another reaction is another lease: its watch starts anew.
    expect(ages.observe(2, unchecked, 65_000)).toBe(0)
  })

  it('adds a checked age, and keeps the oldest that any sighting vouches for', () => {
    const ages = new ReactionAges()
    expect(ages.observe(1, at({ serverTime: undefined }), 1000)).toBe(0)
    expect(ages.observe(1, at(), 2000)).toBe(29_000)
    // A later sighting whose clocks say less cannot make it younger.
    expect(ages.observe(1, at({ serverTime: T }), 3000)).toBe(30_000)
  })
})
