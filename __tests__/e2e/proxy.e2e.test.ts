import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { createServer as createHttpServer, type Server } from 'node:http'
import { connect, type AddressInfo, type Socket } from 'node:net'
import { readFileSync } from 'node:fs'
import { createServer as createTlsServer, type Server as TlsServer } from 'node:tls'
import { fileURLToPath } from 'node:url'
import { startFixture, TEST_TOKEN, type Fixture } from '../support/simulator-fixture.js'

const tlsFile = (name: string) => fileURLToPath(new URL(`../support/tls/${name}`, import.meta.url))
const CERTIFICATE = tlsFile('nexrender-test.crt')

let fixture: Fixture
let terminator: TlsServer
let proxy: Server
let connectTargets: string[]
let proxiedBytes: string
const open: Socket[] = []

// Either end may hang up first when the action exits; a write to a socket the
// other party has ended is expected here, not a failure of the suite.
const track = (...sockets: Socket[]) => {
  for (const socket of sockets) {
    socket.on('error', () => undefined)
    open.push(socket)
  }
}

const portOf = (server: { address(): AddressInfo | string | null }) => (server.address() as AddressInfo).port
const listen = (server: Server | TlsServer) =>
  new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))

beforeEach(async () => {
  fixture = await startFixture()
  // https://nexrender.test: TLS with a test certificate, in front of the simulator.
  terminator = createTlsServer(
    { key: readFileSync(tlsFile('nexrender-test.key')), cert: readFileSync(CERTIFICATE) },
    (socket) => {
      const upstream = connect(fixture.simulator.port, '127.0.0.1')
      track(socket, upstream)
      socket.pipe(upstream).pipe(socket)
    }
  )
  await listen(terminator)
  // A CONNECT proxy that tunnels every target to the terminator and keeps what it saw.
  connectTargets = []
  proxiedBytes = ''
  proxy = createHttpServer()
  proxy.on('connect', (request: { url?: string }, client: Socket, head: Buffer) => {
    connectTargets.push(request.url ?? '')
    const upstream = connect(portOf(terminator), '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      client.pipe(upstream).pipe(client)
    })
    client.on('data', (chunk: Buffer) => (proxiedBytes += chunk.toString('latin1')))
    track(client, upstream)
  })
  await listen(proxy)
})

afterEach(async () => {
  for (const socket of open.splice(0)) socket.destroy()
  await new Promise((resolve) => proxy.close(resolve))
  await new Promise((resolve) => terminator.close(resolve))
  await fixture.simulator.close()
})

describe('through an HTTPS proxy', () => {
  it('the bundle cancels through a CONNECT tunnel, and the proxy never sees the token', async () => {
    const run = await fixture.run(
      { ...fixture.inputs(fixture.batches.complete), 'api-url': 'https://nexrender.test/api/v2' },
      { HTTPS_PROXY: `http://127.0.0.1:${portOf(proxy)}`, NODE_EXTRA_CA_CERTS: CERTIFICATE }
    )

    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({ status: 'cancelled', 'cancelled-jobs-count': '4' })
    expect(connectTargets).toEqual(['nexrender.test:443'])
    expect(fixture.simulator.requests).toHaveLength(1)
    expect(proxiedBytes).not.toContain(TEST_TOKEN)
  })
})
