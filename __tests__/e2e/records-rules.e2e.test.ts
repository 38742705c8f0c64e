/**
 * The rules of "How the records are kept" (docs/records.md), one block each, run as a runner runs the record
 * step and the cancel step, against the fake GitHub. Every run is also checked for token leaks.
 */
import { describe, expect, it } from '@jest/globals'
import { setTimeout as sleep } from 'node:timers/promises'
import { errorMessage, warnings } from '../../local-runner/run-action.js'
import { readRecordsPart } from '../../src/records/records-format.js'
import { commentBodies } from '../../simulator/github/records-bodies.js'
import type { BatchRecord } from '../../src/records/records.js'
import {
  APP_LOGIN,
  APP_TOKEN,
  HEAD,
  OLD_HEAD,
  PERSONAL_LOGIN,
  PERSONAL_TOKEN,
  PULL_REQUEST,
  pullRequestEvent,
  gitHubForEachTest
} from '../support/github-fixture.js'

const fixture = gitHubForEachTest()

const BOT = 'github-actions[bot]'
const PR = { 'pull-request': String(PULL_REQUEST) }
const closing = { event: pullRequestEvent(HEAD, 'closed') }
const cancelsSent = () =>
  fixture.simulator.requests.filter((request) => request.method === 'POST').map((request) => request.path.split('/')[4])
const commentsBy = (author: string) =>
  fixture.github.commentsOn(PULL_REQUEST).filter((comment) => comment.author === author)
const recordsOf = (author = BOT): BatchRecord[] =>
  commentsBy(author).flatMap((comment) => readRecordsPart(comment.body).records)
const stateOf = (batchId: string, author = BOT) => recordsOf(author).find((record) => record.batchId === batchId)
const record = (batchId: string, commit = HEAD): BatchRecord => ({
  batchId,
  commit,
  recordedAt: '2026-12-01T09:00:00Z'
})
const unknownBatch = (index: number) => `01KDVE${String(index).padStart(20, '0')}`

describe('1. whom the token acts as', () => {
  it('is learned for an app installation token, which GET /user refuses: its own comment is written and trusted', async () => {
    const { complete, partial } = fixture.batches
    const recorded = await fixture.record({ 'batch-id': complete, 'github-token': APP_TOKEN })
    const again = await fixture.record({ 'batch-id': partial, 'github-token': APP_TOKEN })
    const cleanup = await fixture.cancel({ ...PR, 'github-token': APP_TOKEN, strictness: 'lenient' }, closing)

    expect([recorded.exitCode, again.exitCode, cleanup.exitCode]).toEqual([0, 0, 0])
    expect(commentsBy(APP_LOGIN)).toHaveLength(1)
    expect(cancelsSent()).toEqual([complete, partial])
    expect(fixture.github.requests.some((request) => request.path === '/user')).toBe(false)
  })

  it('fails the step, writing nothing, when it cannot be learned', async () => {
    fixture.github.faults.serverErrors = { times: 99, status: 502 }
    const run = await fixture.record({ 'batch-id': fixture.batches.complete })

    expect(run.exitCode).toBe(1)
    expect(errorMessage(run)).toBe(
      'Finding whom the GitHub token acts as: HTTP 502: Server Error (gave up after 4 attempts)'
    )
    expect(fixture.github.requests.every((request) => request.path === '/graphql')).toBe(true)
  })
})

describe('2. which comment is ours', () => {
  it("leaves a personal token user's own note that mentions the marker as it is", async () => {
    const note = fixture.github.addComment(
      PULL_REQUEST,
      PERSONAL_LOGIN,
      'The cleanup reads the `<!-- nexrender-cancel-batch-action:records` comment; please do not edit it.'
    )
    const run = await fixture.record({ 'batch-id': fixture.batches.complete, 'github-token': PERSONAL_TOKEN })

    expect(run.exitCode).toBe(0)
    expect(fixture.github.comments.find((comment) => comment.id === note.id)?.body).toBe(note.body)
    expect(commentsBy(PERSONAL_LOGIN)).toHaveLength(2)
  })

  it('never trusts nor deletes another comment of the same bot that quotes a records comment', async () => {
    const { complete, otherTeam } = fixture.batches
    await fixture.record({ 'batch-id': complete })
    const quoted = `Welcome! This is what the render bot keeps:\n\n${(commentBodies([record(otherTeam)])[0] ?? '').replace(/^/gm, '> ')}`
    const inLog = `Build log:\n\`\`\`\n${commentBodies([record(otherTeam)])[0] ?? ''}\n\`\`\``
    const welcome = fixture.github.addComment(PULL_REQUEST, BOT, quoted)
    const log = fixture.github.addComment(PULL_REQUEST, BOT, inLog)
    const run = await fixture.cancel(PR, closing)

    expect(run.exitCode).toBe(0)
    expect(cancelsSent()).toEqual([complete])
    expect(
      fixture.github.comments.filter((comment) => [welcome.id, log.id].includes(comment.id)).map((c) => c.body)
    ).toEqual([quoted, inLog])
  })
})

describe('3. unreadable or newer records are kept and reported', () => {
  const beside = (row: string) => (body: string) => body.replace('"records":[[', `"records":[${row},[`)
  const spoil = {
    'a maintainer’s edit broke': beside('["TYPO",0,-1,1]'),
    'a path as a batch id spoiled': beside('["../../../../user",0,-1,1]'),
    // A time in microseconds once threw a RangeError: nothing was cancelled, and the record step failed.
    'a time in microseconds spoiled': beside(`["${unknownBatch(1)}",0,-1,1795917900000000]`),
    'a newer version wrote': (body: string) => body.replace('{"v":1,', '{"v":2,')
  }

  it.each(Object.entries(spoil))(
    'keeps a comment %s, records elsewhere, and the cleanup then fails naming it',
    async (what, change) => {
      const { complete, partial } = fixture.batches
      const kept = fixture.github.addComment(PULL_REQUEST, BOT, change(commentBodies([record(complete)])[0] ?? ''))
      const url = `https://github.com/acme/renders/pull/${PULL_REQUEST}#issuecomment-${kept.id}`
      const recorded = await fixture.record({ 'batch-id': partial })

      expect(recorded.exitCode).toBe(0)
      expect(warnings(recorded).join('\n')).toContain(`The records comment ${url}`)
      expect(fixture.github.comments.find((comment) => comment.id === kept.id)?.body).toBe(kept.body)
      expect(stateOf(partial)).toBeDefined()

      const cleanup = await fixture.cancel({ ...PR, strictness: 'off' }, closing)
      expect(cleanup.exitCode).toBe(1)
      expect(fixture.github.comments.find((comment) => comment.id === kept.id)?.body).toBe(kept.body)
      // What could be read was cancelled: all of the broken one but its bad record; nothing of the newer one.
      expect(cancelsSent()).toEqual(what === 'a newer version wrote' ? [partial] : [complete, partial])
      expect(errorMessage(cleanup)).toContain(
        `Pull request #${PULL_REQUEST} has 1 records comment this step cannot read in full; what it could read was cancelled, the rest was not:`
      )
      expect(errorMessage(cleanup)).toContain(`- ${url}: `)
      expect(cleanup.summary).toContain('fails: a records comment of the pull request could not be read')
      expect(fixture.simulator.requests.filter((request) => /\.\.|user/.test(request.path))).toEqual([])
    }
  )
})

describe('4. nothing lost under any interleaving', () => {
  it('keeps both records when a write is held back and another record step runs meanwhile', async () => {
    const { complete, partial, unchanged } = fixture.batches
    await fixture.record({ 'batch-id': complete })
    const held = fixture.github.holdNextWrite('PATCH')
    const first = fixture.record({ 'batch-id': partial })
    const write = await held
    const second = fixture.record({ 'batch-id': unchanged })
    // The second step waits for the lease the first one holds while its write is held back.
    await sleep(800)
    expect(fixture.github.requests.filter((request) => request.method === 'PATCH')).toHaveLength(1)
    write.release()
    const runs = await Promise.all([first, second])

    expect(runs.map((run) => run.exitCode)).toEqual([0, 0])
    expect(
      recordsOf()
        .map((item) => item.batchId)
        .sort()
    ).toEqual([complete, partial, unchanged].sort())
    expect(commentsBy(BOT)).toHaveLength(1)
    expect(fixture.github.reactions).toEqual([])
  })

  it('keeps a late render’s record while the cleanup writes its outcomes', async () => {
    const { complete, partial } = fixture.batches
    await fixture.record({ 'batch-id': complete })
    const held = fixture.github.holdNextWrite('PATCH')
    const cleanup = fixture.cancel(PR, closing)
    const write = await held
    const lateRender = fixture.record({ 'batch-id': partial })
    await sleep(500)
    write.release()
    const [cleaned, late] = await Promise.all([cleanup, lateRender])

    expect([cleaned.exitCode, late.exitCode]).toEqual([0, 0])
    expect(stateOf(complete)?.cancel?.status).toBe('cancelled')
    expect(stateOf(partial)).toMatchObject({ batchId: partial })
    expect(stateOf(partial)?.cancel).toBeUndefined()
  })

  it('makes one comment when a matrix records at once on a new pull request', async () => {
    const ids = [fixture.batches.complete, fixture.batches.partial, fixture.batches.unchanged, unknownBatch(1)]
    const runs = await Promise.all(ids.map((batchId) => fixture.record({ 'batch-id': batchId })))

    expect(runs.map((run) => run.exitCode)).toEqual([0, 0, 0, 0])
    expect(commentsBy(BOT)).toHaveLength(1)
    expect(
      recordsOf()
        .map((item) => item.batchId)
        .sort()
    ).toEqual([...ids].sort())
  })

  const eightBatches = Array.from({ length: 8 }, (_, index) => unknownBatch(100 + index))
  /** Eight record steps that all read the comments at once, then all want the lease. */
  const eightAtOnce = async () => {
    fixture.github.faults.holdListings = 8
    return Promise.all(eightBatches.map((batchId) => fixture.record({ 'batch-id': batchId })))
  }

  it.each([
    ['10 minutes ahead', { skewMs: 600_000 }],
    ['10 minutes behind', { skewMs: -600_000 }],
    ['left out', 'omitted' as const]
  ])('records every batch of 8 record steps at once when GitHub’s Date header is %s', async (_skew, date) => {
    await fixture.record({ 'batch-id': fixture.batches.complete })
    fixture.github.faults.date = date
    const runs = await eightAtOnce()

    expect(runs.map((run) => run.exitCode)).toEqual(eightBatches.map(() => 0))
    expect(
      recordsOf()
        .map((item) => item.batchId)
        .sort()
    ).toEqual([fixture.batches.complete, ...eightBatches].sort())
    expect(commentsBy(BOT)).toHaveLength(1)
    expect(fixture.github.reactions).toEqual([])
    // Whoever waited said for whom, and for how long at most.
    expect(runs.map((run) => run.stdout).join('\n')).toMatch(
      /Waiting for the lease on the records comment \S+, held by another step acting as github-actions\[bot\] \(a 👀, reaction \d+, made [^)]+\): at most \d+ s until it runs out, and \d+ s in all\./
    )
  })

  it('removes and takes the lease of a step that died holding it (a 👀 older than a lease lives)', async () => {
    const { complete, partial } = fixture.batches
    await fixture.record({ 'batch-id': complete })
    const [comment] = commentsBy(BOT)
    fixture.github.reactions.push({
      id: 1,
      target: `comment:${comment?.id}`,
      content: 'eyes',
      login: BOT,
      createdAt: Date.now() - 3 * 60_000
    })
    const run = await fixture.record({ 'batch-id': partial })

    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain('(a 👀 of github-actions[bot], reaction 1, made ')
    expect(run.stdout).toContain(
      'is older than a lease lives: its holder stopped without releasing it, so it is removed and taken.'
    )
    expect(stateOf(partial)).toBeDefined()
    expect(fixture.github.reactions).toEqual([])
  })

  it('keeps one comment when GitHub made the records comment but answered its post with a 502', async () => {
    fixture.github.faults.appliedServerErrors = { times: 1, only: 'comments' }
    const run = await fixture.record({ 'batch-id': fixture.batches.complete })

    expect(run.exitCode).toBe(0)
    expect(commentsBy(BOT)).toHaveLength(1)
    expect(
      fixture.github.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/comments'))
    ).toHaveLength(1)
    expect(run.stdout).toMatch(
      /GitHub answered the post of a records comment on pull request #7 with HTTP 502 Bad Gateway, but had made it \(\S+\): it is not posted again\./
    )
    expect(stateOf(fixture.batches.complete)).toBeDefined()
  })

  it('waits, saying so, for a 👀 GitHub made although it answered the step’s request with a 502: it cannot tell it from another step’s', async () => {
    await fixture.record({ 'batch-id': fixture.batches.complete })
    fixture.github.faults.appliedServerErrors = { times: 1, only: 'reactions' }
    const leaseRequests = () =>
      fixture.github.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/reactions'))
        .length
    const recording = fixture.record({ 'batch-id': fixture.batches.partial })
    // Its request, the retry, then polls: once it polls, the 👀 goes, as if another step released it.
    for (let tries = 0; tries < 500 && leaseRequests() < 3; tries++) await sleep(20)
    fixture.github.reactions.splice(0)
    const run = await recording

    expect(run.exitCode).toBe(0)
    expect(run.stdout).toMatch(
      /GitHub answered this step's request for the lease on the records comment \S+ with an error, and the 👀 of github-actions\[bot\] it then found \(reaction \d+, made [^)]+\) may be the one that request made or another step's: it cannot tell, so it waits as for another step's lease: at most \d+ s until it runs out, and \d+ s in all\./
    )
    expect(stateOf(fixture.batches.partial)).toBeDefined()
    expect(fixture.github.reactions).toEqual([])
  })

  it('in a dry run takes no lease and writes nothing', async () => {
    await fixture.record({ 'batch-id': fixture.batches.complete })
    const before = fixture.github.requests.length
    await fixture.cancel({ ...PR, 'dry-run': 'true' }, closing)
    const during = fixture.github.requests.slice(before)
    expect(during.filter((request) => request.method !== 'GET' && request.path !== '/graphql')).toEqual([])
  })
})

describe('5. a closed pull request', () => {
  it('fails the record step on a closed pull request, keeping the record for the sweep', async () => {
    fixture.github.pullRequests.set(PULL_REQUEST, { head: HEAD, state: 'closed', merged: true })
    const run = await fixture.record({ 'batch-id': fixture.batches.complete })

    expect(run.exitCode).toBe(1)
    expect(errorMessage(run)).toBe(
      `Pull request #${PULL_REQUEST} is merged, and its cleanup may have run before ${fixture.batches.complete} was recorded, so nothing may cancel it: ` +
        "this step fails so that the job's guard (its post step runs when the job fails) cancels the render. The records stay, so the scheduled sweep finds them too."
    )
    expect(stateOf(fixture.batches.complete)).toBeDefined()
  })

  it('fails the record step when the pull request closes while it writes', async () => {
    await fixture.record({ 'batch-id': fixture.batches.complete })
    const held = fixture.github.holdNextWrite('PATCH')
    const recording = fixture.record({ 'batch-id': fixture.batches.partial })
    const write = await held
    fixture.github.pullRequests.set(PULL_REQUEST, { head: HEAD, state: 'closed' })
    write.release()
    const run = await recording

    expect(run.exitCode).toBe(1)
    expect(errorMessage(run)).toMatch(
      new RegExp(`^Pull request #${PULL_REQUEST} is closed, and its cleanup may have run`)
    )
  })

  it('passes when the cleanup already cancelled the batch it records', async () => {
    const { complete } = fixture.batches
    await fixture.record({ 'batch-id': complete })
    fixture.github.pullRequests.set(PULL_REQUEST, { head: HEAD, state: 'closed' })
    await fixture.cancel(PR, closing)
    const rerun = await fixture.record({ 'batch-id': complete })

    expect(stateOf(complete)?.cancel?.status).toBe('cancelled')
    expect(rerun.exitCode).toBe(0)
  })
})

describe('6. no record ever dropped for size', () => {
  it('records on, cancels and writes back the outcomes of a pull request with 1,000 open records', async () => {
    const many = Array.from({ length: 999 }, (_, index) => ({
      ...record(unknownBatch(index), index.toString(16).padStart(40, 'a')),
      runUrl: `https://github.com/acme/renders/actions/runs/${8_000_000_000 + index}`
    }))
    for (const body of commentBodies(many)) fixture.github.addComment(PULL_REQUEST, BOT, body)
    // Recorded batches existed when they were recorded: the API knows them (here with nothing left to cancel).
    for (const { batchId } of many) fixture.simulator.state.batches.set(batchId, { id: batchId, jobIds: [] })
    const recorded = await fixture.record({ 'batch-id': fixture.batches.complete })
    const cleanup = await fixture.cancel({ ...PR, strictness: 'off' }, closing)

    expect([recorded.exitCode, cleanup.exitCode]).toEqual([0, 0])
    expect(cancelsSent()).toHaveLength(1000)
    const comments = commentsBy(BOT)
    expect(comments.length).toBeGreaterThan(1)
    for (const comment of comments) expect(comment.body.length).toBeLessThanOrEqual(65_536)
    expect(recordsOf()).toHaveLength(1000)
    expect(recordsOf().every((item) => item.cancel)).toBe(true)
    expect(comments[0]?.body).toContain('1000 batches recorded: 0 open, 1000 done.')
  })
})

describe('7. superseded means not the live head', () => {
  it('a late synchronize run of an older push never cancels the newest push’s render', async () => {
    const { complete, partial } = fixture.batches
    await fixture.record({ 'batch-id': complete }, OLD_HEAD)
    await fixture.record({ 'batch-id': partial }, HEAD)
    // The run of the older push starts late: its event still says OLD_HEAD; GitHub's head is HEAD.
    const late = await fixture.cancel({ ...PR, 'only-superseded': 'true' }, { event: pullRequestEvent(OLD_HEAD) })

    expect(late.exitCode).toBe(0)
    expect(cancelsSent()).toEqual([complete])
    expect(late.stdout).toContain(`the current head is ${HEAD.slice(0, 7)}; left rendering: ${partial}`)
  })
})

describe('8. recording by hand', () => {
  it('records the pull request’s live head when no commit is given outside a pull_request event', async () => {
    const run = await fixture.record({ 'batch-id': fixture.batches.complete, ...PR }, HEAD, {
      event: { name: 'workflow_dispatch', payload: {} }
    })
    expect(run.exitCode).toBe(0)
    expect(stateOf(fixture.batches.complete)?.commit).toBe(HEAD)
  })
})

describe("9. GitHub's limits", () => {
  it('waits out a secondary rate limit as GitHub asks', async () => {
    fixture.github.faults.secondaryRateLimit = { times: 1, retryAfter: '3' }
    const run = await fixture.record({ 'batch-id': fixture.batches.complete })

    expect(run.exitCode).toBe(0)
    expect(run.stdout).toMatch(
      /GitHub POST \/repos\/acme\/renders\/issues\/7\/reactions: GitHub's secondary rate limit; waiting 3\.0 s as asked/
    )
  })

  it('fails with when a used-up limit resets, if that is beyond the wait', async () => {
    const resetAt = Date.now() + 3_600_000
    fixture.github.faults.primaryRateLimit = { times: 1, resetAt }
    const run = await fixture.record({ 'batch-id': fixture.batches.complete })

    expect(run.exitCode).toBe(1)
    expect(errorMessage(run)).toContain(
      `the token's GitHub API rate limit is used up until ${new Date(resetAt).toISOString().slice(0, 16).replace('T', ' ')} UTC`
    )
  })

  it('says a locked conversation is locked, with no advice about permissions', async () => {
    fixture.github.pullRequests.set(PULL_REQUEST, { head: HEAD, locked: true })
    const run = await fixture.record({ 'batch-id': fixture.batches.complete })

    expect(run.exitCode).toBe(1)
    expect(errorMessage(run)).toContain("the pull request's conversation is locked, and GitHub refuses to write in it")
    expect(errorMessage(run)).not.toContain('permissions')
  })
})
