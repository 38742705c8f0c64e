import { describe, expect, it } from '@jest/globals'
import { errorMessage, warnings } from '../../local-runner/run-action.js'
import { readRecordsPart } from '../../src/records/records-format.js'
import {
  HEAD,
  OLD_HEAD,
  PERSONAL_LOGIN,
  PERSONAL_TOKEN,
  PULL_REQUEST,
  READ_ONLY_TOKEN,
  gitHubForEachTest
} from '../support/github-fixture.js'

const fixture = gitHubForEachTest()

describe('the record step', () => {
  it("creates the pull request's one comment on the first record: a table for people, the records hidden", async () => {
    const { complete } = fixture.batches
    const run = await fixture.record({ 'batch-id': complete.toLowerCase() })

    expect(run.exitCode).toBe(0)
    const [comment, ...others] = fixture.botComments()
    expect(others).toEqual([])
    expect(comment).toContain('### Nexrender renders of this pull request')
    expect(comment).toContain(
      `| \`${complete}\` | \`${HEAD.slice(0, 7)}\` | [run](https://github.com/acme/renders/actions/runs/4242) |`
    )
    expect(readRecordsPart(comment ?? '').records).toEqual([
      {
        batchId: complete,
        commit: HEAD,
        runUrl: 'https://github.com/acme/renders/actions/runs/4242',
        recordedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/)
      }
    ])
    expect(run.outputs['recorded-batch-ids']).toBe(JSON.stringify([complete]))
    expect(run.outputs['comment-url']).toMatch(
      new RegExp(`^https://github\\.com/acme/renders/pull/${PULL_REQUEST}#issuecomment-\\d+$`)
    )
    expect(run.stdout).toContain(`Recorded ${complete} on pull request #${PULL_REQUEST} for commit ${HEAD.slice(0, 7)}`)
    expect(run.summary).toContain(`## Nexrender batches recorded on pull request #${PULL_REQUEST}`)
  })

  it('updates the same comment after, and keeps one record of a batch recorded twice', async () => {
    const { complete, partial } = fixture.batches
    await fixture.record({ 'batch-id': complete }, OLD_HEAD)
    await fixture.record({ 'batch-id': complete }, HEAD)
    const run = await fixture.record({ 'batch-id': partial }, HEAD)

    expect(fixture.botComments()).toHaveLength(1)
    const records = readRecordsPart(fixture.botComments()[0] ?? '').records
    expect(records.map((record) => [record.batchId, record.commit])).toEqual([
      [complete, OLD_HEAD],
      [partial, HEAD]
    ])
    expect(JSON.parse(run.outputs['recorded-batch-ids'] ?? '')).toEqual([complete, partial])
  })

  it('loses nothing when two record steps run at once, and makes one comment', async () => {
    const { complete, partial } = fixture.batches
    // Both read the pull request before either writes: one takes the lease and creates the comment, the other waits.
    fixture.github.faults.holdListings = 2
    const runs = await Promise.all([fixture.record({ 'batch-id': complete }), fixture.record({ 'batch-id': partial })])

    expect(runs.map((run) => run.exitCode)).toEqual([0, 0])
    const created = fixture.github.requests.filter(
      (request) => request.method === 'POST' && request.path.endsWith('/comments')
    )
    expect(created).toHaveLength(1)
    expect(fixture.github.reactions).toEqual([])
    expect(fixture.botComments()).toHaveLength(1)
    expect(
      readRecordsPart(fixture.botComments()[0] ?? '')
        .records.map((record) => record.batchId)
        .sort()
    ).toEqual([complete, partial].sort())
  })

  it("ignores a stranger's comment that copies the marker, naming its author, and keeps a comment of its own", async () => {
    const { complete, otherTeam } = fixture.batches
    await fixture.record({ 'batch-id': complete })
    const copy = (fixture.botComments()[0] ?? '').replace(complete, otherTeam)
    fixture.github.addComment(PULL_REQUEST, 'mallory', copy)
    const run = await fixture.record({ 'batch-id': fixture.batches.partial })

    expect(warnings(run).join('\n')).toContain('Ignored a comment by mallory')
    expect(JSON.parse(run.outputs['recorded-batch-ids'] ?? '')).toEqual([complete, fixture.batches.partial])
  })

  it("trusts the token's own user with a personal token", async () => {
    const run = await fixture.record({ 'batch-id': fixture.batches.complete, 'github-token': PERSONAL_TOKEN })
    expect(run.exitCode).toBe(0)
    expect(fixture.github.commentsOn(PULL_REQUEST).map((comment) => comment.author)).toEqual([PERSONAL_LOGIN])
  })

  it('needs a pull request outside pull_request events', async () => {
    const run = await fixture.record({ 'batch-id': fixture.batches.complete }, HEAD, {
      event: { name: 'push', payload: {} }
    })
    expect(run.exitCode).toBe(1)
    expect(errorMessage(run)).toMatch(
      /^Input 'pull-request' is required here: the push event is not about a pull request/
    )
    expect(fixture.github.requests).toEqual([])
  })

  it('says first that a pull request that does not exist may be the wrong number', async () => {
    const run = await fixture.record(
      { 'batch-id': fixture.batches.complete, 'pull-request': '999', commit: HEAD },
      HEAD,
      { event: { name: 'workflow_dispatch', payload: {} } }
    )
    expect(run.exitCode).toBe(1)
    expect(errorMessage(run)).toMatch(
      /^Writing the records comment of pull request #999: HTTP 404: Not Found\. Check that the pull request exists in this repository/
    )
    expect(fixture.github.comments).toEqual([])
  })

  it('takes pull-request and commit as given, for workflow_dispatch', async () => {
    const commit = 'ABCDEF'.toLowerCase().padEnd(40, '0')
    const run = await fixture.record(
      { 'batch-id': fixture.batches.complete, 'pull-request': String(PULL_REQUEST), commit },
      HEAD,
      { event: { name: 'workflow_dispatch', payload: {} } }
    )
    expect(run.exitCode).toBe(0)
    expect(readRecordsPart(fixture.botComments()[0] ?? '').records[0]?.commit).toBe(commit)
  })

  it('says which permission it needs when GitHub refuses the write', async () => {
    const run = await fixture.record({ 'batch-id': fixture.batches.complete, 'github-token': READ_ONLY_TOKEN })

    expect(run.exitCode).toBe(1)
    const message = errorMessage(run)
    expect(message).toContain(
      `Writing the records comment of pull request #${PULL_REQUEST}: HTTP 403: Resource not accessible by integration.`
    )
    expect(message).toContain('needs pull-requests: write (or issues: write)')
    expect(message).toContain('permissions:\n  pull-requests: write')
  })

  it('retries GitHub when it is briefly down', async () => {
    fixture.github.faults.serverErrors = { times: 2, status: 503, retryAfter: '1' }
    const run = await fixture.record({ 'batch-id': fixture.batches.complete })
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toMatch(/GitHub POST \/graphql: attempt 1 of 4 failed \(HTTP 503 Service Unavailable\)/)
  })

  it('on SIGINT, ends within the grace its requests get, and says its batches may not be recorded', async () => {
    // The lease's reaction is neither applied nor answered: the step is cancelled while it waits.
    const held = fixture.github.holdNextWrite('POST')
    const run = await fixture.record({ 'batch-id': fixture.batches.complete }, HEAD, {
      signal: { when: /::add-mask::/, send: 'SIGINT' }
    })
    void held.then((write) => write.release())

    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain('Received SIGINT: the run is being cancelled.')
    expect(errorMessage(run)).toMatch(/^The run was cancelled \(SIGINT\) while this step recorded: /)
    expect(run.summary).toContain(`\`${fixture.batches.complete}\` may not be recorded`)
    // Reported well before the runner's SIGTERM, 7.5 s after the SIGINT.
    expect(run.exitAfterSignalMs).toBeLessThan(7500)
  })
})
