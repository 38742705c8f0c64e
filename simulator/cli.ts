/**
 * `npm run simulator -- [--port 4010] [--token demo-token]`: serves the seeded demo data until stopped.
 */
import { parseArgs } from 'node:util'
import { seedState } from './seed.js'
import { startSimulator } from './server.js'

export const DEFAULT_TOKEN = 'demo-token'

const { values } = parseArgs({
  options: { port: { type: 'string', default: '0' }, token: { type: 'string', default: DEFAULT_TOKEN } }
})
const port = Number(values.port)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number from 0 to 65535, got '${values.port}'`)
  process.exit(2)
}
const { state, batches } = seedState()
const simulator = await startSimulator({ state, token: values.token, port })
console.log(`Nexrender API simulator listening on 127.0.0.1 only
  api-url:  ${simulator.baseUrl}
  token:    ${simulator.token}
  batches:  ${batches.complete}  (cancels completely, with cascades)
            ${batches.partial}  (cancels partly)
            ${batches.unchanged}  (nothing left to cancel)
Stop with Ctrl+C.`)

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void simulator.close().then(() => process.exit(0)))
}
