import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ReplayServer {
  baseUrl: string
  close(): Promise<void>
}

/**
 * Plays the API for the benchmark: answers each batch's cancel with a reply worked out beforehand
 * (by the simulator's model), after an optional delay. The server does no work per request, so the
 * figures measure the action, not the API.
 */
export async function startReplayServer(
  replies: Map<string, { body: string; delayMs?: number }>
): Promise<ReplayServer> {
  // Encoded once here, not per request.
  const encoded = new Map(
    [...replies].map(([batchId, reply]) => [batchId, { ...reply, body: Buffer.from(reply.body) }])
  )
  const server = createServer((request, response) => {
    const batchId = request.url?.match(/\/batches\/([^/]+)\/cancel$/)?.[1] ?? ''
    const reply = encoded.get(batchId)
    request.resume()
    const answer = () =>
      reply
        ? response.writeHead(200, { 'content-type': 'application/json' }).end(reply.body)
        : response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"Batch not found"}')
    setTimeout(answer, reply?.delayMs ?? 0)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v2`,
    close: () => new Promise((resolve) => server.close(() => resolve()))
  }
}
