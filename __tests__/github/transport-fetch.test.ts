import { describe, expect, it } from '@jest/globals'
import { DEFAULT_RETRY_POLICY } from '../../src/http/retry-policy.js'
import type { AttemptOutcome, HttpRequest } from '../../src/http/transport.js'
import {
  ATTEMPTS_HEADER,
  fetchOverTransport,
  GitHubUnreachable,
  MAX_GITHUB_REPLY_BYTES
} from '../../src/github/transport-fetch.js'

function fetchWith(outcomes: AttemptOutcome[]) {
  const sent: HttpRequest[] = []
  const fetch = fetchOverTransport({
    transport: async (request) => (sent.push(request), outcomes.shift() as AttemptOutcome),
    token: 'ghs_secret',
    apiUrl: 'https://api.github.com',
    timeoutMs: 5000,
    policy: { ...DEFAULT_RETRY_POLICY, retries: 2 },
    sleep: async () => undefined,
    random: () => 0.5,
    now: () => 0,
    log: () => undefined,
    debug: () => undefined
  })
  return { fetch, sent }
}
const answer = (status: number, body = '', headers: Record<string, string> = {}): AttemptOutcome => ({
  kind: 'answer',
  status,
  statusText: status === 200 ? 'OK' : '',
  headers,
  body: Buffer.from(body)
})

describe('fetchOverTransport', () => {
  it("sends Octokit's request through the transport, with the token as its own and no header of Octokit's to carry it", async () => {
    const { fetch, sent } = fetchWith([answer(201, '{"id":1}', { 'content-type': 'application/json' })])
    const response = await fetch('https://api.github.com/repos/a/b/issues/7/comments', {
      method: 'POST',
      body: '{"body":"hi"}',
      headers: {
        Authorization: 'token ghs_secret',
        'User-Agent': 'octokit',
        'content-type': 'application/json; charset=utf-8',
        accept: 'application/vnd.github+json'
      }
    })

    expect(sent).toEqual([
      {
        method: 'POST',
        url: 'https://api.github.com/repos/a/b/issues/7/comments',
        token: 'ghs_secret',
        timeoutMs: 5000,
        maxBodyBytes: MAX_GITHUB_REPLY_BYTES,
        headers: { 'content-type': 'application/json; charset=utf-8', accept: 'application/vnd.github+json' },
        body: '{"body":"hi"}',
        interrupt: undefined
      }
    ])
    expect(response.status).toBe(201)
    expect(await response.json()).toEqual({ id: 1 })
    expect(response.headers.get(ATTEMPTS_HEADER)).toBe('1')
  })

  it('retries a 503 and says how many attempts it took', async () => {
    const { fetch, sent } = fetchWith([answer(503), answer(200, '[]')])
    const response = await fetch('https://api.github.com/user')
    expect(sent).toHaveLength(2)
    expect(response.headers.get(ATTEMPTS_HEADER)).toBe('2')
  })

  it('answers 204 without a body', async () => {
    const { fetch } = fetchWith([answer(204)])
    expect((await fetch('https://api.github.com/x', { method: 'DELETE' })).status).toBe(204)
  })

  it('fails, without following, on a redirect', async () => {
    const { fetch } = fetchWith([{ ...answer(301), location: 'https://elsewhere.example/' } as AttemptOutcome])
    const failure = await fetch('https://api.github.com/repos/a/b').catch((error: Error) => error)
    expect((failure as Error & { cause: Error }).cause).toEqual(
      new GitHubUnreachable(
        'HTTP 301: the GitHub API redirected to https://elsewhere.example/; the action never follows redirects, so the token stays with the API host'
      )
    )
  })

  it('never sends the token to another origin, such as a page link pointing elsewhere', async () => {
    const { fetch, sent } = fetchWith([answer(200, '[]')])
    const failure = (await fetch('https://evil.example/repos/a/b/issues/7/comments?page=2').catch(
      (error: Error) => error
    )) as Error & {
      cause: Error
    }
    expect(failure.cause.message).toBe(
      'refused to send the token to https://evil.example, which is not the GitHub API at https://api.github.com'
    )
    expect(sent).toEqual([])
  })

  it('fails with the reason when no answer came', async () => {
    const refused: AttemptOutcome = {
      kind: 'network-failure',
      reason: 'ECONNREFUSED',
      retryable: true,
      mayHaveReachedServer: false
    }
    const { fetch } = fetchWith([refused, refused, refused])
    const failure = (await fetch('https://api.github.com/user').catch((error: Error) => error)) as Error & {
      cause: Error
    }
    expect(failure).toBeInstanceOf(TypeError)
    expect(failure.cause.message).toBe('gave up after 3 attempts: ECONNREFUSED')
  })
})
