import { describe, expect, it } from '@jest/globals'
import { DEFAULT_RETRY_POLICY } from '../../src/http/retry-policy.js'
import type { HttpRequest } from '../../src/http/transport.js'
import { lookUpPullRequestBatches, recordCancelOutcomes } from '../../src/records/pull-request-batches.js'
import { readRecordsPart } from '../../src/records/records-format.js'
import { commentBodies } from '../../simulator/github/records-bodies.js'
import type { BatchRecord, RecordChange } from '../../src/records/records.js'
import { RecordsStore } from '../../src/records/records-store.js'
import { MemoryGitHub } from '../support/memory-github.js'
import { answered, failed, reply } from '../support/replies.js'

const record = (batchId: string): BatchRecord => ({
  batchId,
  commit: '1'.repeat(40),
  recordedAt: '2026-11-29T00:00:00.000Z'
})
const AT = new Date('2026-11-29T05:00:00.000Z')
const AT_SECOND = '2026-11-29T05:00:00Z'

function batches(records: BatchRecord[]) {
  const written: RecordChange[][] = []
  const store = {
    pullRequest: 7,
    write: async (changes: RecordChange[]) => (written.push(changes), { records, commentUrl: 'u' })
  }
  const value = { records, unreadable: [] }
  return { store: store as unknown as RecordsStore, value, written }
}

describe('recordCancelOutcomes', () => {
  it('makes an answered batch done, keeps a failed one open, and leaves one never sent as it was', async () => {
    const { store, value, written } = batches([record('A'), record('B'), record('C')])
    await recordCancelOutcomes(
      store,
      value,
      [
        answered({ batchId: 'A', reply: reply({ batchId: 'A', status: 'cancelled' }) }),
        failed('HTTP 500', 'B'),
        { ...failed('the run was cancelled before it was sent', 'C'), interruption: 'not attempted' },
        answered({ batchId: 'GIVEN-BY-ID' })
      ],
      AT
    )
    expect(written).toEqual([
      [
        { kind: 'cancelled', batchId: 'A', status: 'cancelled', at: AT_SECOND },
        { kind: 'cancel-failed', batchId: 'B', at: AT_SECOND }
      ]
    ])
  })

  it('keeps a recorded batch the API does not know open, and writes a repeated not-found nowhere', async () => {
    const before = { ...record('B'), failedAt: '2026-11-28T00:00:00Z' }
    const { store, value, written } = batches([record('A'), before])
    const notFound = (batchId: string) => ({
      ...failed('HTTP 404 Not Found: Batch not found', batchId),
      notFound: true as const
    })
    await recordCancelOutcomes(store, value, [notFound('A'), notFound('B')], AT)
    expect(written).toEqual([[{ kind: 'cancel-failed', batchId: 'A', at: AT_SECOND }]])
  })

  it('writes nothing when no recorded batch was sent', async () => {
    const { store, value, written } = batches([record('A')])
    expect(await recordCancelOutcomes(store, value, [answered({ batchId: 'OTHER' })], AT)).toBe(value)
    expect(written).toEqual([])
  })
})

describe('lookUpPullRequestBatches with only-superseded: the live head', () => {
  const OLD = '1'.repeat(40)
  const LIVE = '3'.repeat(40)
  const API = 'https://api.github.com'
  const json = (value: unknown) => ({
    kind: 'answer' as const,
    status: 200,
    statusText: 'OK',
    headers: {},
    body: Buffer.from(JSON.stringify(value))
  })

  it('is read from GitHub after the records, and only the records of other commits are cancelled', async () => {
    const sent: string[] = []
    const [body] = commentBodies([
      { ...record('01KDVDNA00E9NK47NS912KC35A'), commit: OLD },
      { ...record('01KDVDNA01E9NK47NS912KC35A'), commit: LIVE }
    ])
    const transport = async (request: HttpRequest) => {
      const path = new URL(request.url).pathname
      sent.push(`${request.method} ${path}`)
      if (path === '/graphql') return json({ data: { viewer: { login: 'github-actions[bot]' } } })
      if (path.endsWith('/issues/7/comments'))
        return json([
          {
            id: 1,
            body,
            user: { login: 'github-actions[bot]' },
            html_url: 'https://github.com/a/b/pull/7#issuecomment-1',
            issue_url: `${API}/repos/a/b/issues/7`,
            updated_at: '2026-11-29T00:00:00Z'
          }
        ])
      return json({ state: 'open', merged: false, head: { sha: LIVE } })
    }
    const { batches } = await lookUpPullRequestBatches({
      transport,
      token: 'ghs_x',
      apiUrl: API,
      repository: 'a/b',
      timeoutMs: 5000,
      warn: () => undefined,
      policy: DEFAULT_RETRY_POLICY,
      sleep: async () => undefined,
      random: () => 0.5,
      now: () => AT.getTime(),
      log: () => undefined,
      debug: () => undefined,
      pullRequest: 7,
      onlySuperseded: true
    })

    expect(sent).toEqual(['POST /graphql', 'GET /repos/a/b/issues/7/comments', 'GET /repos/a/b/pulls/7'])
    expect(batches.head).toBe(LIVE)
    expect(batches.toCancel.map((item) => item.commit)).toEqual([OLD])
    expect(batches.current.map((item) => item.commit)).toEqual([LIVE])
  })
})

describe('recordCancelOutcomes: the cleanup writes under the lease', () => {
  it('keeps a record a render step writes while the cleanup holds the lease', async () => {
    const BOT = 'github-actions[bot]'
    const github = new MemoryGitHub()
    const store = () =>
      new RecordsStore(github.as(BOT), 7, {
        viewer: BOT,
        warn: () => undefined,
        log: () => undefined,
        clock: github.clock
      })
    const A = '01KDVDNA00E9NK47NS912KC35A'
    const LATE = '01KDVDNA01E9NK47NS912KC35A'
    await store().write([{ kind: 'record', record: record(A) }])
    const cleanup = store()
    const stored = await cleanup.read()
    // The cleanup's write is applied 3 s late; the render step tries to record meanwhile.
    github.holdNextWrite({ applyAfterMs: 3000 })
    const outcomes = recordCancelOutcomes(
      cleanup,
      stored,
      [answered({ batchId: A, reply: reply({ batchId: A, status: 'cancelled' }) })],
      AT
    )
    for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve))
    const late = store().write([{ kind: 'record', record: record(LATE) }])
    for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve))
    await github.clock.advance(4000)
    await Promise.all([outcomes, late])

    const records = readRecordsPart(github.comments[0]?.body ?? '').records
    expect(records.map((item) => [item.batchId, item.cancel?.status])).toEqual([
      [A, 'cancelled'],
      [LATE, undefined]
    ])
  })
})
