import { describe, expect, it } from '@jest/globals'
import { APPLY_MARGIN_MS, LEASE_MS, LeaseUnavailable, MAX_LEASE_WAIT_MS } from '../../src/records/lease.js'
import { HEADING, RECORDS_MARKER, readRecordsPart } from '../../src/records/records-format.js'
import { commentBodies } from '../../simulator/github/records-bodies.js'
import { MAX_COMMENT_POSTS, RecordsStore } from '../../src/records/records-store.js'
import type { BatchRecord, RecordChange } from '../../src/records/records.js'
import { SimClock } from '../support/sim-clock.js'
import { MemoryGitHub } from '../support/memory-github.js'

const BOT = 'github-actions[bot]'
const ids = Array.from({ length: 12 }, (_, index) =>
  `01KDVDNA${String(index).padStart(2, '0')}E9NK47NS912KC35A`.slice(0, 26)
)
const [A = '', B = '', C = ''] = ids
const record = (batchId: string, commit = '1'.repeat(40)): BatchRecord => ({
  batchId,
  commit,
  recordedAt: '2026-12-01T09:00:00Z'
})
const add = (batchId: string): RecordChange => ({ kind: 'record', record: record(batchId) })
const cancelled = (batchId: string): RecordChange => ({
  kind: 'cancelled',
  batchId,
  status: 'cancelled',
  at: '2026-12-01T10:30:00Z'
})

function storeOf(github: MemoryGitHub, viewer = BOT) {
  const warnings: string[] = []
  const lines: string[] = []
  const store = new RecordsStore(github.as(viewer), 7, {
    viewer,
    warn: (message) => warnings.push(message),
    log: (line) => lines.push(line),
    clock: github.clock
  })
  return { store, warnings, lines }
}

/** Lets every writer run as far as it can before the clock moves. */
async function settle(): Promise<void> {
  for (let round = 0; round < 50; round++) await new Promise((resolve) => setImmediate(resolve))
}

/** The batches the pull request's comments of `author` in our format hold, sorted. */
const recordedBy = (github: MemoryGitHub, author = BOT) =>
  github
    .bodiesOf(author)
    .filter((body) => body.startsWith(HEADING))
    .flatMap((body) => readRecordsPart(body).records.map((item) => item.batchId))
    .sort()

/** The calls of a write that lists once, then under the lease reads its own comment by id. */
const oneListingThenById = (id: number) => [
  `${BOT} list`,
  `${BOT} react comment:${id}`,
  `${BOT} get ${id}`,
  `${BOT} PATCH ${id}`,
  `${BOT} unreact comment:${id}`
]

describe('which comments the store trusts and touches', () => {
  it('reads only comments of the viewer in our format, and warns once about a stranger’s copy, naming its author', async () => {
    const github = new MemoryGitHub()
    const [body = ''] = commentBodies([record(B)])
    github.say('mallory', body)
    github.say(BOT, commentBodies([record(A)])[0] ?? '')
    const { store, warnings } = storeOf(github)

    expect((await store.read()).records.map((item) => item.batchId)).toEqual([A])
    await store.read()
    expect(warnings).toEqual([expect.stringContaining('Ignored a comment by mallory on pull request #7')])
  })

  it.each([
    ['quoted', (body: string) => body.replace(/^/gm, '> ')],
    ['in a code block', (body: string) => `Build log:\n\`\`\`\n${body}\n\`\`\``],
    ['in inline code', () => `How the cleanup works: it reads \`${RECORDS_MARKER}\` comments.`],
    ['after other text', (body: string) => `Welcome! Your renders are listed below.\n\n${body}`]
  ])('never trusts, edits or deletes a comment of the same identity with the records %s', async (_where, wrap) => {
    const github = new MemoryGitHub()
    const copy = github.say(BOT, wrap(commentBodies([record(B)])[0] ?? ''))
    const before = copy.body
    const { store } = storeOf(github)

    expect((await store.read()).records).toEqual([])
    await store.write([add(A)])
    expect(github.comments.find((comment) => comment.id === copy.id)?.body).toBe(before)
    expect(recordedBy(github).filter((id) => id !== B)).toEqual([A])
  })

  it('with a personal token, leaves the user’s own notes that mention the marker as they are', async () => {
    const github = new MemoryGitHub()
    const note = github.say('octo-dev', `The cleanup finds its renders by \`${RECORDS_MARKER}\`; do not edit it.`)
    const { store } = storeOf(github, 'octo-dev')
    await store.write([add(A)])

    expect(github.comments.find((comment) => comment.id === note.id)?.body).toBe(note.body)
    expect(recordedBy(github, 'octo-dev')).toEqual([A])
  })
})

describe('writing under a lease', () => {
  it('creates the first comment under a lease on the pull request, and leaves no lease behind', async () => {
    const github = new MemoryGitHub()
    const stored = await storeOf(github).store.write([add(A)])

    expect(github.calls).toEqual([
      `${BOT} list`,
      `${BOT} react issue:7`,
      `${BOT} list`,
      `${BOT} POST comment`,
      `${BOT} unreact issue:7`
    ])
    expect(stored.records.map((item) => item.batchId)).toEqual([A])
    expect(stored.commentUrl).toBe(github.comments[0]?.url)
    expect(github.reactions).toEqual([])
  })

  it('then holds the lease on the comment, and writes nothing when the records already hold the change', async () => {
    const github = new MemoryGitHub()
    const { store } = storeOf(github)
    await store.write([add(A)])
    github.calls.length = 0
    await store.write([add(B)])
    const id = github.comments[0]?.id ?? 0
    // Under the lease, its own comment by id, which holds every record.
    expect(github.calls).toEqual(oneListingThenById(id))

    github.calls.length = 0
    await store.write([add(A)])
    expect(github.calls).toEqual([`${BOT} list`])
  })

  it('lists the comments once: under the lease it reads its own comment by id', async () => {
    const github = new MemoryGitHub()
    for (let index = 0; index < 300; index++) github.say('reviewer', `Comment ${index}`)
    await storeOf(github).store.write([add(A)])
    const id = github.comments.at(-1)?.id ?? 0
    await github.clock.advance(600_000)
    github.say('reviewer', 'Looks good')
    github.calls.length = 0
    const stored = await storeOf(github).store.write([add(B)])

    // Its own comment, which says it holds every record: nothing else is read.
    expect(github.calls).toEqual(oneListingThenById(id))
    expect(stored.records.map((item) => item.batchId)).toEqual([A, B])
  })

  it('finds, under the lease, a comment of ours another writer made after its listing', async () => {
    const github = new MemoryGitHub()
    for (let index = 0; index < 30; index++) github.say('reviewer', `Comment ${index}`)
    const { store } = storeOf(github)
    // The listing finds no comment of ours; another writer posts one before this one takes the lease.
    await store.read()
    await github.clock.advance(5000)
    await storeOf(github).store.write([add(A)])
    const stored = await store.write([add(B)])

    expect(stored.records.map((item) => item.batchId)).toEqual([A, B])
    expect(github.comments.filter((comment) => comment.author === BOT)).toHaveLength(1)
    expect(github.calls.filter((call) => call === `${BOT} list`)).toHaveLength(2)
  })

  it('loses nothing when a matrix of record steps writes at once', async () => {
    // Writers wait side by side: time moves to whatever is due next once every writer has gone as far as it can.
    const clock = new SimClock()
    const github = new MemoryGitHub({ clock })
    const writers = Promise.all(ids.slice(0, 8).map((batchId) => storeOf(github).store.write([add(batchId)])))
    await clock.run(10_000)
    await writers

    expect(recordedBy(github)).toEqual(ids.slice(0, 8).sort())
    expect(github.comments).toHaveLength(1)
    expect(github.reactions).toEqual([])
  })

  it('loses nothing when a write is applied seconds late while another writer runs', async () => {
    const github = new MemoryGitHub()
    await storeOf(github).store.write([add(A)])
    // The first writer's update lands 5 s after it was sent; meanwhile the second writer starts.
    github.holdNextWrite({ applyAfterMs: 5000 })
    const late = storeOf(github).store.write([add(B)])
    await settle()
    const meanwhile = storeOf(github).store.write([add(C)])
    await settle()
    await github.clock.advance(6000)
    await Promise.all([late, meanwhile])

    expect(recordedBy(github)).toEqual([A, B, C].sort())
  })

  it('keeps the lease of a write that timed out until it ends: the write that lands later is not overwritten', async () => {
    const github = new MemoryGitHub()
    await storeOf(github).store.write([add(A)])
    // Sent, given up on after 30 s, applied 5 s after that: the writer cannot know it landed.
    github.holdNextWrite({ applyAfterMs: 35_000, giveUpAfterMs: 30_000 })
    const timedOut = storeOf(github)
      .store.write([add(B)])
      .catch((error: Error) => error)
    await settle()
    const started = github.clock.now()
    const next = storeOf(github).store.write([add(C)])
    await settle()
    await github.clock.advance(36_000)
    expect(await timedOut).toEqual(new Error('no complete answer within 30 s (timeout)'))
    await next

    expect(recordedBy(github)).toEqual([A, B, C].sort())
    // The next writer waited for the timed-out writer's lease to end before writing.
    expect(github.clock.now() - started).toBeGreaterThanOrEqual(LEASE_MS - 40_000)
  })

  it('takes over the lease of a writer that died holding it, and waits for a live one', async () => {
    const github = new MemoryGitHub()
    await storeOf(github).store.write([add(A)])
    const id = github.comments[0]?.id ?? 0
    github.reactions.push({
      id: 900,
      target: `comment:${id}`,
      login: BOT,
      content: 'eyes',
      createdAt: github.clock.time - LEASE_MS - 2000
    })
    const started = github.clock.now()
    await storeOf(github).store.write([add(B)])
    expect(github.clock.now()).toBe(started)
    expect(recordedBy(github)).toEqual([A, B].sort())

    github.reactions.push({
      id: 901,
      target: `comment:${id}`,
      login: BOT,
      content: 'eyes',
      createdAt: github.clock.time - 1000
    })
    await storeOf(github).store.write([add(C)])
    expect(github.clock.now() - started).toBeGreaterThanOrEqual(LEASE_MS - 1000)
    expect(recordedBy(github)).toEqual([A, B, C].sort())
  })

  it('gives up, writing nothing, when the lease stays with others for longer than it waits', async () => {
    const github = new MemoryGitHub()
    await storeOf(github).store.write([add(A)])
    const id = github.comments[0]?.id ?? 0
    const before = github.comments[0]?.body
    // Another writer renews its lease (a new reaction) just before each would expire, for ever.
    let next = 902
    const renew = () => {
      github.reactions.splice(0, github.reactions.length, {
        id: next++,
        target: `comment:${id}`,
        login: BOT,
        content: 'eyes',
        createdAt: github.clock.time
      })
      github.clock.at(LEASE_MS - 5000, renew)
    }
    renew()
    await expect(storeOf(github).store.write([add(B)])).rejects.toThrow(LeaseUnavailable)
    expect(github.comments[0]?.body).toBe(before)
    expect(github.clock.now()).toBeGreaterThan(Date.parse('2026-12-01T10:00:00Z') + MAX_LEASE_WAIT_MS)
  })

  it('sends no write that could land after its lease, and starts again with a new one', async () => {
    const github = new MemoryGitHub()
    await storeOf(github).store.write([add(A)])
    // GitHub is slow: the listing under the lease takes most of it.
    let slow = true
    const api = github.as(BOT)
    const slowApi = {
      ...api,
      // The read under the lease (its own comment, by id) is slow.
      getComment: async (id: number) => {
        const comment = await api.getComment(id)
        if (github.reactions.length > 0 && slow) {
          slow = false
          await github.clock.advance(LEASE_MS - 20_000)
        }
        return comment
      }
    }
    const store = new RecordsStore(slowApi, 7, {
      viewer: BOT,
      warn: () => undefined,
      log: () => undefined,
      clock: github.clock
    })
    await store.write([add(B)])

    expect(github.calls.filter((call) => call.includes(' react comment'))).toHaveLength(2)
    expect(recordedBy(github)).toEqual([A, B].sort())
  })

  it('keeps a late record and the outcomes of a cleanup writing at the same moment', async () => {
    const github = new MemoryGitHub()
    await storeOf(github).store.write([add(A), add(B)])
    github.holdNextWrite({ applyAfterMs: 3000 })
    const cleanup = storeOf(github).store.write([cancelled(A), cancelled(B)])
    await settle()
    const lateRender = storeOf(github).store.write([add(C)])
    await settle()
    await github.clock.advance(4000)
    await Promise.all([cleanup, lateRender])

    const records = readRecordsPart(github.comments[0]?.body ?? '').records
    expect(records.map((item) => [item.batchId, item.cancel?.status])).toEqual([
      [A, 'cancelled'],
      [B, 'cancelled'],
      [C, undefined]
    ])
  })

  it('merges two first comments into the older and deletes only its own extra one', async () => {
    const github = new MemoryGitHub()
    github.say(BOT, commentBodies([record(A)])[0] ?? '')
    github.say(BOT, commentBodies([record(B)])[0] ?? '')
    const stranger = github.say('reviewer', 'Looks good')
    await storeOf(github).store.write([add(C)])

    expect(github.comments.map((comment) => comment.author)).toEqual([BOT, 'reviewer'])
    expect(github.comments[1]).toEqual(stranger)
    expect(recordedBy(github)).toEqual([A, B, C].sort())
  })
})

describe('writes GitHub answers with an error but may have applied', () => {
  it('looks for a posted comment GitHub made despite its error, and does not post it again', async () => {
    const github = new MemoryGitHub()
    github.beforeWrite = () => github.applyThenFail()
    const { store, lines } = storeOf(github)
    const started = github.clock.now()
    await store.write([add(A)])

    expect(github.calls).toEqual([
      `${BOT} list`,
      `${BOT} react issue:7`,
      `${BOT} list`,
      `${BOT} POST comment`,
      `${BOT} list`,
      `${BOT} unreact issue:7`
    ])
    // It looked only once the post could no longer land.
    expect(github.clock.now() - started).toBeGreaterThanOrEqual(APPLY_MARGIN_MS)
    expect(recordedBy(github)).toEqual([A])
    expect(lines).toEqual([
      `GitHub answered the post of a records comment on pull request #7 with HTTP 502 Bad Gateway, but had made it (${github.comments[0]?.url}): it is not posted again.`
    ])
  })

  it('finds its post though another step wrote to it before it looked', async () => {
    const github = new MemoryGitHub()
    github.beforeWrite = () => github.applyThenFail()
    // Another step, holding the lease on the new comment, merges a record of its own into it.
    github.clock.at(3000, () => {
      const [posted] = github.comments
      if (posted) posted.body = commentBodies([record(A), record(B)])[0] ?? ''
    })
    const { store, lines } = storeOf(github)
    await store.write([add(A)])

    expect(github.comments).toHaveLength(1)
    expect(recordedBy(github)).toEqual([A, B].sort())
    expect(lines).toEqual([expect.stringContaining('but had made it')])
  })

  it('posts it again when GitHub had not made it', async () => {
    const github = new MemoryGitHub()
    github.beforeWrite = () => github.failWithoutApplying()
    const { store, lines } = storeOf(github)
    await store.write([add(A)])

    expect(github.calls.filter((call) => call.endsWith('POST comment'))).toHaveLength(2)
    expect(github.comments).toHaveLength(1)
    expect(recordedBy(github)).toEqual([A])
    expect(lines).toEqual([
      'GitHub answered the post of a records comment on pull request #7 with HTTP 502 Bad Gateway, and had not made it: it is posted again.'
    ])
  })

  it('gives up, keeping the lease, when GitHub answers every post with an error and makes none', async () => {
    const github = new MemoryGitHub()
    github.beforeWrite = () => github.failWithoutApplying(MAX_COMMENT_POSTS)
    const outcome = await storeOf(github)
      .store.write([add(A)])
      .catch((error: Error) => error)

    expect(outcome).toEqual(expect.objectContaining({ name: 'WriteMayHaveLanded' }))
    expect(github.calls.filter((call) => call.endsWith('POST comment'))).toHaveLength(MAX_COMMENT_POSTS)
    expect(github.comments).toEqual([])
    expect(github.reactions).toHaveLength(1)
  })

  it('lets a write GitHub may have applied land before letting the lease go, when its retry no longer fits in the lease', async () => {
    const github = new MemoryGitHub()
    await storeOf(github).store.write([add(A)])
    const api = github.as(BOT)
    const at: Record<string, number> = {}
    let slow = true
    const timedApi = {
      ...api,
      // The listing under the first lease takes so long that only one attempt of the update fits.
      getComment: async (id: number) => {
        const comment = await api.getComment(id)
        if (github.reactions.length > 0 && slow) {
          slow = false
          await github.clock.advance(LEASE_MS - 40_500)
          github.beforeWrite = () => github.applyThenFail()
        }
        return comment
      },
      updateComment: (...args: Parameters<typeof api.updateComment>) => {
        at.update ??= github.clock.now()
        return api.updateComment(...args)
      },
      deleteReaction: (...args: Parameters<typeof api.deleteReaction>) => {
        at.release ??= github.clock.now()
        return api.deleteReaction(...args)
      }
    }
    const store = new RecordsStore(timedApi, 7, {
      viewer: BOT,
      warn: () => undefined,
      log: () => undefined,
      clock: github.clock
    })
    await store.write([add(B)])

    expect((at.release ?? 0) - (at.update ?? 0)).toBeGreaterThanOrEqual(APPLY_MARGIN_MS)
    // The update had landed: the next round finds the records hold the change, and writes nothing.
    expect(github.calls.filter((call) => call.includes('PATCH'))).toEqual([`${BOT} PATCH 2`])
    expect(recordedBy(github)).toEqual([A, B].sort())
  })
})

describe('comments of ours this version cannot read', () => {
  const broken = (body: string) => body.replace('"records":[[', '"records":[["not-a-batch",0,-1,1],[')
  const newer = (body: string) => body.replace('{"v":1,', '{"v":2,')

  it.each([
    ['an edit broke', broken, 'a record\'s batch id "not-a-batch" is not valid', undefined],
    [
      'a newer version wrote',
      newer,
      'a newer version of this action wrote it (records format 2; this version reads 1)',
      2
    ]
  ])(
    'keeps one %s as it is, puts the record elsewhere, and reports it',
    async (_what, spoil, problem, newerVersion) => {
      const github = new MemoryGitHub()
      const kept = github.say(BOT, spoil(commentBodies([record(A)])[0] ?? ''))
      const before = kept.body
      const stored = await storeOf(github).store.write([add(B)])

      expect(github.comments[0]?.body).toBe(before)
      expect(github.comments).toHaveLength(2)
      expect(stored.unreadable).toEqual([{ url: kept.url, problem, ...(newerVersion ? { newerVersion } : {}) }])
      expect(stored.records.map((item) => item.batchId)).toContain(B)
      expect(readRecordsPart(github.comments[1]?.body ?? '').records.map((item) => item.batchId)).toContain(B)
    }
  )
})

describe('size', () => {
  it('keeps 1,000 open records, and their outcomes, in comments GitHub accepts', async () => {
    const github = new MemoryGitHub()
    const many = Array.from({ length: 1000 }, (_, index) => `01KDVD${String(index).padStart(20, '0')}`)
    const { store } = storeOf(github)
    // Each its own commit and run: the least compact records there are.
    await store.write(
      many.map((batchId, index) => ({
        kind: 'record' as const,
        record: {
          ...record(batchId, index.toString(16).padStart(40, 'a')),
          runUrl: `https://github.com/acme/renders/actions/runs/${9_000_000_000 + index}`
        }
      }))
    )
    await store.write(many.slice(0, 220).map(cancelled))

    expect(github.comments.length).toBeGreaterThan(1)
    for (const comment of github.comments) expect(comment.body.length).toBeLessThanOrEqual(65_536)
    const read = await store.read()
    expect(read.records).toHaveLength(1000)
    expect(read.records.filter((item) => item.cancel)).toHaveLength(220)
    expect(github.comments[0]?.body).toContain('| … and 970 more |')
    expect(github.comments[0]?.body).toContain('1000 batches recorded: 780 open, 220 done.')
  })

  it('prunes done records, oldest first, rather than add a comment; never open ones', async () => {
    const github = new MemoryGitHub()
    const many = Array.from({ length: 1400 }, (_, index) => `01KDVD${String(index).padStart(20, '0')}`)
    const { store } = storeOf(github)
    await store.write(many.slice(0, 1300).map(add))
    const comments = github.comments.length
    await store.write(many.slice(0, 1200).map(cancelled))
    await store.write(many.slice(1300).map(add))

    const read = await store.read()
    expect(github.comments.length).toBe(comments)
    expect(read.records.filter((item) => !item.cancel).map((item) => item.batchId)).toEqual(many.slice(1200))
    expect(read.records.length).toBeLessThan(1400)
  })
})
