import { describe, expect, it } from '@jest/globals'
import type { GitHubApi, IssueComment } from '../../src/github/github-api.js'
import { parseRecordsComment, renderRecordsComment } from '../../src/records/records-comment.js'
import type { BatchRecord, RecordChange } from '../../src/records/records.js'
import { MAX_WRITE_TRIES, RecordsStore } from '../../src/records/records-store.js'

const BOT = 'github-actions[bot]'
const A = '01KDVDNA01E9NK47NS912KC35A'
const B = '01KDVDNA07TXH63FZT7APV6KX1'
const record = (batchId: string): BatchRecord => ({
  batchId,
  commit: '1'.repeat(40),
  recordedAt: '2026-11-29T00:00:00.000Z'
})
const add = (batchId: string): RecordChange => ({ kind: 'record', record: record(batchId) })

/** Pull request comments in memory; `onWrite` plays another step writing in between. */
function memoryGitHub(onWrite: () => void = () => undefined) {
  const comments: IssueComment[] = []
  let nextId = 1
  const calls: string[] = []
  const api: GitHubApi = {
    tokenLogin: async () => undefined,
    listComments: async () => (calls.push('list'), comments.map((comment) => ({ ...comment }))),
    createComment: async (_pullRequest, body) => {
      calls.push('create')
      onWrite()
      const comment = { id: nextId++, body, author: BOT, url: `https://github.com/x/y/pull/7#c${nextId}` }
      comments.push(comment)
      return comment
    },
    updateComment: async (id, body) => {
      calls.push(`update ${id}`)
      onWrite()
      const comment = comments.find((candidate) => candidate.id === id)
      if (!comment) throw Object.assign(new Error('Not Found'), { status: 404 })
      comment.body = body
      return comment
    },
    deleteComment: async (id) => {
      calls.push(`delete ${id}`)
      const index = comments.findIndex((comment) => comment.id === id)
      if (index === -1) throw Object.assign(new Error('Not Found'), { status: 404 })
      comments.splice(index, 1)
    },
    pullRequestHead: async () => '2'.repeat(40)
  }
  const say = (author: string, records: BatchRecord[]) =>
    comments.push({
      id: nextId++,
      body: renderRecordsComment(records),
      author,
      url: `https://github.com/x/y/pull/7#c${nextId}`
    })
  return { api, comments, calls, say }
}

function store(api: GitHubApi) {
  const warnings: string[] = []
  const sleeps: number[] = []
  const instance = new RecordsStore(api, 7, {
    trustedLogin: BOT,
    warn: (message) => warnings.push(message),
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5
  })
  return { instance, warnings, sleeps }
}

describe('RecordsStore', () => {
  it('reads only the trusted login’s comments, and warns once about a look-alike, naming its author', async () => {
    const github = memoryGitHub()
    github.say('mallory', [record(B)])
    github.say(BOT, [record(A)])
    const { instance, warnings } = store(github.api)

    expect((await instance.read()).records).toEqual([record(A)])
    await instance.read()
    expect(warnings).toEqual([expect.stringContaining('Ignored a comment by mallory on pull request #7')])
  })

  it('creates the comment on the first write, then reads it back until it holds the change', async () => {
    const github = memoryGitHub()
    const stored = await store(github.api).instance.write([add(A)])

    expect(github.calls).toEqual(['list', 'create', 'list'])
    expect(stored.records).toEqual([record(A)])
    expect(stored.commentUrl).toBe(github.comments[0]?.url)
  })

  it('writes nothing when the comment already holds the change', async () => {
    const github = memoryGitHub()
    github.say(BOT, [record(A)])
    await store(github.api).instance.write([add(A)])
    expect(github.calls).toEqual(['list'])
  })

  it('merges extra comments of its own into the oldest and deletes them', async () => {
    const github = memoryGitHub()
    github.say(BOT, [record(A)])
    github.say(BOT, [record(B)])
    const stored = await store(github.api).instance.write([add(A)])

    expect(github.calls).toEqual(['list', 'update 1', 'delete 2', 'list'])
    expect(stored.records.map((item) => item.batchId)).toEqual([A, B])
    expect(github.comments).toHaveLength(1)
  })

  it("writes again when another step's write took its change away", async () => {
    let overwrites = 1
    const github = memoryGitHub(() => {
      // Another step, working from an older read, writes over ours once.
      if (overwrites-- > 0)
        queueMicrotask(() => github.comments[0] && (github.comments[0].body = renderRecordsComment([record(B)])))
    })
    github.say(BOT, [record(B)])
    const { instance, sleeps } = store(github.api)
    const stored = await instance.write([add(A)])

    expect(stored.records.map((item) => item.batchId).sort()).toEqual([A, B].sort())
    expect(github.calls.filter((call) => call.startsWith('update'))).toHaveLength(2)
    expect(sleeps.every((ms) => ms >= 50 && ms < 250)).toBe(true)
  })

  it('gives up after a bounded number of tries, saying so', async () => {
    const github = memoryGitHub(() =>
      queueMicrotask(() => github.comments[0] && (github.comments[0].body = renderRecordsComment([])))
    )
    github.say(BOT, [])
    await expect(store(github.api).instance.write([add(A)])).rejects.toThrow(
      `the records comment of pull request #7 kept changing: after ${MAX_WRITE_TRIES} tries it still did not hold this step's changes`
    )
  })

  it('warns about a record it cannot read, and keeps the rest', async () => {
    const github = memoryGitHub()
    github.say(BOT, [record(A)])
    const comment = github.comments[0] as IssueComment
    comment.body = comment.body.replace('"records":[', '"records":[{"batchId":"nope"},')
    const { instance, warnings } = store(github.api)

    expect(parseRecordsComment(comment.body).records).toEqual([record(A)])
    expect((await instance.read()).records).toEqual([record(A)])
    expect(warnings).toEqual([
      expect.stringContaining(`a record's batch id "nope" is not a valid batch id; that part is ignored`)
    ])
  })
})
