import { describe, expect, it } from '@jest/globals'
import {
  acquireLease,
  APPLY_MARGIN_MS,
  LEASE_MS,
  LEASE_REACTION,
  LeaseUnavailable,
  MAX_LEASE_WAIT_MS
} from '../../src/records/lease.js'
import { MemoryGitHub } from '../support/memory-github.js'

const BOT = 'github-actions[bot]'
const TARGET = { comment: 5 }
const held = (github: MemoryGitHub, ageMs: number, id = 77) =>
  github.reactions.push({
    id,
    target: 'comment:5',
    login: BOT,
    content: LEASE_REACTION,
    createdAt: github.clock.time - ageMs
  })

describe('acquireLease', () => {
  it('holds the lease when its reaction is new, until the lease ends less the margin, counted from the request', async () => {
    const github = new MemoryGitHub()
    const sentAt = github.clock.now()
    const lease = await acquireLease(github.as(BOT), TARGET, github.clock, 'the comment')

    expect(lease.notAfter).toBe(sentAt + LEASE_MS - APPLY_MARGIN_MS)
    expect(github.reactions).toHaveLength(1)
    await lease.release()
    expect(github.reactions).toEqual([])
  })

  it('waits while another writer of the same identity holds it, polling, and takes it once released', async () => {
    const github = new MemoryGitHub()
    held(github, 0)
    github.clock.at(5000, () => github.reactions.splice(0))
    const started = github.clock.now()
    await acquireLease(github.as(BOT), TARGET, github.clock, 'the comment')

    const waited = github.clock.now() - started
    expect(waited).toBeGreaterThanOrEqual(5000)
    expect(waited).toBeLessThan(10_000)
    expect(github.calls.filter((call) => call.includes(' react ')).length).toBeGreaterThan(2)
  })

  it('takes a lease whose holder died, judged by GitHub’s clock, removing it by its id', async () => {
    const github = new MemoryGitHub()
    held(github, LEASE_MS)
    const lease = await acquireLease(github.as(BOT), TARGET, github.clock, 'the comment')
    expect(github.reactions.map((reaction) => reaction.id)).not.toContain(77)
    expect(lease.notAfter).toBeGreaterThan(github.clock.now())
  })

  it('is not fooled by a runner whose clock is off: only GitHub’s times count', async () => {
    const github = new MemoryGitHub()
    held(github, 1000)
    const skewed = {
      ...github.clock,
      now: () => github.clock.now() + 3_600_000,
      sleep: github.clock.sleep,
      random: () => 0.5
    }
    github.clock.at(3000, () => github.reactions.splice(0))
    await acquireLease(github.as(BOT), TARGET, skewed, 'the comment')
    expect(github.calls.filter((call) => call.includes('unreact'))).toEqual([])
  })

  it('gives up when another holds it for longer than it waits', async () => {
    const github = new MemoryGitHub()
    const renew = () => {
      github.reactions.splice(0, github.reactions.length)
      held(github, 0, 78)
      github.clock.at(LEASE_MS / 2, renew)
    }
    renew()
    await expect(acquireLease(github.as(BOT), TARGET, github.clock, 'the records comment X')).rejects.toThrow(
      new LeaseUnavailable('the records comment X')
    )
    expect(github.clock.now() - Date.parse('2026-12-01T10:00:00Z')).toBeGreaterThan(MAX_LEASE_WAIT_MS)
  })
})
