import type { GitHubApi, IssueComment } from '../github/github-api.js'
import { GitHubError, WriteMayHaveLanded, WriteWindowClosed } from '../github/github-errors.js'
import { acquireLease, APPLY_MARGIN_MS, type LeaseClock } from './lease.js'
import { isOurComment, looksLikeOurs } from './our-comment.js'
import { HEADING, readRecordsPart, type RecordsPart } from './records-format.js'
import { planRecordsLayout, type ExistingPart } from './records-layout.js'
import { listingIsComplete } from './sweep.js'
import { applyChanges, holdsChanges, mergeRecords, type BatchRecord, type RecordChange } from './records.js'

/** Leases a write may take before it gives up: each ends when its lease would, or when another takes the lead. */
export const MAX_WRITE_ROUNDS = 3
/** How often one comment is posted when GitHub answers with an error and the comment is not found after. */
export const MAX_COMMENT_POSTS = 3

/** A comment of ours, with what its records part holds. */
export interface OurComment extends IssueComment {
  part: RecordsPart
}

/** A comment of ours that this version cannot read in full: kept as it is, and reported. */
export interface UnreadableComment {
  url: string
  problem: string
  newerVersion?: number
}

export interface StoredRecords {
  /** Every record read, from every comment of ours (what an unreadable one still gave included). */
  records: BatchRecord[]
  /** The address of the comment with the table; undefined while there is none. */
  commentUrl?: string
  unreadable: UnreadableComment[]
}

export interface RecordsStoreOptions {
  /** The login the token acts as: only its comments can be ours. */
  viewer: string
  warn: (message: string) => void
  /** Receives what the step waits for, and writes GitHub applied despite an error. */
  log: (line: string) => void
  clock: LeaseClock
}

/**
 * The batches recorded on one pull request, kept in comments of ours (see `our-comment.ts`): one,
 * or more when one cannot hold them. Reading takes no lease; writing does, so that no interleaving of
 * writers loses a record or an outcome.
 */
export class RecordsStore {
  /** Every listing meets the same comments: each warning is given once. */
  private readonly warned = new Set<string>()
  /**
   * The pull request's comments as this step last listed them all, and the latest change among them
   * by GitHub's clock: a step lists them at most once; under the lease it reads again only its own
   * comments by id, and those changed since (`reread`).
   */
  private listed?: { comments: IssueComment[]; anchor?: string }
  /** The latest change the listing a write started from held: a post's outcome is looked for among what changed since. */
  private writeSince?: string

  constructor(
    private readonly api: GitHubApi,
    readonly pullRequest: number,
    private readonly options: RecordsStoreOptions
  ) {}

  /** The records as they stand; `comments` when the pull request's comments are already listed. */
  async read(comments?: IssueComment[]): Promise<StoredRecords> {
    return storedIn(this.ours(comments ?? (await this.listAll()).comments))
  }

  /** Every comment of the pull request, listed once for the step and kept. */
  private async listAll(): Promise<{ comments: IssueComment[]; anchor?: string }> {
    const comments = await this.api.listComments(this.pullRequest)
    this.listed = { comments, anchor: latestChange(comments) }
    return this.listed
  }

  /**
   * Makes the changes under a lease: lists our comments again once it holds the lease, merges, writes
   * the comments that change, and checks GitHub's answers hold the changes. Returns at once, writing
   * nothing, when the records already hold them. `known`: the pull request's comments as just
   * listed (the sweep has them), which spares the first listing, and `anchor` the latest change
   * (GitHub's `updated_at`) in the listing they came from. The step lists the pull request's comments
   * at most once: under the lease it reads its own comments again by id, and those changed since.
   */
  async write(changes: RecordChange[], known?: IssueComment[], anchor?: string): Promise<StoredRecords> {
    let view: OurComment[] | undefined = known ? this.ours(known) : undefined
    let since = known ? (anchor ?? latestChange(known)) : undefined
    if (!view) {
      const listed = this.listed ?? (await this.listAll())
      view = this.ours(listed.comments)
      since = listed.anchor
    }
    for (let round = 1; ; round++) {
      if (round > MAX_WRITE_ROUNDS) {
        throw new Error(
          `the records comments of pull request #${this.pullRequest} kept changing hands: after ${MAX_WRITE_ROUNDS} leases this step's changes were still not written`
        )
      }
      const before: OurComment[] = view
      if (settled(before, changes)) return storedIn(before)
      const first = before[0]
      const { clock, viewer, log } = this.options
      const lease = await acquireLease(
        this.api,
        first ? { comment: first.id } : { issue: this.pullRequest },
        first ? `the records comment ${first.url}` : `pull request #${this.pullRequest}`,
        { clock, holder: viewer, log }
      )
      let release = true
      try {
        const now = await this.reread(before, since)
        view = now
        // Another writer made the first comment of ours meanwhile: its lease is the one to hold.
        if (now[0]?.id !== first?.id) continue
        // What this step listed is out of date once it writes: a later write lists again.
        this.listed = undefined
        this.writeSince = since
        return await this.rewrite(now, changes, lease.notAfter)
      } catch (error) {
        if (error instanceof WriteWindowClosed) {
          // An earlier attempt GitHub may have applied is let land before the lease goes.
          if (error.unsureEndedAt !== undefined) await this.untilLanded(error.unsureEndedAt)
          if (round < MAX_WRITE_ROUNDS) continue
          throw error
        }
        // A write that failed without a clear refusal may still be applied: the lease stays until it ends.
        release = error instanceof GitHubError && error.status < 500
        throw error
      } finally {
        if (release)
          await lease
            .release()
            .catch(() =>
              this.options.warn(
                `The lease on pull request #${this.pullRequest}'s records (a 👀 reaction) could not be removed; other steps wait until it is 2 minutes old.`
              )
            )
      }
    }
  }

  private async rewrite(now: OurComment[], changes: RecordChange[], notAfter: number): Promise<StoredRecords> {
    const readable = now.filter((comment) => comment.part.kind === 'readable')
    const desired = applyChanges(everyRecordIn(now), changes)
    const plan = planRecordsLayout(desired, readable.map(existingPart))
    const final = new Map<number, OurComment>(now.map((comment) => [comment.id, comment]))
    for (const step of plan.steps) {
      if (step.kind === 'delete') {
        await this.api.deleteComment(step.id, { notAfter })
        final.delete(step.id)
        continue
      }
      const written =
        step.kind === 'create'
          ? await this.create(step.body, notAfter, new Set(final.keys()))
          : await this.api.updateComment(step.id, step.body, { notAfter })
      final.set(written.id, { ...written, part: readRecordsPart(written.body) })
    }
    // GitHub's answers are the comments as it stored them: they must hold every change (but for done
    // records left out for room).
    const stored = storedIn([...final.values()].sort((a, b) => a.id - b.id))
    const pruned = new Set(plan.pruned.map((record) => record.batchId))
    const kept = changes.filter(
      (change) => !pruned.has(change.kind === 'record' ? change.record.batchId : change.batchId)
    )
    if (!holdsChanges(stored.records, kept)) {
      throw new Error(
        `the records comments of pull request #${this.pullRequest} did not hold this step's changes after writing them`
      )
    }
    return stored
  }

  /**
   * Posts a comment. GitHub may apply a post it answers with an error (a 5xx, a timeout): then the
   * comment is looked for, once the post can no longer land, before it is posted again; `known` are
   * the comments there before. (While this step posts the first comment under the lease on the pull
   * request, another step may already take the lease on that comment and write to it.)
   */
  private async create(body: string, notAfter: number, known: Set<number>): Promise<IssueComment> {
    for (let post = 1; ; post++) {
      try {
        return await this.api.createComment(this.pullRequest, body, { notAfter })
      } catch (error) {
        if (!(error instanceof WriteMayHaveLanded)) throw error
        await this.untilLanded(error.endedAt)
        // A new comment of ours holding what was posted: another step may have written to it since.
        const posted = readRecordsPart(body).records.map((record) => record.batchId)
        const landed = this.ours(await this.api.listComments(this.pullRequest, secondBefore(this.writeSince))).find(
          (comment) =>
            !known.has(comment.id) &&
            posted.every((batchId) => comment.part.records.some((record) => record.batchId === batchId))
        )
        const what = `GitHub answered the post of a records comment on pull request #${this.pullRequest} with ${error.reason}`
        if (landed) {
          this.options.log(`${what}, but had made it (${landed.url}): it is not posted again.`)
          return landed
        }
        if (post === MAX_COMMENT_POSTS) throw error
        this.options.log(`${what}, and had not made it: it is posted again.`)
      }
    }
  }

  /**
   * Our comments as they are now, without listing them all again: each known one read by id (gone if
   * GitHub no longer has it), and any other made or changed since `since` (GitHub's time of the
   * latest change the listing held: whatever changes after a listing is changed at or after it).
   * Without `since` (a pull request without comments) the listing is short, and read whole.
   */
  private async reread(known: OurComment[], since: string | undefined): Promise<OurComment[]> {
    const byId = new Map<number, IssueComment>()
    for (const comment of known) {
      const now = await this.api.getComment(comment.id)
      if (now) byId.set(now.id, now)
    }
    // The first comment says how many records there are in all: when those read hold them all, no
    // other comment of ours can hold one.
    const read = this.ours([...byId.values()])
    if (read[0]?.id === known[0]?.id && listingIsComplete(read)) return read
    for (const comment of await this.api.listComments(this.pullRequest, secondBefore(since)))
      if (!byId.has(comment.id)) byId.set(comment.id, comment)
    return this.ours([...byId.values()])
  }

  /** Waits until a write whose attempt ended at `endedAt` has been applied, if it ever is. */
  private async untilLanded(endedAt: number): Promise<void> {
    const { clock } = this.options
    const wait = endedAt + APPLY_MARGIN_MS - clock.now()
    if (wait > 0) await clock.sleep(wait)
  }

  /** Our comments, oldest first, read; a warning for each look-alike that is not ours. */
  private ours(comments: IssueComment[]): OurComment[] {
    const { viewer } = this.options
    for (const comment of comments) {
      if (isOurComment(comment, viewer)) continue
      if (comment.author !== viewer && looksLikeOurs(comment)) {
        this.warnOnce(
          `Ignored a comment by ${comment.author} on pull request #${this.pullRequest} that looks like this action's record of batches (${comment.url}): only comments by ${viewer}, whom the token acts as, are trusted.`
        )
      } else if (comment.author === viewer && comment.body.startsWith(HEADING)) {
        // Our heading without our hidden part right after it: most likely an edit broke one of ours.
        this.warnOnce(
          `A comment of ${viewer} on pull request #${this.pullRequest} starts like this action's records but is not in their format (${comment.url}): it is not read, and left as it is.`
        )
      }
    }
    return comments
      .filter((comment) => isOurComment(comment, viewer))
      .sort((a, b) => a.id - b.id)
      .map((comment) => ({ ...comment, part: readRecordsPart(comment.body) }))
  }

  private warnOnce(message: string): void {
    if (this.warned.has(message)) return
    this.warned.add(message)
    this.options.warn(message)
  }
}

/** The latest change among the comments, by GitHub's clock; undefined for none. */
export function latestChange(comments: IssueComment[]): string | undefined {
  return comments.reduce<string | undefined>(
    (latest, comment) =>
      latest === undefined || Date.parse(comment.updatedAt) > Date.parse(latest) ? comment.updatedAt : latest,
    undefined
  )
}

/** A second before the time: GitHub's times are whole seconds, and a change in the same second must not be missed. */
function secondBefore(iso: string | undefined): string | undefined {
  const before = new Date((iso === undefined ? NaN : Date.parse(iso)) - 1000)
  // Not a time, or one a second before which no date holds: no `since`, so the whole listing.
  return Number.isNaN(before.getTime()) ? undefined : before.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

function everyRecordIn(comments: OurComment[]): BatchRecord[] {
  return mergeRecords(...comments.map((comment) => comment.part.records))
}

function existingPart(comment: OurComment): ExistingPart {
  return { id: comment.id, body: comment.body, batchIds: comment.part.records.map((record) => record.batchId) }
}

/** The records already hold the changes, and are laid out as a write would leave them. */
function settled(comments: OurComment[], changes: RecordChange[]): boolean {
  const records = everyRecordIn(comments)
  if (!holdsChanges(records, changes)) return false
  const readable = comments.filter((comment) => comment.part.kind === 'readable').map(existingPart)
  if (readable.length === 0) return changes.length === 0
  return planRecordsLayout(records, readable).steps.length === 0
}

function storedIn(comments: OurComment[]): StoredRecords {
  const withTable = comments.find((comment) => comment.part.kind === 'readable') ?? comments[0]
  return {
    records: everyRecordIn(comments),
    commentUrl: withTable?.url,
    unreadable: comments.flatMap(({ url, part }) =>
      part.kind === 'unreadable'
        ? [{ url, problem: part.problem, ...(part.newerVersion ? { newerVersion: part.newerVersion } : {}) }]
        : []
    )
  }
}
