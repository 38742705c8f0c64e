import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { StateBuilder, jobsOf } from '../../simulator/builder.js'
import { startSimulator, type RunningSimulator } from '../../simulator/server.js'

const TOKEN = 'sim-token'
let simulator: RunningSimulator
let batches: { queued: string; otherTeam: string }

beforeEach(async () => {
  const builder = new StateBuilder()
  batches = {
    queued: builder.batch([{ status: 'queued', children: jobsOf(1, 'queued') }]),
    otherTeam: builder.batch(jobsOf(1, 'queued'), { team: 'other' })
  }
  simulator = await startSimulator({ state: builder.state, token: TOKEN })
})
afterEach(() => simulator.close())

async function call(method: string, path: string, token: string | null = TOKEN) {
  const response = await fetch(`${simulator.baseUrl}${path}`, {
    method,
    headers: token ? { authorization: `Bearer ${token}` } : {}
  })
  const text = await response.text()
  return {
    status: response.status,
    headers: response.headers,
    text,
    body: text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : undefined
  }
}

describe('the simulator server', () => {
  it('listens on 127.0.0.1 and gives the api-url', () => {
    expect(simulator.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v2$/)
  })

  it('cancels a batch, then shows the same state through GET batch and GET job', async () => {
    const cancel = await call('POST', `/batches/${batches.queued}/cancel`)
    expect(cancel.status).toBe(200)
    expect(cancel.body).toMatchObject({ status: 'cancelled', cancelledCount: 1 })
    const cancelledJobs = cancel.body?.cancelledJobs as Array<{ id: string }>
    expect(cancelledJobs).toHaveLength(2)

    const view = await call('GET', `/batches/${batches.queued}`)
    expect(view.body).toMatchObject({ batchId: batches.queued, status: 'finished', stats: { total: 1, pending: 0 } })
    for (const { id } of cancelledJobs) {
      expect((await call('GET', `/jobs/${id}`)).body).toMatchObject({ id, status: 'manually_cancelled' })
    }
  })

  it.each([
    {
      what: 'no token',
      method: 'POST',
      path: () => `/batches/${batches.queued}/cancel`,
      token: '',
      status: 401,
      error: 'Invalid or missing API token'
    },
    {
      what: 'a wrong token',
      method: 'GET',
      path: () => `/batches/${batches.queued}`,
      token: 'nope',
      status: 401,
      error: 'Invalid or missing API token'
    },
    {
      what: 'another team',
      method: 'POST',
      path: () => `/batches/${batches.otherTeam}/cancel`,
      token: TOKEN,
      status: 403,
      error: 'Forbidden: the batch belongs to another team'
    },
    {
      what: 'an unknown batch',
      method: 'POST',
      path: () => '/batches/01ARZ3NDEKTSV4RRFFQ69G5FAV/cancel',
      token: TOKEN,
      status: 404,
      error: 'Batch not found'
    },
    {
      what: 'an unknown job',
      method: 'GET',
      path: () => '/jobs/01ARZ3NDEKTSV4RRFFQ69G5FAV',
      token: TOKEN,
      status: 404,
      error: 'Job not found'
    },
    {
      what: 'a malformed id',
      method: 'POST',
      path: () => '/batches/not-a-ulid/cancel',
      token: TOKEN,
      status: 400,
      error: 'Invalid parameters'
    },
    {
      what: 'a lower-case id',
      method: 'GET',
      path: () => `/batches/${batches.queued.toLowerCase()}`,
      token: TOKEN,
      status: 400,
      error: 'Invalid parameters'
    },
    {
      what: 'a wrong method',
      method: 'GET',
      path: () => `/batches/${batches.queued}/cancel`,
      token: TOKEN,
      status: 405,
      error: 'Method GET not allowed here'
    },
    {
      what: 'an unknown route',
      method: 'GET',
      path: () => '/templates',
      token: TOKEN,
      status: 404,
      error: 'Route not found'
    }
  ])('answers $what with $status and a JSON error', async ({ method, path, token, status, error }) => {
    const answer = await call(method, path(), token || null)
    expect(answer.status).toBe(status)
    expect(answer.body?.error).toBe(error)
    expect(answer.headers.get('content-type')).toBe('application/json')
  })

  it('gives details for validation errors', async () => {
    expect((await call('GET', '/batches/x')).body?.details).toEqual([
      { field: 'id', message: 'must match ^[0-9A-HJKMNP-TV-Z]{26}$' }
    ])
  })

  it('records every request', async () => {
    await call('GET', `/batches/${batches.queued}`)
    expect(simulator.requests).toEqual([
      expect.objectContaining({ method: 'GET', path: `/api/v2/batches/${batches.queued}` })
    ])
  })
})

describe('teams', () => {
  const OTHER_TOKEN = 'other-team-token'
  let teams: RunningSimulator

  async function teamCall(server: RunningSimulator, batchId: string, token: string) {
    const response = await fetch(`${server.baseUrl}/batches/${batchId}`, {
      headers: { authorization: `Bearer ${token}` }
    })
    return { status: response.status, body: (await response.json()) as Record<string, unknown> }
  }

  afterEach(() => teams.close())

  it.each([
    [403, 'Forbidden: the batch belongs to another team'],
    [404, 'Batch not found']
  ] as const)('answers a token of another team %s, and its own batches as usual', async (status, error) => {
    teams = await startSimulator({
      state: simulator.state,
      token: TOKEN,
      teamTokens: { [OTHER_TOKEN]: 'other' },
      otherTeamsBatch: status
    })
    expect(await teamCall(teams, batches.queued, OTHER_TOKEN)).toEqual({ status, body: { error } })
    expect(await teamCall(teams, batches.otherTeam, TOKEN)).toEqual({ status, body: { error } })
    expect((await teamCall(teams, batches.otherTeam, OTHER_TOKEN)).status).toBe(200)
    expect((await teamCall(teams, batches.queued, TOKEN)).status).toBe(200)
  })
})

describe('fault injection', () => {
  it('answers 429 with Retry-After the given number of times, then normally', async () => {
    simulator.faults.set(batches.queued, { rateLimit: { times: 2, retryAfter: '3' } })
    const answers = [
      await call('POST', `/batches/${batches.queued}/cancel`),
      await call('POST', `/batches/${batches.queued}/cancel`),
      await call('POST', `/batches/${batches.queued}/cancel`)
    ]
    expect(answers.map((answer) => answer.status)).toEqual([429, 429, 200])
    expect(answers[0]?.headers.get('retry-after')).toBe('3')
  })

  it('answers 5xx without cancelling anything', async () => {
    simulator.faults.set(batches.queued, { serverError: { times: 1, status: 503 } })
    expect((await call('POST', `/batches/${batches.queued}/cancel`)).status).toBe(503)
    expect((await call('POST', `/batches/${batches.queued}/cancel`)).body?.status).toBe('cancelled')
  })

  it('drops the connection, optionally after carrying out the cancel', async () => {
    simulator.faults.set(batches.queued, { dropConnection: { times: 1, afterApplying: true } })
    await expect(call('POST', `/batches/${batches.queued}/cancel`)).rejects.toThrow()
    expect((await call('POST', `/batches/${batches.queued}/cancel`)).body?.status).toBe('unchanged')
  })

  it('delays answers', async () => {
    simulator.faults.set(batches.queued, { delayMs: 120 })
    const started = Date.now()
    await call('GET', `/batches/${batches.queued}`)
    expect(Date.now() - started).toBeGreaterThanOrEqual(110)
  })

  it('trickles a body a byte at a time after sending the headers at once', async () => {
    simulator.faults.set(batches.queued, { trickleMs: 20 })
    const response = await fetch(`${simulator.baseUrl}/batches/${batches.queued}`, {
      headers: { authorization: `Bearer ${TOKEN}` },
      signal: AbortSignal.timeout(2000)
    })
    expect(response.status).toBe(200)
    const reader = response.body?.getReader()
    const first = (await reader?.read())?.value as Uint8Array | undefined
    await reader?.cancel()
    expect(first?.length).toBeGreaterThan(0)
    expect(first?.length).toBeLessThan(Number(response.headers.get('content-length')))
  })

  it('never answers while hanging, until the client gives up', async () => {
    simulator.faults.set(batches.queued, { hang: { times: 1 } })
    await expect(
      fetch(`${simulator.baseUrl}/batches/${batches.queued}`, {
        headers: { authorization: `Bearer ${TOKEN}` },
        signal: AbortSignal.timeout(150)
      })
    ).rejects.toThrow()
    expect((await call('GET', `/batches/${batches.queued}`)).status).toBe(200)
  })

  it.each([
    { malformed: 'not-json' as const, check: (text: string) => expect(text).toContain('<html>') },
    {
      malformed: 'missing-field' as const,
      check: (text: string) => expect(JSON.parse(text)).not.toHaveProperty('totalJobs')
    }
  ])('sends a malformed body: $malformed', async ({ malformed, check }) => {
    simulator.faults.set(batches.queued, { malformed })
    const answer = await call('POST', `/batches/${batches.queued}/cancel`)
    expect(answer.status).toBe(200)
    check(answer.text)
  })

  it('rewrites an answer as asked, having carried out the cancel', async () => {
    simulator.faults.set(batches.queued, {
      rewrite: (answer) => `\uFEFF${JSON.stringify({ ...answer, totalJobs: 1e308 })}`
    })
    const raw = async (method: string, path: string) => {
      const response = await fetch(`${simulator.baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${TOKEN}` }
      })
      // Not response.text(), which drops a byte order mark.
      return Buffer.from(await response.arrayBuffer()).toString('utf8')
    }
    const cancel = await raw('POST', `/batches/${batches.queued}/cancel`)
    expect(cancel.startsWith('\uFEFF{"batchId"')).toBe(true)
    expect(cancel).toContain('"totalJobs":1e+308')
    expect(cancel).toContain('"status":"cancelled"')
    expect((await raw('GET', `/batches/${batches.queued}`)).startsWith('\uFEFF{')).toBe(true)
  })

  it('redirects, and echoes the authorization header when asked to', async () => {
    simulator.faults.set(batches.queued, { redirectTo: 'http://127.0.0.2:1/x' })
    const redirect = await fetch(`${simulator.baseUrl}/batches/${batches.queued}/cancel`, {
      method: 'POST',
      redirect: 'manual',
      headers: { authorization: `Bearer ${TOKEN}` }
    })
    expect(redirect.status).toBe(307)
    expect(redirect.headers.get('location')).toBe('http://127.0.0.2:1/x')
    simulator.faults.set(batches.queued, { echoAuthorization: true })
    expect((await call('POST', `/batches/${batches.queued}/cancel`)).body?.error).toBe(
      `Rejected header: Bearer ${TOKEN}`
    )
  })

  it('does not spend faults on unauthorized requests', async () => {
    simulator.faults.set(batches.queued, { serverError: { times: 1 } })
    expect((await call('POST', `/batches/${batches.queued}/cancel`, 'wrong')).status).toBe(401)
    expect((await call('POST', `/batches/${batches.queued}/cancel`)).status).toBe(500)
  })
})
