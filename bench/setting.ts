/** What every measurement runs against: the replayed Nexrender API with its batches, a fake GitHub, a flood. */
import { StateBuilder, jobsOf, type JobSpec } from '../simulator/builder.js'
import { startFlood } from '../simulator/flood.js'
import { startFakeGitHub, type RunningFakeGitHub } from '../simulator/github/server.js'
import { cancelBatch } from '../simulator/model.js'
import { startReplayServer } from './replay-server.js'
import { SWEPT_PULL_REQUESTS } from './sweep-case.js'

export const TOKEN = 'bench-token-4f7c9a2e'
export const GITHUB_TOKEN = 'ghs_bench_token_9c1d'

export interface BenchSetting {
  batches: {
    /** One queued job. */
    startup: string
    /** 16 batches of 2 jobs, each answering in 300 ms. */
    fanOut: string[]
    /** 1,000 top-level jobs with 2 children each. */
    big: string
    small: string
    /** 1,000 top-level jobs cascading to 20,000. */
    huge: string
    /** One a swept pull request. */
    swept: string[]
  }
  github: RunningFakeGitHub
  /** For the record step and the cancel step's pull-request part: where GitHub is. */
  githubEnv: Record<string, string>
  /** A server that streams 400 MB at whoever asks. */
  floodUrl: string
  /** The cancel step's inputs for these batches. */
  inputs: (batchId: string) => Record<string, string>
  close: () => Promise<void>
}

export async function startBenchSetting(): Promise<BenchSetting> {
  const replies = new Map<string, { body: string; delayMs?: number }>()
  /** Adds a batch of these jobs; its reply is the simulator model's answer to cancelling it. */
  const batch = (jobs: JobSpec[], delayMs?: number): string => {
    const builder = new StateBuilder(replies.size + 1)
    const id = builder.batch(jobs)
    const batchOf = builder.state.batches.get(id)
    if (batchOf) replies.set(id, { body: JSON.stringify(cancelBatch(builder.state, batchOf)), delayMs })
    return id
  }
  const batches = {
    startup: batch(jobsOf(1, 'queued')),
    fanOut: Array.from({ length: 16 }, () => batch(jobsOf(2, 'queued'), 300)),
    big: batch(jobsOf(1000, 'pending', { children: jobsOf(2, 'queued') })),
    small: batch(jobsOf(10, 'queued')),
    // A batch holds at most 1,000 jobs: 20,000 come as the cascades of 1,000 top-level ones.
    huge: batch(jobsOf(1000, 'pending', { children: jobsOf(19, 'queued') })),
    swept: Array.from({ length: SWEPT_PULL_REQUESTS }, () => batch(jobsOf(1, 'queued')))
  }
  const server = await startReplayServer(replies)
  const github = await startFakeGitHub({ tokens: { [GITHUB_TOKEN]: { login: 'github-actions[bot]', kind: 'app' } } })
  const flood = await startFlood()
  return {
    batches,
    github,
    githubEnv: { GITHUB_API_URL: github.apiUrl },
    floodUrl: flood.apiUrl,
    inputs: (batchId) => ({ 'batch-id': batchId, token: TOKEN, 'api-url': server.baseUrl, strictness: 'off' }),
    close: async () => {
      await Promise.all([server.close(), github.close(), flood.close()])
    }
  }
}
