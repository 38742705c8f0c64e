import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface FloodServer {
  /** An `api-url` whose every answer is a 200 with an endless body. */
  apiUrl: string
  /** Bytes written so far, over all answers. */
  readonly written: number
  requests: number
  close(): Promise<void>
}

/**
 * A broken API or proxy: every request gets 200 and up to `limitBytes` of body, as fast as the
 * client reads it, so a client that does not cap what it reads takes all of it.
 */
export async function startFlood(limitBytes = 400 * 1024 * 1024): Promise<FloodServer> {
  const chunk = Buffer.alloc(64 * 1024, ' ')
  let written = 0
  const flood = {
    requests: 0,
    get written() {
      return written
    }
  }
  const server = createServer((request, response) => {
    flood.requests++
    request.resume()
    response.writeHead(200, { 'content-type': 'application/json' })
    let sent = 0
    const pump = () => {
      while (sent < limitBytes && !response.destroyed) {
        sent += chunk.length
        written += chunk.length
        if (!response.write(chunk)) return void response.once('drain', pump)
      }
      response.end()
    }
    pump()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return Object.assign(flood, {
    apiUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v2`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  })
}
