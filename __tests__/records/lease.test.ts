import { describe, expect, it } from '@jest/globals'
import {
  acquireLease,
  APPLY_MARGIN_MS,
  LEASE_MS,
  LEASE_REACTION,
  LeaseUnavailable,
  MAX_LEASE_WAIT_MS,
  type LeaseClock
} from '../../src/records/lease.js'
import { FakeClock, MemoryGitHub } from '../support/memory-github.js'

const BOT = 'github-actions[bot]'
const TARGET = { comment: 5 }
const START = Date.parse('2026-12-01T10:00:00Z')
const held = (github: MemoryGitHub, ageMs: number, id = 77) =>
  github.reactions.push({
    id,
    target: 'comment:5',
    login: BOT,
    content: LEASE_REACTION,
    createdAt: github.clock.time - ageMs
  })

function take(github: MemoryGitHub, clock: LeaseClock = github.clock) {
  const lines: string[] = []
  const lease = acquireLease(github.as(BOT), TARGET, 'the comment', {
    clock,
    holder: BOT,
    log: (line) => lines.push(line)
  })
  return { lease, lines }
}

const unreacts = (github: MemoryGitHub) => github.calls.filter((call) => call.includes('unreact'))

describe('acquireLease', () => {
  it('holds the lease when its reaction is new, until the lease ends less the margin, counted from the request', async () => {
    const github = new MemoryGitHub()
    const sentAt = github.clock.now()
    const { lease, lines } = take(github)

    expect((await lease).notAfter).toBe(sentAt + LEASE_MS - APPLY_MARGIN_MS)
    expect(github.reactions).toHaveLength(1)
    await (await lease).release()
    expect(github.reactions).toEqual([])
    expect(lines).toEqual([])
  })

  it('waits while another writer of the same identity holds it, polling, says so once, and takes it once released', async () => {
    const github = new MemoryGitHub()
    held(github, 10_000)
    github.clock.at(5000, () => github.reactions.splice(0))
    const started = github.clock.now()
    const { lease, lines } = take(github)
    await lease

    const waited = github.clock.now() - started
    expect(waited).toBeGreaterThanOrEqual(5000)
    expect(waited).toBeLessThan(10_000)
    expect(github.calls.filter((call) => call.includes(' react ')).length).toBeGreaterThan(2)
    expect(lines).toEqual([
      `Waiting for the lease on the comment, held by another step acting as ${BOT} (a 👀, reaction 77, made 2026-12-01T09:59:50Z): at most 111 s until it runs out, and 180 s in all.`
    ])
  })

  it('takes a lease older than a lease lives at once when GitHub’s Date and the runner’s clock agree, removing it by its id', async () => {
    const github = new MemoryGitHub()
    held(github, LEASE_MS + 2000)
    const { lease, lines } = take(github)
    const taken = await lease

    expect(github.clock.now()).toBe(START)
    expect(github.reactions.map((reaction) => reaction.id)).not.toContain(77)
    expect(taken.notAfter).toBeGreaterThan(github.clock.now())
    expect(lines).toEqual([
      `The lease on the comment (a 👀 of ${BOT}, reaction 77, made 2026-12-01T09:57:58Z) is older than a lease lives: its holder stopped without releasing it, so it is removed and taken.`
    ])
  })

  describe.each([
    ['10 minutes ahead', (time: number) => time + 600_000],
    ['10 minutes behind', (time: number) => time - 600_000],
    ['missing', () => undefined]
  ])('with GitHub’s Date header %s', (_skew, dateOf) => {
    it('never voids a live lease: it waits for its holder to release it', async () => {
      const github = new MemoryGitHub()
      github.dateOf = dateOf
      held(github, 1000)
      github.clock.at(20_000, () => github.reactions.splice(0))
      await take(github).lease

      expect(unreacts(github)).toEqual([])
      expect(github.clock.now() - START).toBeGreaterThanOrEqual(20_000)
    })

    it('never keeps a dead one for ever: it takes it once it has watched it for as long as a lease lives', async () => {
      const github = new MemoryGitHub()
      github.dateOf = dateOf
      held(github, LEASE_MS * 10)
      await take(github).lease

      expect(unreacts(github)).toEqual([`${BOT} unreact comment:5`])
      expect(github.clock.now() - START).toBeLessThanOrEqual(LEASE_MS + 5000)
    })
  })

  it('is not fooled by a runner whose clock is off: the Date outvotes it', async () => {
    const github = new MemoryGitHub()
    held(github, 1000)
    const skewed = { ...github.clock, now: () => github.clock.now() + 3_600_000, sleep: github.clock.sleep }
    github.clock.at(3000, () => github.reactions.splice(0))
    await take(github, skewed).lease
    expect(unreacts(github)).toEqual([])
  })

  it.each([
    ['its attempt made', 1, (github: MemoryGitHub) => github.applyThenFail()],
    [
      'another step made meanwhile',
      77,
      (github: MemoryGitHub) => {
        github.failWithoutApplying()
        github.clock.at(500, () => void held(github, 0))
      }
    ]
  ])(
    'after an error, never takes for its own a 👀 that may be one %s: it waits, saying so',
    async (_whose, id, fail) => {
      const github = new MemoryGitHub()
      fail(github)
      const { lease, lines } = take(github)
      await lease

      // Whoever made it, it is waited for as another step's: here until it runs out.
      expect(github.clock.now() - START).toBeGreaterThanOrEqual(LEASE_MS)
      expect(lines[0]).toBe(
        `GitHub answered this step's request for the lease on the comment with an error, and the 👀 of ${BOT} it then found (reaction ${id}, made 2026-12-01T10:00:00Z) ` +
          "may be the one that request made or another step's: it cannot tell, so it waits as for another step's lease: at most 120 s until it runs out, and 179 s in all."
      )
    }
  )

  it('after an error, waits as usual for a 👀 another step made before its request was sent', async () => {
    const github = new MemoryGitHub()
    github.applyThenFail()
    held(github, 2000)
    github.clock.at(8000, () => github.reactions.splice(0))
    const { lease, lines } = take(github)
    await lease

    expect(github.clock.now() - START).toBeGreaterThanOrEqual(8000)
    expect(lines).toEqual([expect.stringMatching(/^Waiting for the lease on the comment/)])
  })

  it('gives up when another holds it for longer than it waits', async () => {
    const github = new MemoryGitHub()
    // Each time a new lease, a new reaction.
    let id = 78
    const renew = () => {
      github.reactions.splice(0, github.reactions.length)
      held(github, 0, id++)
      github.clock.at(LEASE_MS / 2, renew)
    }
    renew()
    await expect(take(github).lease).rejects.toThrow(new LeaseUnavailable('the comment'))
    expect(github.clock.now() - START).toBeGreaterThan(MAX_LEASE_WAIT_MS)
  })

  it('gives up, without a tight loop, on a dead lease that comes back after each removal', async () => {
    const github = new MemoryGitHub()
    held(github, LEASE_MS + 60 * 60_000)
    // A GitHub, or a caching proxy, that answers the removal and never applies it.
    const api = { ...github.as(BOT), deleteReaction: async () => undefined }
    const lines: string[] = []
    const lease = acquireLease(api, TARGET, 'the comment', {
      clock: github.clock,
      holder: BOT,
      log: (line) => lines.push(line)
    })

    await expect(lease).rejects.toThrow(
      /^the lease on the comment could not be taken within 3 minutes: a dead lease \(a 👀 reaction of whom the token acts as\) was removed \d+ times and found again each time/
    )
    const asks = github.calls.filter((call) => call.includes(' react ')).length
    // Backing off from 2 s to 16 s, over 3 minutes: a handful of asks, never hundreds.
    expect(asks).toBeGreaterThan(3)
    expect(asks).toBeLessThanOrEqual(20)
    expect(lines).toHaveLength(asks)
    expect(github.clock.now() - START).toBeGreaterThan(MAX_LEASE_WAIT_MS)
  })
})

describe('the fake clock the lease is tested on', () => {
  it.each([-1, Number.NaN])('refuses to wait %s ms, naming the wait, rather than move time back', async (ms) => {
    const clock = new FakeClock()
    await expect(clock.sleep(ms)).rejects.toThrow(`the fake clock was asked to wait ${ms} ms`)
    expect(() => clock.at(ms, () => undefined)).toThrow(`wait ${ms} ms`)
    expect(clock.now()).toBe(START)
  })
})
