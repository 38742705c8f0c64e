import type { Server } from 'node:net'

/** Starts listening, or fails with the error (a port in use) instead of leaving it to the process. */
export function listening(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
}
