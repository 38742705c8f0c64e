/**
 * `npm run simulator -- [--port 4010] [--token demo-token] [--github-port 4011] [--github-token demo-github-token]`:
 * serves the seeded demo data until stopped: the Nexrender API, and beside it a fake GitHub API.
 */
import { parseArgs } from 'node:util'
import {
  DEMO_GITHUB_TOKEN,
  DEMO_PULL_REQUEST,
  FIRST_PUSH,
  FORGOTTEN_HEAD,
  FORGOTTEN_PULL_REQUEST,
  SECOND_PUSH,
  seedGitHub
} from './github/seed.js'
import { startFakeGitHub } from './github/server.js'
import { seedState } from './seed.js'
import { startSimulator } from './server.js'

export const DEFAULT_TOKEN = 'demo-token'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    token: { type: 'string', default: DEFAULT_TOKEN },
    'github-port': { type: 'string', default: '0' },
    'github-token': { type: 'string', default: DEMO_GITHUB_TOKEN }
  }
})
const portOf = (flag: 'port' | 'github-port'): number => {
  const port = Number(values[flag])
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--${flag} must be a port number from 0 to 65535, got '${values[flag]}'`)
    process.exit(2)
  }
  return port
}
const port = portOf('port')
const githubPort = portOf('github-port')
const { state, batches } = seedState()
const simulator = await startSimulator({ state, token: values.token, port })
const github = await startFakeGitHub({ ...seedGitHub(values['github-token']), port: githubPort })
console.log(`Nexrender API simulator listening on 127.0.0.1 only
  api-url:  ${simulator.baseUrl}
  token:    ${simulator.token}
  batches:  ${batches.complete}  (cancels completely, with cascades)
            ${batches.partial}  (cancels partly)
            ${batches.unchanged}  (nothing left to cancel)
            ${batches.firstPreview}  (a preview render, every job waiting)
            ${batches.secondPreview}  (a preview render, one job rendering)
            ${batches.leftover}  (a preview render for pull request #${FORGOTTEN_PULL_REQUEST})
Fake GitHub API beside it
  github-api-url:  ${github.apiUrl}
  github-token:    ${values['github-token']}  (acts as github-actions[bot])
  pull requests:   #${DEMO_PULL_REQUEST} in any repository, head ${SECOND_PUSH} (an earlier push: ${FIRST_PUSH});
                   #${FORGOTTEN_PULL_REQUEST}, head ${FORGOTTEN_HEAD}
Stop with Ctrl+C.`)

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void Promise.all([simulator.close(), github.close()]).then(() => process.exit(0)))
}
