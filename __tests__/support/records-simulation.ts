/**
 * One seeded schedule of the writers of a pull request's records, run against the in-memory GitHub on
 * a simulated clock: record steps (several at once), the cleanup on close, a cleanup of superseded
 * renders after a push, and the sweep, each through the same store and pieces the steps use. GitHub
 * delays requests, applies writes late or despite a 5xx, loses some, answers with a skewed or missing
 * `Date`; steps die mid-lease; the pull request closes at any point. Then the rules are checked: no
 * record or outcome lost, nothing done that Nexrender did not answer for, no records comment beyond
 * what size needs. The same seed runs the same schedule, exactly.
 */
import type { GitHubApi } from '../../src/github/github-api.js'
import type { BatchResult } from '../../src/nexrender/batch-result.js'
import type { CancelStatus } from '../../src/nexrender/cancel-reply.js'
import type { LeaseClock } from '../../src/records/lease.js'
import { outcomeChanges, recordCancelOutcomes } from '../../src/records/pull-request-batches.js'
import { HEADING, readRecordsPart } from '../../src/records/records-format.js'
import { commentBodies } from '../../simulator/github/records-bodies.js'
import { RecordsStore } from '../../src/records/records-store.js'
import { isoSeconds } from '../../src/helpers/iso-seconds.js'
import type { RecordChange } from '../../src/records/records.js'
import { selectBatches } from '../../src/records/select-batches.js'
import { listingIsComplete, ourCommentsByPullRequest, sweepSelection, sweepSince } from '../../src/records/sweep.js'
import { closedPullRequestProblem } from '../../src/report/record-problems.js'
import { MemoryGitHub, type WriteFault } from './memory-github.js'
import { answered, failed, reply } from './replies.js'
import { seededRandom, SimClock } from './sim-clock.js'

const BOT = 'github-actions[bot]'
const PR = 7
const OLD_HEAD = 'a'.repeat(40)
const NEW_HEAD = 'b'.repeat(40)
const TEN_MINUTES = 600_000
/** More steps than any schedule needs: one that takes more never ends. */
const MAX_STEPS = 200_000
/**
 * What a step may end with when GitHub misbehaves (as its own error, or in the words of the step that
 * wraps it): it fails, saying why. Any other error is a defect.
 */
const EXPECTED_FAILURES = [
  /for longer than 3 minutes/, // the lease stayed with others
  /kept changing hands/,
  /GitHub may have applied this write/,
  /would run out before this write could be applied/,
  /HTTP 502/,
  /no complete answer within 30 s/
]

export interface ScheduleOutcome {
  seed: number
  /** Each rule the schedule broke; empty when it kept them all. */
  problems: string[]
  /** What happened, in order, with the simulated time: printed with a failing seed. */
  trace: () => string[]
}

/** An answer in a few words, for the trace: comments by id and the records they hold. */
function brief(result: unknown): string {
  const comments = Array.isArray(result)
    ? result
    : result && typeof result === 'object' && 'body' in result
      ? [result]
      : undefined
  if (!comments) return JSON.stringify(result) ?? 'done'
  return comments
    .map((comment: { id: number; body: string }) => {
      const part = readRecordsPart(comment.body)
      return `#${comment.id}[${part.records.map((record) => record.batchId.slice(-2) + (record.cancel ? '✓' : '')).join(' ')}]`
    })
    .join(' ')
}

/** Picks from the seeded numbers. */
function chooser(random: () => number) {
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1))
  return {
    random,
    int,
    chance: (p: number) => random() < p,
    pick: <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T
  }
}

/** A step of the simulation: its GitHub, its clock, and whether it has died. */
interface Step {
  name: string
  api: GitHubApi
  clock: LeaseClock
  store(pullRequest: number): RecordsStore
  /** Waits `ms` of the step's time; never returns once the step has died. */
  pause(ms: number): Promise<void>
}

/**
 * Rules the simulation can break on purpose, by wrapping what the steps get from GitHub, to show that
 * it catches them: every step holds the lease at once (`lease: 'off'`); a lease's age is the `Date`'s
 * alone (`skewCheck: 'off'`: GitHub's times moved back a day together, so the runner's clock never
 * outvotes the `Date`); a 👀 found after an error is taken for the step's own (`takeRetriedLease`).
 */
export interface BrokenRules {
  lease?: 'off'
  skewCheck?: 'off'
  takeRetriedLease?: boolean
}

const A_DAY = 86_400_000

/** The API with the rules of `broken` broken, as the lease sees it. */
function breaking(api: GitHubApi, broken: BrokenRules, nextId: () => number): GitHubApi {
  return {
    ...api,
    async addReaction(target, content) {
      if (broken.lease === 'off')
        return {
          created: true,
          reactionId: nextId(),
          createdAt: '2026-12-01T10:00:00Z',
          earlierAttemptMayHaveActed: false
        }
      const answer = await api.addReaction(target, content)
      const dayBack = (iso: string) => new Date(Date.parse(iso) - A_DAY).toISOString().replace('.000Z', 'Z')
      const shifted =
        broken.skewCheck === 'off' && answer.serverTime !== undefined
          ? { ...answer, createdAt: dayBack(answer.createdAt), serverTime: answer.serverTime - A_DAY }
          : answer
      return broken.takeRetriedLease && shifted.earlierAttemptMayHaveActed ? { ...shifted, created: true } : shifted
    },
    deleteReaction: broken.lease === 'off' ? async () => undefined : api.deleteReaction
  }
}

export async function runSchedule(seed: number, broken: BrokenRules = {}): Promise<ScheduleOutcome> {
  const choose = chooser(seededRandom(seed))
  const clock = new SimClock()
  const started = clock.now()
  const github = new MemoryGitHub({ clock })
  // Lines are written out only for a schedule that fails: most never are.
  const lines: Array<{ at: number; line: string | (() => string) }> = []
  const note = (line: string | (() => string)) => lines.push({ at: clock.now() - started, line })
  const problems: string[] = []

  // GitHub's front ends: all right, all 10 minutes off either way, no Date, or each answer its own.
  const dates = choose.pick(['right', 'ahead', 'behind', 'missing', 'mixed'] as const)
  const skews = { right: 0, ahead: TEN_MINUTES, behind: -TEN_MINUTES }
  github.dateOf = (time) => {
    const kind = dates === 'mixed' ? choose.pick(['right', 'ahead', 'behind', 'missing'] as const) : dates
    return kind === 'missing' ? undefined : Math.floor((time + skews[kind]) / 1000) * 1000
  }
  github.pulls.set(PR, { number: PR, open: true, merged: false, head: OLD_HEAD })
  note(`Date headers: ${dates}`)

  /** Batches whose record a step saw written: they must stay. */
  const written = new Set<string>()
  /** Batches Nexrender answered a cancel for: only these may be done. */
  const answeredByNexrender = new Set<string>()
  /** Outcomes a step saw written: they must stay. */
  const outcomesWritten: BatchResult[] = []
  let batchCount = 0
  const newBatch = () => `01KDVD${String(seed % 100_000).padStart(5, '0')}${String(batchCount++).padStart(15, '0')}`

  if (choose.chance(0.5)) {
    const batchId = newBatch()
    github.say(
      BOT,
      commentBodies([{ batchId, commit: OLD_HEAD, recordedAt: isoSeconds(started - 3_600_000) }])[0] ?? ''
    )
    written.add(batchId)
  }

  const faultRate = choose.pick([0, 0.05, 0.15, 0.3])
  const faultFor = (what: string): WriteFault | undefined => {
    if (!choose.chance(faultRate)) return undefined
    if (what === 'react') return choose.pick(['applied, then 502', '502, not applied'] as const)
    if (what === 'unreact') return choose.chance(0.3) ? '502, not applied' : undefined
    return choose.pick([
      { applyAfterMs: choose.int(0, 8000) },
      // Given up on after 30 s; applied within 10 s of that, or never (GitHub's promise, see docs/records.md).
      { giveUpAfterMs: 30_000, applyAfterMs: choose.chance(0.7) ? choose.int(0, 40_000) : undefined },
      'applied, then 502',
      '502, not applied'
    ] as const)
  }

  const never = new Promise<never>(() => undefined)
  const stepNamed = (name: string, diesAfterMs?: number, faulty = true): Step => {
    let dead = false
    if (diesAfterMs !== undefined)
      clock.at(diesAfterMs, () => {
        dead = true
        note(`${name} dies`)
      })
    const pause = async (ms: number) => {
      await clock.sleep(ms)
      if (dead) await never
    }
    let fakeIds = 0
    const direct = breaking(github.as(BOT, faulty ? { fault: faultFor } : {}), broken, () => -++fakeIds)
    // Every call waits on the way there and back, and a step that has died hears no answer.
    const delayed =
      <A extends unknown[], R>(what: string, call: (...args: A) => Promise<R>) =>
      async (...args: A): Promise<R> => {
        await pause(faulty ? choose.int(0, 1500) : 0)
        const calls = github.calls.length
        const result = await call(...args).catch((error: Error) => {
          note(() => `  ${name}: ${what} [${github.calls.slice(calls).join(', ')}] -> ${error.name}: ${error.message}`)
          throw error
        })
        const sent = github.calls.slice(calls)
        note(() => `  ${name}: ${what} [${sent.join(', ')}] -> ${brief(result)}`)
        await pause(faulty ? choose.int(0, 500) : 0)
        return result
      }
    const api: GitHubApi = {
      viewerLogin: delayed('viewer', direct.viewerLogin),
      listComments: delayed('list', direct.listComments),
      getComment: delayed('get', direct.getComment),
      listRepositoryComments: delayed('list repository', direct.listRepositoryComments),
      createComment: delayed('post', direct.createComment),
      updateComment: delayed('update', direct.updateComment),
      deleteComment: delayed('delete', direct.deleteComment),
      pullRequest: delayed('pull request', direct.pullRequest),
      pullRequests: delayed('pull requests', direct.pullRequests),
      addReaction: delayed('react', direct.addReaction),
      deleteReaction: delayed('unreact', direct.deleteReaction)
    }
    const stepClock: LeaseClock = { now: clock.now, monotonic: clock.monotonic, random: choose.random, sleep: pause }
    return {
      name,
      api,
      clock: stepClock,
      pause,
      store: (pullRequest) =>
        new RecordsStore(api, pullRequest, {
          viewer: BOT,
          clock: stepClock,
          warn: (message) => note(`${name} warns: ${message}`),
          log: (line) => note(`${name}: ${line}`)
        })
    }
  }

  /** Nexrender's answer to a cancel: mostly an answer, sometimes a failure. */
  const cancelAtNexrender = (batchId: string, alwaysAnswers = false): BatchResult => {
    if (!alwaysAnswers && choose.chance(0.2)) return failed('HTTP 503: Service Unavailable', batchId)
    const status = choose.pick(['cancelled', 'partial', 'unchanged'] as const satisfies readonly CancelStatus[])
    answeredByNexrender.add(batchId)
    return answered({ batchId, reply: reply({ batchId, status }) })
  }

  const recordStep = async (step: Step, batchIds: string[], commit: string) => {
    const changes = batchIds.map((batchId): RecordChange => ({
      kind: 'record',
      record: { batchId, commit, recordedAt: isoSeconds(clock.now()) }
    }))
    const stored = await step.store(PR).write(changes)
    for (const batchId of batchIds) written.add(batchId)
    const problem = closedPullRequestProblem(await step.api.pullRequest(PR), batchIds, stored.records)
    return problem ? 'fails: the pull request closed' : 'passes'
  }

  const cleanup = async (step: Step, onlySuperseded: boolean) => {
    const store = step.store(PR)
    const stored = await store.read()
    const head = onlySuperseded ? (await step.api.pullRequest(PR)).head : undefined
    const selection = selectBatches(stored.records, head)
    await step.pause(choose.int(0, 5000))
    const results = selection.toCancel.map((record) => cancelAtNexrender(record.batchId))
    await recordCancelOutcomes(store, stored, results, new Date(clock.now()))
    outcomesWritten.push(...results)
    return `sent ${results.length}`
  }

  const sweep = async (step: Step, mode: 'closed' | 'superseded', alwaysAnswers = false) => {
    const listed = await step.api.listRepositoryComments(sweepSince(clock.now(), 30))
    const ours = ourCommentsByPullRequest(listed, BOT)
    const pulls = (await step.api.pullRequests([...ours.keys()])).found
    let sent = 0
    for (const [number, comments] of ours) {
      const pull = pulls.get(number)
      if (!pull || (pull.open && mode === 'closed')) continue
      const store = step.store(number)
      const complete = listingIsComplete(comments)
      const stored = complete ? await store.read(comments) : await store.read()
      const { toCancel } = sweepSelection(pull, stored.records)
      if (toCancel.length === 0) continue
      await step.pause(alwaysAnswers ? 0 : choose.int(0, 5000))
      const results = toCancel.map((record) => cancelAtNexrender(record.batchId, alwaysAnswers))
      const changes = outcomeChanges(toCancel, results, new Date(clock.now()))
      await store.write(changes, complete ? comments : undefined)
      outcomesWritten.push(...results)
      sent += results.length
    }
    return `sent ${sent}`
  }

  /** Starts a step at `atMs`, noting how it ends; an error no step should end with is a problem. */
  const startAt = (atMs: number, name: string, run: () => Promise<string>) =>
    clock.at(atMs, () => {
      note(`${name} starts`)
      run().then(
        (outcome) => note(`${name} ends: ${outcome}`),
        (error: Error) => {
          note(`${name} fails: ${error.name}: ${error.message}`)
          if (!EXPECTED_FAILURES.some((expected) => expected.test(error.message)))
            problems.push(`${name} ended with an error no step should: ${error.name}: ${error.message}`)
        }
      )
    })
  const maybeDies = (startMs: number) => (choose.chance(0.1) ? startMs + choose.int(0, 60_000) : undefined)

  for (let index = 1, count = choose.int(2, 8); index <= count; index++) {
    const at = choose.int(0, 10_000)
    const batchIds = Array.from({ length: choose.int(1, 2) }, newBatch)
    const commit = choose.pick([OLD_HEAD, NEW_HEAD])
    const step = stepNamed(`record step ${index} (${batchIds.join(', ')})`, maybeDies(at))
    startAt(at, step.name, () => recordStep(step, batchIds, commit))
  }
  if (choose.chance(0.4)) {
    const at = choose.int(0, 20_000)
    clock.at(at, () => {
      github.pulls.set(PR, {
        ...(github.pulls.get(PR) as NonNullable<ReturnType<typeof github.pulls.get>>),
        head: NEW_HEAD
      })
      note('a push moves the head')
    })
    const cleanupAt = at + choose.int(0, 10_000)
    const step = stepNamed('cleanup of superseded renders', maybeDies(cleanupAt))
    startAt(cleanupAt, step.name, () => cleanup(step, true))
  }
  const closes = choose.chance(0.6)
  if (closes) {
    const at = choose.int(0, 30_000)
    const merged = choose.chance(0.5)
    clock.at(at, () => {
      github.pulls.set(PR, {
        ...(github.pulls.get(PR) as NonNullable<ReturnType<typeof github.pulls.get>>),
        open: false,
        merged
      })
      note('the pull request closes')
    })
    const cleanupAt = at + choose.int(0, 10_000)
    const step = stepNamed('cleanup on close', maybeDies(cleanupAt))
    startAt(cleanupAt, step.name, () => cleanup(step, false))
  }
  if (choose.chance(0.5)) {
    const at = choose.int(0, 40_000)
    const mode = choose.pick(['closed', 'superseded'] as const)
    const step = stepNamed(`sweep (${mode})`, maybeDies(at))
    startAt(at, step.name, () => sweep(step, mode))
  }
  await clock.run(MAX_STEPS)

  // The nightly sweep, with GitHub well again (but its clocks as they were): it cancels what is left.
  if (closes) {
    const step = stepNamed('nightly sweep', undefined, false)
    startAt(0, step.name, () => sweep(step, 'closed', true))
    await clock.run(MAX_STEPS)
  }

  const ours = github.comments.filter((comment) => comment.author === BOT && comment.body.startsWith(HEADING))
  const read = await new RecordsStore(github.as(BOT), PR, {
    viewer: BOT,
    clock,
    warn: (message) => problems.push(`reading the records at the end: ${message}`),
    log: () => undefined
  }).read()
  const final = new Map(read.records.map((record) => [record.batchId, record]))
  for (const batchId of written) if (!final.has(batchId)) problems.push(`the record of ${batchId} was lost`)
  for (const result of outcomesWritten) {
    const record = final.get(result.batchId)
    const kept = result.outcome === 'answered' ? record?.cancel : (record?.cancel ?? record?.failedAt)
    if (!kept) problems.push(`the outcome of ${result.batchId} (${result.outcome}) was lost`)
  }
  for (const record of final.values()) {
    if (record.cancel && !answeredByNexrender.has(record.batchId))
      problems.push(`${record.batchId} is marked done, but Nexrender never answered a cancel for it`)
    if (closes && !record.cancel) problems.push(`${record.batchId} is still open after the pull request closed`)
  }
  const needed = commentBodies([...final.values()]).length
  if (ours.length > needed)
    problems.push(`the pull request has ${ours.length} records comments where ${needed} would hold its records`)
  const trace = () =>
    lines.map(({ at, line }) => `${(at / 1000).toFixed(3).padStart(9)} s  ${typeof line === 'string' ? line : line()}`)
  return { seed, problems, trace }
}
