/**
 * What the records cost in GitHub requests, against the fake GitHub (which enforces GitHub's secondary
 * limits): per record step (pull requests with 10, 1,000 and 5,000 other comments; one writer, and 8
 * at once), per pull-request cleanup, and per swept pull request, with the most content-creating
 * requests sent in any minute.
 */
import { RECORD_ENTRY } from '../local-runner/run-action.js'
import { commentBodies } from '../simulator/github/records-bodies.js'
import { startFakeGitHub, type RecordedGitHubRequest } from '../simulator/github/server.js'
import { ulidFactory } from '../simulator/ulid.js'
import { action } from './measure.js'
import { GITHUB_TOKEN, type BenchSetting } from './setting.js'
import { startSweepCase, SWEPT_PULL_REQUESTS } from './sweep-case.js'

const PULL_REQUEST = 7
const HEAD = 'a'.repeat(40)

/** A request that creates content, as GitHub's secondary limits count them: any REST write. */
const creating = (request: RecordedGitHubRequest) => request.method !== 'GET' && !request.path.endsWith('/graphql')

/** The most content-creating requests within any 60 s. */
export function peakPerMinute(requests: RecordedGitHubRequest[]): number {
  const times = requests.filter(creating).map((request) => request.at ?? 0)
  let peak = 0
  for (let start = 0, end = 0; end < times.length; end++) {
    while ((times[end] ?? 0) - (times[start] ?? 0) >= 60_000) start++
    peak = Math.max(peak, end - start + 1)
  }
  return peak
}

/** 9. GitHub requests per record, per cleanup and per swept pull request. */
export async function githubRequests({ batches, inputs }: BenchSetting): Promise<void> {
  console.log('9. GitHub requests (the fake enforces GitHub’s secondary limits)')
  const nextId = ulidFactory(99)
  for (const others of [10, 1000, 5000]) {
    for (const writers of [1, 8]) {
      const github = await startFakeGitHub({
        tokens: { [GITHUB_TOKEN]: { login: 'github-actions[bot]', kind: 'app' } },
        pullRequests: { [PULL_REQUEST]: { head: HEAD } }
      })
      try {
        // A pull request's comments came over the weeks before; the last a minute ago.
        const since = Date.now() - 60_000 - others * 60_000
        for (let index = 0; index < others; index++)
          github.addComment(
            PULL_REQUEST,
            index % 3 === 0 ? 'ci-bot[bot]' : 'reviewer',
            `Comment ${index}`,
            undefined,
            since + index * 60_000
          )
        const started = performance.now()
        const runs = await Promise.all(
          Array.from({ length: writers }, () =>
            action(
              {
                'batch-id': nextId(),
                'pull-request': String(PULL_REQUEST),
                'github-token': GITHUB_TOKEN,
                commit: HEAD
              },
              { GITHUB_API_URL: github.apiUrl },
              { entry: RECORD_ENTRY }
            )
          )
        )
        const failed = runs.filter(({ run }) => run.exitCode !== 0).length
        const recorded = countRecorded(github.commentsOn(PULL_REQUEST))
        const { requests } = github
        console.log(
          `   record, ${others} other comments, ${writers} at once: ${requests.length} requests (${(requests.length / writers).toFixed(1)} per record), ` +
            `peak ${peakPerMinute(requests)} content-creating a minute, ${recorded}/${writers} recorded, ${failed} failed, ${((performance.now() - started) / 1000).toFixed(1)} s`
        )
      } finally {
        await github.close()
      }
    }
  }
  await cleanup(batches.startup, inputs)
  await sweepRequests(batches.swept, inputs)
}

/** Batches recorded in the comments of ours. */
function countRecorded(comments: Array<{ author: string; body: string }>): number {
  const ids = new Set<string>()
  for (const comment of comments)
    if (comment.author === 'github-actions[bot]')
      for (const id of comment.body.match(/[0-9A-HJKMNP-TV-Z]{26}/g) ?? []) ids.add(id)
  return ids.size
}

/** A pull-request cleanup: one open record among 1,000 other comments, cancelled and written back. */
async function cleanup(batchId: string, inputs: BenchSetting['inputs']): Promise<void> {
  const github = await startFakeGitHub({
    tokens: { [GITHUB_TOKEN]: { login: 'github-actions[bot]', kind: 'app' } },
    pullRequests: { [PULL_REQUEST]: { head: HEAD, state: 'closed' } }
  })
  try {
    for (let index = 0; index < 1000; index++) github.addComment(PULL_REQUEST, 'reviewer', `Comment ${index}`)
    const record = { batchId, commit: HEAD, recordedAt: new Date().toISOString() }
    github.addComment(PULL_REQUEST, 'github-actions[bot]', commentBodies([record])[0] ?? '')
    const { run } = await action(
      { ...inputs(''), 'pull-request': String(PULL_REQUEST), 'github-token': GITHUB_TOKEN },
      { GITHUB_API_URL: github.apiUrl }
    )
    console.log(
      `   cleanup, 1 record among 1000 other comments: ${github.requests.length} requests, peak ${peakPerMinute(github.requests)} content-creating a minute${run.exitCode === 0 ? '' : ' (failed)'}`
    )
  } finally {
    await github.close()
  }
}

/** The sweep of 120 closed pull requests, run after run until none is left. */
async function sweepRequests(batchIds: string[], inputs: BenchSetting['inputs']): Promise<void> {
  const github = await startSweepCase(GITHUB_TOKEN, batchIds)
  try {
    let runs = 0
    let left = ''
    do {
      const { run } = await action(
        { ...inputs(''), sweep: 'closed', 'github-token': GITHUB_TOKEN },
        { GITHUB_API_URL: github.apiUrl },
        { event: { name: 'schedule', payload: {} } }
      )
      runs++
      if (run.exitCode !== 0) throw new Error(`the sweep failed:\n${run.stdout}`)
      left = run.outputs['pull-requests-left'] ?? '0'
    } while (left !== '0' && runs < 20)
    const secondary = github.requests.filter((request) => request.answered === 403).length
    console.log(
      `   sweep, ${SWEPT_PULL_REQUESTS} closed pull requests with leftovers: ${runs} run(s), ${github.requests.length} requests, ` +
        `${(github.requests.length / SWEPT_PULL_REQUESTS).toFixed(2)} per swept pull request, peak ${peakPerMinute(github.requests)} content-creating a minute, ${secondary} answered 403\n`
    )
  } finally {
    await github.close()
  }
}
