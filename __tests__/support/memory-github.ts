import type {
  GitHubApi,
  IssueComment,
  PullRequestState,
  ReactionAnswer,
  ReactionTarget,
  WriteOptions
} from '../../src/github/github-api.js'
import { GitHubError, GitHubUnreachable, WriteWindowClosed } from '../../src/github/github-errors.js'
import type { LeaseClock } from '../../src/records/lease.js'

/**
 * A pull request's comments and reactions in memory, behind the GitHubApi the records code uses, with
 * a clock of its own: time passes only when someone sleeps on it, and writes a test holds back are
 * applied (late) when the clock gets there. So interleavings are exact and tests take no real time.
 */
export class FakeClock implements LeaseClock {
  time = Date.parse('2026-12-01T10:00:00Z')
  private readonly due: Array<{ at: number; run: () => void }> = []

  now = (): number => this.time
  random = (): number => 0.5

  sleep = async (ms: number): Promise<void> => {
    await this.advance(ms)
  }

  /** Moves time on, running what falls due on the way, in order. */
  async advance(ms: number): Promise<void> {
    const until = this.time + ms
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
    this.time = until
  }

  at(delayMs: number, run: () => void): void {
    this.due.push({ at: this.time + delayMs, run })
  }
}

type StoredComment = IssueComment

/** How to hold the next write back: applied `applyAfterMs` late; its caller answered then, or given up on earlier. */
export interface WriteHold {
  applyAfterMs: number
  /** The caller stops waiting this long after sending, without a clear answer (a timeout), before the write lands. */
  giveUpAfterMs?: number
}

export interface MemoryGitHubOptions {
  clock?: FakeClock
}

export class MemoryGitHub {
  readonly clock: FakeClock
  readonly comments: StoredComment[] = []
  readonly reactions: Array<{ id: number; target: string; login: string; content: string; createdAt: number }> = []
  /** Every call made, in order, as `login method what`. */
  readonly calls: string[] = []
  readonly pulls = new Map<number, PullRequestState>()
  locked = false
  private nextId = 1
  private holds: WriteHold[] = []
  /** Runs before each write is applied, once: another writer's turn. */
  beforeWrite?: (what: string) => Promise<void> | void

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

  /** The API as a token acting as `login` sees it. */
  as(login: string): GitHubApi {
    const copy = (comment: StoredComment): IssueComment => ({ ...comment })
    const write = async <T>(what: string, options: WriteOptions, apply: () => T): Promise<T> => {
      this.calls.push(`${login} ${what}`)
      // As the client does: an attempt that could land after the lease is not sent.
      if (options.notAfter !== undefined && this.clock.now() + 30_000 > options.notAfter) throw new WriteWindowClosed()
      if (this.locked && !what.startsWith('DELETE')) {
        throw new GitHubError(403, 'Unable to create comment because issue is locked.', {}, 1)
      }
      const hook = this.beforeWrite
      this.beforeWrite = undefined
      await hook?.(what)
      const hold = this.holds.shift()
      if (!hold) return apply()
      return new Promise<T>((resolve, reject) => {
        this.clock.at(hold.applyAfterMs, () => {
          const result = apply()
          if (hold.giveUpAfterMs === undefined) resolve(result)
        })
        if (hold.giveUpAfterMs !== undefined)
          this.clock.at(hold.giveUpAfterMs, () =>
            reject(new GitHubUnreachable('no complete answer within 30 s (timeout)'))
          )
      })
    }
    const targetKey = (target: ReactionTarget) =>
      'comment' in target ? `comment:${target.comment}` : `issue:${target.issue}`
    return {
      viewerLogin: async () => login,
      listComments: async (pullRequest) => {
        this.calls.push(`${login} list`)
        return this.comments.filter((comment) => comment.issue === pullRequest).map(copy)
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
        const existing = this.reactions.find(
          (reaction) => reaction.target === key && reaction.login === login && reaction.content === content
        )
        const reaction = existing ?? { id: this.nextId++, target: key, login, content, createdAt: this.clock.time }
        if (!existing) this.reactions.push(reaction)
        return {
          created: !existing,
          reactionId: reaction.id,
          createdAt: new Date(reaction.createdAt).toISOString(),
          serverTime: this.clock.time
        }
      },
      deleteReaction: async (target, reactionId) => {
        this.calls.push(`${login} unreact ${targetKey(target)}`)
        const index = this.reactions.findIndex((reaction) => reaction.id === reactionId)
        if (index !== -1) this.reactions.splice(index, 1)
      }
    }
  }
}
