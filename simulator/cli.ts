/**
 * `npm run simulator -- [--port 4010] [--token demo-token] [--github-port 4011] [--github-token demo-github-token]`:
 * serves the seeded demo data until stopped: the Nexrender API, and beside it a fake GitHub API.
 * A mistake in the options, or a port in use, is said in one line (exit code 2).
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

const USAGE = `Usage: npm run simulator -- [options]

Serves the Nexrender API simulator and a fake GitHub API beside it, on 127.0.0.1, until stopped.

Options:
  --port N             the simulator's port (default: any free one)
  --token TOKEN        the Nexrender token it accepts (default: ${DEFAULT_TOKEN})
  --github-port N      the fake GitHub's port (default: any free one)
  --github-token TOKEN the GitHub token it accepts, as github-actions[bot] (default: ${DEMO_GITHUB_TOKEN})
  -h, --help           this text`

/** Says what is wrong in one line, and stops. */
function refuse(problem: string): never {
  console.error(`simulator: ${problem} (npm run simulator -- --help)`)
  process.exit(2)
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        port: { type: 'string', default: '0' },
        token: { type: 'string', default: DEFAULT_TOKEN },
        'github-port': { type: 'string', default: '0' },
        'github-token': { type: 'string', default: DEMO_GITHUB_TOKEN },
        help: { type: 'boolean', short: 'h', default: false }
      }
    })
  } catch (error) {
    return refuse((error as Error).message)
  }
})()
if (values.help) {
  console.log(USAGE)
  process.exit(0)
}
const portOf = (flag: 'port' | 'github-port'): number => {
  const port = Number(values[flag])
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    refuse(`--${flag} must be a port number from 0 to 65535, got '${values[flag]}'`)
  }
  return port
}
const port = portOf('port')
const githubPort = portOf('github-port')
const { state, batches } = seedState()
/** Starts a server, saying in one line when its port is taken. */
async function serving<T>(what: string, port: number, start: () => Promise<T>): Promise<T> {
  try {
    return await start()
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException
    return refuse(
      code === 'EADDRINUSE' ? `port ${port} is in use; give ${what} another` : `${(error as Error).message}`
    )
  }
}
const simulator = await serving('--port', port, () => startSimulator({ state, token: values.token, port }))
const github = await serving('--github-port', githubPort, () =>
  startFakeGitHub({ ...seedGitHub(values['github-token']), port: githubPort })
)
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
