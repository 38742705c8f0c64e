/** The sweep's listing of a repository's comments, against the fake GitHub as it pages, while others write. */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { createGitHubClient } from '../../src/github/github-client.js'
import { restGitHubApi } from '../../src/github/rest-github-api.js'
import { createHttpTransport } from '../../src/http/http-transport.js'
import { DEFAULT_RETRY_POLICY } from '../../src/http/retry-policy.js'
import { redactor } from '../../src/helpers/redact.js'
import { startFakeGitHub, type RunningFakeGitHub } from '../../simulator/github/server.js'

const SINCE = '2026-03-01T00:00:00Z'
const IN_WINDOW = Date.parse(SINCE) + 60_000
let github: RunningFakeGitHub
beforeEach(async () => {
  github = await startFakeGitHub({ tokens: { app: { login: 'github-actions[bot]', kind: 'app' } }, pullRequests: {} })
})
afterEach(() => github.close())

function api() {
  const client = createGitHubClient({
    transport: createHttpTransport('test', redactor('app')),
    token: 'app',
    apiUrl: github.apiUrl,
    timeoutMs: 5000,
    policy: { ...DEFAULT_RETRY_POLICY, retries: 0 },
    sleep: async () => undefined,
    random: () => 0.5,
    now: Date.now,
    log: () => undefined,
    debug: () => undefined
  })
  return restGitHubApi(client, 'acme/renders')
}

/** 150 comments in the window (two pages of 100), the first of them created before `before`, if given. */
function comments(before?: number) {
  const early = before === undefined ? [] : [github.addComment(1, 'someone', 'old', 'acme/renders', before)]
  const listed = Array.from({ length: 150 }, (_, index) =>
    github.addComment(2 + index, 'someone', `c${index}`, 'acme/renders', IN_WINDOW + index)
  )
  return { early: early[0], listed }
}

describe("a repository's comments, listed while other writers update them", () => {
  it('lists each comment once when one already read is updated before the next page', async () => {
    const { listed } = comments()
    github.faults.updateWhileListing = { commentId: listed[0]!.id, afterPages: 1 }
    const ids = (await api().listRepositoryComments(SINCE)).map((comment) => comment.id)
    expect(ids).toEqual(listed.map((comment) => comment.id))
  })

  it('lists each comment once when one updated into the window meanwhile pushes the rest back a place', async () => {
    // Created before all the others, it enters on the first page, already read: the next run's window
    // holds it, as it was just updated. Sorted by update, an untouched comment could slip instead, and
    // fall out of the window before the next run.
    const { early, listed } = comments(Date.parse(SINCE) - 60_000)
    github.faults.updateWhileListing = { commentId: early!.id, afterPages: 1 }
    const ids = (await api().listRepositoryComments(SINCE)).map((comment) => comment.id)
    expect(ids).toEqual(listed.map((comment) => comment.id))
  })
})
