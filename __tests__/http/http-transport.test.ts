import { afterEach, describe, expect, it } from '@jest/globals'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { redactor } from '../../src/helpers/redact.js'
import { describeFailure } from '../../src/http/attempt-failure.js'
import { createHttpTransport } from '../../src/http/http-transport.js'

let server: Server | undefined
afterEach(async () => {
  server?.closeAllConnections()
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)))
  server = undefined
})

/** A local server answering with `handler`; returns its base URL. */
async function serve(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<string> {
  server = createServer(handler)
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

const TOKEN = 'tok-123-4f7c9a2e'
const OTHER_TOKEN = 'ghs_other9c1dTOKEN'
const transport = createHttpTransport('test-agent/1.0', redactor(TOKEN, OTHER_TOKEN))
const post = (url: string, timeoutMs = 2000) =>
  transport({ method: 'POST', url, token: TOKEN, timeoutMs, maxBodyBytes: 1024 })

describe('createHttpTransport', () => {
  it('sends the token, accept and user agent in the request, and returns status, headers and body', async () => {
    let seen: IncomingMessage | undefined
    const base = await serve((request, response) => {
      seen = request
      response
        .writeHead(429, 'Slow Down', { 'retry-after': '3', 'content-type': 'application/json' })
        .end('{"error":"later"}')
    })
    const outcome = await post(`${base}/batches/X/cancel`)

    expect(outcome).toEqual({
      kind: 'answer',
      status: 429,
      statusText: 'Slow Down',
      headers: expect.objectContaining({ 'retry-after': '3', 'content-type': 'application/json' }),
      body: Buffer.from('{"error":"later"}')
    })
    expect(seen?.method).toBe('POST')
    expect(seen?.headers).toMatchObject({
      authorization: `Bearer ${TOKEN}`,
      accept: 'application/json',
      'content-length': '0'
    })
    expect(seen?.headers['user-agent']).toMatch(/^test-agent\/1\.0/)
  })

  it('sends a GET without a body', async () => {
    let method = ''
    const base = await serve((request, response) => ((method = request.method ?? ''), response.end('{}')))
    await transport({ method: 'GET', url: `${base}/batches/X`, token: 't', timeoutMs: 1000, maxBodyBytes: 1024 })
    expect(method).toBe('GET')
  })

  it('returns a redirect as it is, without following it', async () => {
    let requests = 0
    const base = await serve((_request, response) => {
      requests++
      response.writeHead(301, { location: '/elsewhere' }).end()
    })
    expect(await post(`${base}/x`)).toMatchObject({
      status: 301,
      headers: expect.objectContaining({ location: '/elsewhere' })
    })
    expect(requests).toBe(1)
  })

  it('ends an attempt that gets no answer at the deadline', async () => {
    const base = await serve(() => undefined)
    const started = Date.now()
    expect(await post(`${base}/x`, 200)).toEqual({
      kind: 'network-failure',
      reason: 'no complete answer within 0.2 s (timeout)',
      retryable: true,
      mayHaveReachedServer: true
    })
    expect(Date.now() - started).toBeLessThan(1500)
  })

  it('ends an attempt whose body trickles past the deadline', async () => {
    const base = await serve((_request, response) => {
      response.writeHead(200)
      response.write('{"batchId":')
    })
    expect(await post(`${base}/x`, 200)).toMatchObject({
      kind: 'network-failure',
      reason: expect.stringContaining('timeout')
    })
  })

  it('reports a dropped connection as retryable with an unknown outcome', async () => {
    const base = await serve((request) => request.socket.destroy())
    expect(await post(`${base}/x`)).toMatchObject({
      kind: 'network-failure',
      retryable: true,
      mayHaveReachedServer: true,
      reason: expect.stringMatching(/^ECONNRESET/)
    })
  })

  it('reports a refused connection as retryable, known not to have reached the server', async () => {
    const base = await serve(() => undefined)
    server?.close()
    server = undefined
    expect(await post(`${base}/x`)).toMatchObject({
      kind: 'network-failure',
      retryable: true,
      mayHaveReachedServer: false,
      reason: expect.stringMatching(/^connect ECONNREFUSED 127\.0\.0\.1:\d+$/)
    })
  })
})

describe('what comes back, before anything reads it', () => {
  it('has both tokens replaced wherever the server quotes them: status text, headers and body', async () => {
    const base = await serve((request, response) => {
      const quoted = `${request.headers.authorization ?? ''} ${OTHER_TOKEN}`
      response
        .writeHead(302, `Found ${quoted}`, { location: `https://elsewhere/?h=${quoted}`, 'x-echo': quoted })
        .end(`{"error":"${quoted}"}`)
    })
    const outcome = await post(`${base}/x`)

    expect(outcome).toMatchObject({
      kind: 'answer',
      statusText: 'Found Bearer *** ***',
      headers: expect.objectContaining({ location: 'https://elsewhere/?h=Bearer *** ***', 'x-echo': 'Bearer *** ***' }),
      body: Buffer.from('{"error":"Bearer *** ***"}')
    })
  })

  it('keeps in the body a part of a token as it came: the edge replaces those in what the action writes', async () => {
    const part = TOKEN.slice(0, 10)
    const base = await serve((_request, response) => response.end(part))
    expect(await post(`${base}/x`)).toMatchObject({ body: Buffer.from(part) })
  })

  it('has the tokens replaced in the reason an attempt failed', async () => {
    const outcome = await transport({
      method: 'GET',
      url: `http://${TOKEN}.invalid/x`,
      token: TOKEN,
      timeoutMs: 5000,
      maxBodyBytes: 1024
    })
    expect(outcome).toMatchObject({ kind: 'network-failure', reason: expect.stringContaining('***.invalid') })
    expect(JSON.stringify(outcome)).not.toContain(TOKEN.slice(0, 8))
  })
})

describe('the cap on a reply body', () => {
  it('refuses a body whose declared length is over the cap, without reading it', async () => {
    const base = await serve((_request, response) => {
      response.writeHead(200, { 'content-length': '2048' }).end('x'.repeat(2048))
    })
    expect(await post(`${base}/x`)).toEqual({
      kind: 'network-failure',
      reason: 'HTTP 200, but the reply is larger than the 1 KiB the action reads (the cap); it stopped reading',
      retryable: false,
      mayHaveReachedServer: true
    })
  })

  it('stops reading a body without a length as soon as it passes the cap', async () => {
    let written = 0
    let closed!: () => void
    const serverSawClose = new Promise<void>((resolve) => (closed = resolve))
    const base = await serve((_request, response) => {
      response.writeHead(200)
      const chunk = Buffer.alloc(512, 'x')
      const timer = setInterval(() => ((written += chunk.length), response.write(chunk)), 5)
      response.on('close', () => (clearInterval(timer), closed()))
    })
    const outcome = await post(`${base}/x`)
    await serverSawClose

    expect(outcome).toMatchObject({
      kind: 'network-failure',
      retryable: false,
      reason: expect.stringContaining('1 KiB')
    })
    expect(written).toBeLessThan(16 * 1024)
  })

  it('reads a body of exactly the cap', async () => {
    const base = await serve((_request, response) => response.end('y'.repeat(1024)))
    expect(await post(`${base}/x`)).toMatchObject({ kind: 'answer', body: Buffer.from('y'.repeat(1024)) })
  })
})

describe('an interrupted request', () => {
  it('ends at once when the run is cancelled, as neither retryable nor known', async () => {
    const base = await serve(() => undefined)
    const interrupt = new AbortController()
    setTimeout(() => interrupt.abort(), 50)
    const outcome = await transport({
      method: 'POST',
      url: `${base}/x`,
      token: 't',
      timeoutMs: 10_000,
      maxBodyBytes: 1024,
      interrupt: interrupt.signal
    })
    expect(outcome).toEqual({
      kind: 'network-failure',
      reason: 'the run was cancelled while the request waited for its answer; its outcome is unknown',
      retryable: false,
      mayHaveReachedServer: true,
      interruption: 'interrupted'
    })
  })
})

describe('describeFailure', () => {
  const request = { method: 'POST', url: 'https://x', token: 't', timeoutMs: 1000, maxBodyBytes: 1024 } as const
  const live = new AbortController().signal
  const withCode = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:1`), { code })

  it.each([
    { code: 'ENOTFOUND', retryable: true, mayHaveReachedServer: false },
    { code: 'EAI_AGAIN', retryable: true, mayHaveReachedServer: false },
    { code: 'ECONNREFUSED', retryable: true, mayHaveReachedServer: false },
    { code: 'ECONNRESET', retryable: true, mayHaveReachedServer: true },
    { code: 'EPIPE', retryable: true, mayHaveReachedServer: true },
    { code: 'CERT_HAS_EXPIRED', retryable: false, mayHaveReachedServer: true }
  ])('$code: retryable $retryable', ({ code, retryable, mayHaveReachedServer }) => {
    expect(describeFailure(withCode(code), request, live)).toEqual({
      kind: 'network-failure',
      reason: `connect ${code} 127.0.0.1:1`,
      retryable,
      mayHaveReachedServer
    })
  })

  it('names the code once: before a message that does not say it', () => {
    const expired = Object.assign(new Error('certificate has expired'), { code: 'CERT_HAS_EXPIRED' })
    expect(describeFailure(expired, request, live).reason).toBe('CERT_HAS_EXPIRED: certificate has expired')
  })

  it("reads @actions/http-client's own socket timeout as a timeout", () => {
    expect(describeFailure(new Error('Request timeout: /x'), request, live).reason).toBe(
      'no complete answer within 1 s (timeout)'
    )
  })

  it('describes a thrown non-error', () => {
    expect(describeFailure('weird', request, live)).toMatchObject({ reason: 'weird', retryable: false })
  })
})
