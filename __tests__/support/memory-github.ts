import type {
  GitHubApi,
  IssueComment,
  PullRequestState,
  ReactionAnswer,
  ReactionTarget,
  WriteOptions
} from '../../src/github/github-api.js'
import {
  GitHubError,
  GitHubUnreachable,
  WriteMayHaveLanded,
  WriteWindowClosed
} from '../../src/github/github-errors.js'
import type { LeaseClock } from '../../src/records/lease.js'

/**
 * A pull request's comments and reactions in memory, behind the GitHubApi the records code uses, with
 * a clock of its own: time passes only when someone sleeps on it, and writes a test holds back are
 * applied (late) when the clock gets there. So interleavings are exact and tests take no real time.
 */
export class FakeClock implements LeaseClock {
  time = Date.parse('2026-12-01T10:00:00Z')
  protected readonly due: Array<{ at: number; run: () => void }> = []

  now = (): number => this.time
  /** Time never jumps here: the step's monotonic clock is the same one. */
  monotonic = (): number => this.time
  random = (): number => 0.5

  sleep = async (ms: number): Promise<void> => {
    await this.advance(ms)
  }

  /** Moves time on, running what falls due on the way, in order. Time never goes back. */
  async advance(ms: number): Promise<void> {
    const until = this.time + checkedWait(ms)
    for (;;) {
      this.due.sort((a, b) => a.at - b.at)
      const next = this.due[0]
      if (!next || next.at > until) break
      this.due.shift()
      this.time = Math.max(this.time, next.at)
      next.run()
      // Let what the task woke run before time moves on.
      await new Promise((resolve) => setImmediate(resolve))
    }
    // Another sleeper may have moved time further meanwhile.
    this.time = Math.max(this.time, until)
  }

  at(delayMs: number, run: () => void): void {
    this.due.push({ at: this.time + checkedWait(delayMs), run })
  }
}

/** A wait the fake clock accepts: a negative or NaN one would move time back, or nowhere, for ever. */
function checkedWait(ms: number): number {
  if (!(ms >= 0)) throw new RangeError(`the fake clock was asked to wait ${ms} ms: a wait is never negative or NaN`)
  return ms
}

/** GitHub's times, to the second. */
const toSecond = (ms: number) => Math.floor(ms / 1000) * 1000
/** How long the client waits before retrying an attempt GitHub answered with a 5xx. */
export const RETRY_DELAY_MS = 1000

type StoredComment = IssueComment

/** How to hold the next write back: applied `applyAfterMs` late; its caller answered then, or given up on earlier. */
export interface WriteHold {
  /** Undefined: never applied (with `giveUpAfterMs`: a request lost on the way). */
  applyAfterMs?: number
  /** The caller stops waiting this long after sending, without a clear answer (a timeout), before the write lands. */
  giveUpAfterMs?: number
}

/** What becomes of one write: held back (see WriteHold), or answered with a 502, applied or not. */
export type WriteFault = WriteHold | 'applied, then 502' | '502, not applied'

/** How a token's calls go wrong, decided call by call (`what` as in `calls`: `POST comment`, `react`, `unreact`, …). */
export interface CallFaults {
  fault?: (what: string) => WriteFault | undefined
}

export interface MemoryGitHubOptions {
  clock?: FakeClock
}

/** Reactions as GitHub keeps them. */
export interface MemoryReaction {
  id: number
  /** `comment:ID` or `issue:NUMBER`. */
  target: string
  login: string
  content: string
  /** ms, by GitHub's own (right) clock. */
  createdAt: number
}

export class MemoryGitHub {
  readonly clock: FakeClock
  readonly comments: StoredComment[] = []
  readonly reactions: MemoryReaction[] = []
  /** Every call made, in order, as `login method what`. */
  readonly calls: string[] = []
  readonly pulls = new Map<number, PullRequestState>()
  locked = false
  private nextId = 1
  private holds: WriteHold[] = []
  /** Runs before each write is applied, once: another writer's turn. */
  beforeWrite?: (what: string) => Promise<void> | void
  /**
   * The `Date` an answer carries when GitHub's clock says `time`: to the second by default; a front
   * end with a wrong clock is skewed, and undefined plays an answer without one.
   */
  dateOf: (time: number) => number | undefined = toSecond
  /** What becomes of the next writes: answered with a 502, applied or not (see applyThenFail). */
  private writeFaults: WriteFault[] = []

  constructor(options: MemoryGitHubOptions = {}) {
    this.clock = options.clock ?? new FakeClock()
  }

  /** A comment by anyone, as a test sets the scene. */
  say(author: string, body: string, issue = 7): StoredComment {
    const id = this.nextId++
    const comment = {
      id,
      body,
      author,
      issue,
      url: `https://github.com/acme/renders/pull/${issue}#issuecomment-${id}`,
      updatedAt: new Date(this.clock.time).toISOString()
    }
    this.comments.push(comment)
    return comment
  }

  bodiesOf(author: string): string[] {
    return this.comments.filter((comment) => comment.author === author).map((comment) => comment.body)
  }

  holdNextWrite(hold: WriteHold): void {
    this.holds.push(hold)
  }

  /**
   * The next `times` writes (comments and reactions) are applied, then answered with a 502. As the
   * client does, a comment's post then throws WriteMayHaveLanded; any other write is sent again after
   * the retry's wait, and answered.
   */
  applyThenFail(times = 1): void {
    for (let time = 0; time < times; time++) this.writeFaults.push('applied, then 502')
  }

  /** The next `times` writes are answered with a 502 without being applied; otherwise as applyThenFail. */
  failWithoutApplying(times = 1): void {
    for (let time = 0; time < times; time++) this.writeFaults.push('502, not applied')
  }

  /** The API as a token acting as `login` sees it; `faults` decide what becomes of each of its writes. */
  as(login: string, faults: CallFaults = {}): GitHubApi {
    const copy = (comment: StoredComment): IssueComment => ({ ...comment })
    const faultFor = (what: string) => faults.fault?.(what) ?? this.writeFaults.shift()
    const write = async <T>(what: string, options: WriteOptions, apply: () => T): Promise<T> => {
      this.calls.push(`${login} ${what}`)
      const planned = faults.fault?.(what)
      // As the client does: an attempt that could land after the lease is not sent.
      if (options.notAfter !== undefined && this.clock.now() + 30_000 > options.notAfter) throw new WriteWindowClosed()
      if (this.locked && !what.startsWith('DELETE')) {
        throw new GitHubError(403, 'Unable to create comment because issue is locked.', {}, 1)
      }
      const hook = this.beforeWrite
      this.beforeWrite = undefined
      await hook?.(what)
      const fault = planned ?? this.writeFaults.shift() ?? this.holds.shift()
      if (fault === 'applied, then 502' || fault === '502, not applied') {
        if (fault === 'applied, then 502') apply()
        const endedAt = this.clock.now()
        await this.clock.sleep(RETRY_DELAY_MS)
        if (what === 'POST comment') throw new WriteMayHaveLanded('HTTP 502 Bad Gateway', endedAt)
        if (options.notAfter !== undefined && this.clock.now() + 30_000 > options.notAfter)
          throw new WriteWindowClosed(endedAt)
        this.calls.push(`${login} ${what} (sent again)`)
        return apply()
      }
      const hold = fault
      if (!hold) return apply()
      return new Promise<T>((resolve, reject) => {
        if (hold.applyAfterMs !== undefined)
          this.clock.at(hold.applyAfterMs, () => {
            try {
              const result = apply()
              if (hold.giveUpAfterMs === undefined) resolve(result)
            } catch (error) {
              // Refused when it arrived (its comment deleted meanwhile): said to the caller if it still waits.
              if (hold.giveUpAfterMs === undefined) reject(error instanceof Error ? error : new Error(String(error)))
            }
          })
        if (hold.giveUpAfterMs !== undefined)
          this.clock.at(hold.giveUpAfterMs, () => {
            // As the client does: a comment's post is looked for before it is sent again.
            const reason = 'no complete answer within 30 s (timeout)'
            reject(
              what === 'POST comment' ? new WriteMayHaveLanded(reason, this.clock.now()) : new GitHubUnreachable(reason)
            )
          })
      })
    }
    const targetKey = (target: ReactionTarget) =>
      'comment' in target ? `comment:${target.comment}` : `issue:${target.issue}`
    return {
      viewerLogin: async () => login,
      listComments: async (pullRequest, since) => {
        this.calls.push(since === undefined ? `${login} list` : `${login} list since`)
        return this.comments
          .filter(
            (comment) =>
              comment.issue === pullRequest &&
              (since === undefined || Date.parse(comment.updatedAt) >= Date.parse(since))
          )
          .map(copy)
      },
      getComment: async (id) => {
        this.calls.push(`${login} get ${id}`)
        const comment = this.comments.find((candidate) => candidate.id === id)
        return comment ? copy(comment) : undefined
      },
      listRepositoryComments: async (since) => {
        this.calls.push(`${login} list repository`)
        return this.comments.filter((comment) => comment.updatedAt >= since).map(copy)
      },
      createComment: (pullRequest, body, options = {}) =>
        write('POST comment', options, () => {
          const id = this.nextId++
          const comment = {
            id,
            body,
            author: login,
            issue: pullRequest,
            url: `https://github.com/acme/renders/pull/${pullRequest}#issuecomment-${id}`,
            updatedAt: new Date(this.clock.time).toISOString()
          }
          this.comments.push(comment)
          return copy(comment)
        }),
      updateComment: (id, body, options = {}) =>
        write(`PATCH ${id}`, options, () => {
          const comment = this.comments.find((candidate) => candidate.id === id)
          if (!comment) throw new GitHubError(404, 'Not Found', {}, 1)
          if (comment.author !== login) throw new GitHubError(403, 'Must have admin rights to Repository.', {}, 1)
          comment.body = body
          comment.updatedAt = new Date(this.clock.time).toISOString()
          return copy(comment)
        }),
      deleteComment: (id, options = {}) =>
        write(`DELETE ${id}`, options, () => {
          const index = this.comments.findIndex((comment) => comment.id === id)
          if (index !== -1 && this.comments[index]?.author !== login) {
            throw new GitHubError(403, 'Must have admin rights to Repository.', {}, 1)
          }
          if (index !== -1) this.comments.splice(index, 1)
        }),
      pullRequest: async (number) => {
        const pull = this.pulls.get(number)
        if (!pull) throw new GitHubError(404, 'Not Found', {}, 1)
        return pull
      },
      pullRequests: async (numbers) => ({
        found: new Map(
          numbers.flatMap((number) =>
            this.pulls.has(number) ? [[number, this.pulls.get(number) as PullRequestState]] : []
          )
        ),
        unresolved: []
      }),
      addReaction: async (target, content): Promise<ReactionAnswer> => {
        this.calls.push(`${login} react ${targetKey(target)}`)
        const key = targetKey(target)
        const react = () => {
          const existing = this.reactions.find(
            (reaction) => reaction.target === key && reaction.login === login && reaction.content === content
          )
          const reaction = existing ?? { id: this.nextId++, target: key, login, content, createdAt: this.clock.time }
          if (!existing) this.reactions.push(reaction)
          return { reaction, created: !existing }
        }
        const fault = faultFor('react')
        const unsure = fault === 'applied, then 502' || fault === '502, not applied'
        if (fault === 'applied, then 502') react()
        if (unsure) {
          await this.clock.sleep(RETRY_DELAY_MS)
          this.calls.push(`${login} react ${key} (sent again)`)
        }
        const made = react()
        const serverTime = this.dateOf(this.clock.time)
        return {
          created: made.created,
          reactionId: made.reaction.id,
          createdAt: new Date(toSecond(made.reaction.createdAt)).toISOString().replace('.000Z', 'Z'),
          ...(serverTime === undefined ? {} : { serverTime }),
          earlierAttemptMayHaveActed: unsure
        }
      },
      deleteReaction: async (target, reactionId) => {
        this.calls.push(`${login} unreact ${targetKey(target)}`)
        // A removal that fails for good: the lease is left to run out.
        if (faults.fault?.('unreact') === '502, not applied') throw new GitHubError(502, 'Server Error', {}, 4)
        const index = this.reactions.findIndex((reaction) => reaction.id === reactionId)
        if (index !== -1) this.reactions.splice(index, 1)
      }
    }
  }
}
