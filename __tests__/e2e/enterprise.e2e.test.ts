/** GitHub Enterprise Server: REST under /api/v3, GraphQL at /api/graphql, both used by every step that reads records. */
import { describe, expect, it } from '@jest/globals'
import { readRecordsPart } from '../../src/records/records-format.js'
import { eachTest } from '../support/each-test.js'
import { HEAD, OLD_HEAD, PULL_REQUEST, pullRequestEvent, startGitHubFixture } from '../support/github-fixture.js'

const fixture = eachTest(
  () => startGitHubFixture(undefined, { enterprise: true }),
  (started) => started.close()
)

describe('on GitHub Enterprise Server, through GITHUB_API_URL as its runners set it', () => {
  it('records, cleans up and sweeps through /api/v3 and /api/graphql only', async () => {
    const { complete, partial } = fixture.batches
    expect(fixture.github.apiUrl).toMatch(/\/api\/v3$/)
    const recorded = [
      await fixture.record({ 'batch-id': complete }, OLD_HEAD),
      await fixture.record({ 'batch-id': partial }, HEAD)
    ]
    const superseded = await fixture.cancel(
      { 'pull-request': String(PULL_REQUEST), 'only-superseded': 'true' },
      { event: pullRequestEvent(HEAD) }
    )
    fixture.github.pullRequests.set(PULL_REQUEST, { head: HEAD, state: 'closed' })
    const swept = await fixture.cancel(
      { sweep: 'closed', strictness: 'lenient' },
      { event: { name: 'schedule', payload: {} } }
    )

    for (const run of [...recorded, superseded, swept])
      expect({ exitCode: run.exitCode, error: run.stderr }).toMatchObject({ exitCode: 0 })
    const records = readRecordsPart(fixture.botComments()[0] ?? '').records
    expect(records.map((record) => [record.batchId, record.cancel?.status])).toEqual([
      [complete, 'cancelled'],
      [partial, 'partial']
    ])
    const paths = fixture.github.requests.map((request) => request.path)
    expect(paths.filter((path) => !/^\/api\/(v3\/|graphql$)/.test(path))).toEqual([])
    expect(paths).toContain('/api/graphql')
  })
})
