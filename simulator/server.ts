import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http'
import { setMaxListeners } from 'node:events'
import type { AddressInfo } from 'node:net'
import { setTimeout as delay } from 'node:timers/promises'
import { takeFault, type BatchFaults } from './faults.js'
import { batchView, cancelBatch, jobView, type SimulatorState } from './model.js'
import { listening } from './listening.js'

const ID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/
/** The batch a reply is about under the `other-batch` fault: one nobody asked for. */
export const OTHER_BATCH_ID = '01KDVDNA0ZZZZZZZZZZZZZZZZZ'
/** The team the simulator's one token belongs to. */
export const SIMULATOR_TEAM = 'demo'

export interface RecordedRequest {
  method: string
  path: string
  headers: IncomingHttpHeaders
}

export interface SimulatorOptions {
  state: SimulatorState
  /** The token of the simulator's own team, `SIMULATOR_TEAM`. */
  token: string
  /** Tokens of other teams, each with its team's name: a token sees its own team's batches only. */
  teamTokens?: Record<string, string>
  /**
   * What a token gets for a batch of another team: 403 (the default), or 404 as an API that looks a
   * batch up within the token's team answers (the API does not document which it does).
   */
  otherTeamsBatch?: 403 | 404
  /** 0 or absent: a free port. */
  port?: number
  /** The loopback address to listen on: 127.0.0.1 (the default) or ::1. */
  host?: '127.0.0.1' | '::1'
}

export interface RunningSimulator {
  /** `http://127.0.0.1:PORT/api/v2`, the action's `api-url`. */
  baseUrl: string
  port: number
  token: string
  state: SimulatorState
  /** Faults by batch id; tests may add and change them while the simulator runs. */
  faults: Map<string, BatchFaults>
  /** Every request received, in order. */
  requests: RecordedRequest[]
  /** The most requests that were being served at the same moment. */
  readonly peakInFlight: number
  close(): Promise<void>
}

/** Produces an answer when called; a cancel changes state only then, so a fault can answer instead. */
type Route = () => { status: number; body: unknown }

/** Serves the Nexrender Cloud API v2 from `state`, on a loopback address only. */
export async function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  const faults = new Map<string, BatchFaults>()
  const requests: RecordedRequest[] = []
  let inFlight = 0
  let peakInFlight = 0
  // Ends the waits of delayed answers when the simulator closes, so none keeps the process alive.
  const closing = new AbortController()
  // Each delayed or trickling answer listens to it: any number of them is expected, not a leak.
  setMaxListeners(0, closing.signal)
  const server = createServer((request, response) => {
    requests.push({ method: request.method ?? '', path: request.url ?? '', headers: request.headers })
    peakInFlight = Math.max(peakInFlight, ++inFlight)
    response.on('close', () => inFlight--)
    request.resume()
    request.on('end', () => void serve(request, response))
  })

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://simulator').pathname
    const batchId = path.match(/^\/api\/v2\/batches\/([^/]+)/)?.[1]
    const batchFaults = batchId ? faults.get(batchId) : undefined
    if (batchFaults?.delayMs) {
      const waited = await delay(batchFaults.delayMs, true, { signal: closing.signal }).catch(() => false)
      if (!waited) return
    }
    const team = teamOf(request.headers.authorization, options)
    const fault = team ? takeFault(batchFaults) : undefined
    if (fault?.kind === 'hang') return
    const route = team
      ? routeFor(request.method ?? '', path, options.state, { team, otherTeamsBatch: options.otherTeamsBatch ?? 403 })
      : unauthorized
    if (fault?.kind === 'drop') {
      if (fault.afterApplying) route()
      request.socket.destroy()
      return
    }
    if (fault?.kind === 'redirect') return send(response, 307, { error: 'moved' }, { location: fault.location })
    if (fault?.kind === 'rate-limit') {
      return send(
        response,
        429,
        { error: 'Too many requests' },
        fault.retryAfter === undefined ? {} : { 'retry-after': fault.retryAfter }
      )
    }
    if (fault?.kind === 'echo-authorization') {
      return send(response, 400, { error: `Rejected header: ${request.headers.authorization}` })
    }
    if (fault?.kind === 'server-error') return send(response, fault.status, { error: 'Internal server error' })
    const { status, body } = route()
    if (status === 200 && batchFaults?.malformed === 'not-json') {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>502 Bad Gateway</body></html>')
      return
    }
    if (status === 200 && batchFaults?.malformed === 'missing-field') {
      const { totalJobs: _dropped, ...rest } = body as Record<string, unknown>
      return send(response, 200, rest)
    }
    if (status === 200 && batchFaults?.malformed === 'other-batch') {
      return send(response, 200, { ...(body as Record<string, unknown>), batchId: OTHER_BATCH_ID })
    }
    if (batchFaults?.trickleMs) return trickle(response, status, body, batchFaults.trickleMs)
    if (status === 200 && batchFaults?.rewrite) {
      const text = batchFaults.rewrite(body as Record<string, unknown>)
      response.writeHead(200, { 'content-type': 'application/json' }).end(text)
      return
    }
    send(response, status, body)
  }

  /** The answer's headers at once, then its body a byte every `everyMs`, until sent or the client leaves. */
  async function trickle(response: ServerResponse, status: number, body: unknown, everyMs: number): Promise<void> {
    const bytes = Buffer.from(JSON.stringify(body))
    response.writeHead(status, { 'content-type': 'application/json', 'content-length': bytes.length })
    response.flushHeaders()
    for (const byte of bytes) {
      const waited = await delay(everyMs, true, { signal: closing.signal }).catch(() => false)
      if (!waited || response.destroyed) return
      response.write(Buffer.of(byte))
    }
    response.end()
  }

  const host = options.host ?? '127.0.0.1'
  await listening(server, options.port ?? 0, host)
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://${host.includes(':') ? `[${host}]` : host}:${port}/api/v2`,
    port,
    token: options.token,
    state: options.state,
    faults,
    requests,
    get peakInFlight() {
      return peakInFlight
    },
    close: () =>
      new Promise((resolve) => {
        closing.abort()
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

const unauthorized: Route = () => ({ status: 401, body: { error: 'Invalid or missing API token' } })

/** The team a request's bearer token belongs to; undefined for a missing or unknown token. */
function teamOf(authorization: string | undefined, options: SimulatorOptions): string | undefined {
  const token = authorization?.match(/^Bearer (.+)$/)?.[1]
  if (token === undefined) return undefined
  return token === options.token ? SIMULATOR_TEAM : options.teamTokens?.[token]
}

/** Whom a request acts for: the token's team, and how a batch of another team is answered. */
export interface Access {
  team: string
  otherTeamsBatch: 403 | 404
}

const SIMULATOR_ACCESS: Access = { team: SIMULATOR_TEAM, otherTeamsBatch: 403 }

/** The documented routes the action uses: cancel a batch, read a batch, read a job. */
export function routeFor(method: string, path: string, state: SimulatorState, access = SIMULATOR_ACCESS): Route {
  const answer =
    (status: number, body: unknown): Route =>
    () => ({ status, body })
  const match = path.match(/^\/api\/v2\/(batches|jobs)\/([^/]+)(\/cancel)?$/)
  if (!match || (match[1] === 'jobs' && match[3])) return answer(404, { error: 'Route not found' })
  const [, collection, id = '', cancel] = match
  const expected = cancel ? 'POST' : 'GET'
  if (method !== expected) return answer(405, { error: `Method ${method} not allowed here` })
  if (!ID_PATTERN.test(id)) {
    return answer(400, {
      error: 'Invalid parameters',
      details: [{ field: 'id', message: `must match ${ID_PATTERN.source}` }]
    })
  }
  if (collection === 'jobs') {
    const job = state.jobs.get(id)
    return job ? answer(200, jobView(job)) : answer(404, { error: 'Job not found' })
  }
  const batch = state.batches.get(id)
  const ofAnotherTeam = batch !== undefined && (batch.team ?? SIMULATOR_TEAM) !== access.team
  if (!batch || (ofAnotherTeam && access.otherTeamsBatch === 404)) return answer(404, { error: 'Batch not found' })
  if (ofAnotherTeam) return answer(403, { error: 'Forbidden: the batch belongs to another team' })
  if (!cancel) return answer(200, batchView(state, batch))
  return () => ({ status: 200, body: cancelBatch(state, batch) })
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body))
}
